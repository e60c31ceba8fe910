// Public surface of the returns feature: the shell mounts ReturnsPage at /returns (submit-returns).
export { ReturnsPage } from './returns-page';
