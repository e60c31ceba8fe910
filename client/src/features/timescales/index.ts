// Public surface of the timescales feature: the shell mounts TimescalesPage at /timescales.
export { TimescalesPage } from './timescales-page';
export { timescalesApi, describeValue, type TimescaleDto, type TimescaleSetDto } from './timescales-api';
