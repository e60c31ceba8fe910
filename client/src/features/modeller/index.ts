// Public surface of the modeller feature for the app shell: the Processes area (list, modeller, diff).
export { ProcessesArea } from './processes-area';
