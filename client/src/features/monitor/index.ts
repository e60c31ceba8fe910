// Public surface of the monitor feature for the app shell.
export { MonitorArea } from './monitor-area';
