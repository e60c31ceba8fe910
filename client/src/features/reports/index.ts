// Public surface of the reports feature: the shell mounts ReportsPage at /reports (view-reports).
export { ReportsPage } from './reports-page';
