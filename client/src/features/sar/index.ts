// Public surface of the subject access request feature: mount SarArea at /sar (RequireSession action="export-sar").
export { SarArea } from './sar-area';
