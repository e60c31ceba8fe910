// Public surface of the admin feature: mount UsersPage at /admin (wrapped in RequireSession action="administer-users").
export { UsersPage } from './users-page';
export { adminApi, type AdminUserDto } from './admin-api';
export { PermissionsPage } from './permissions-page';
export { ServiceAccountsPage } from './service-accounts-page';
export { TeamsPage } from './teams-page';
export { AgreementsPage } from './agreements-page';
export { WebhooksPage } from './webhooks-page';
