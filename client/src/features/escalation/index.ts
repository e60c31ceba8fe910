// Public surface of the escalation feature for the app shell.
export { EscalationPolicyPage } from './escalation-policy-page';
export { NotificationPreferencePanel } from './notification-preference-panel';
export { escalationApi } from './escalation-api';
