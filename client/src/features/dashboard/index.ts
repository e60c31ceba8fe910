// Public surface of the dashboard feature for the app shell (the home page at /).
export { DashboardPage } from './dashboard-page';
