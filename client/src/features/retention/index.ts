// Public surface of the retention feature: the shell mounts RetentionPage at /retention.
export { RetentionPage } from './retention-page';
