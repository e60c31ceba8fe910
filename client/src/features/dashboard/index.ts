// Public surface of the dashboard feature for the app shell (the home page at /).
import './dashboard.css';

export { DashboardPage } from './dashboard-page';
