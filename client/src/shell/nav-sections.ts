// Main navigation. `action` hides an entry from people whose roles cannot use it (the server
// refuses the data anyway); entries without one are for every signed-in person.
export interface NavSection {
  path: string;
  label: string;
  action?: string;
}

export const NAV_SECTIONS: NavSection[] = [
  { path: '/', label: 'Home' },
  { path: '/tasks', label: 'Tasks' },
  // Before /cases: the current section is the first entry whose path the address starts with.
  { path: '/cases/held', label: 'Referrals to decide', action: 'create-case' },
  { path: '/cases', label: 'Cases', action: 'view-cases' },
  { path: '/forms', label: 'Forms' },
  { path: '/processes', label: 'Processes', action: 'deploy-process' },
  { path: '/monitor', label: 'Monitor', action: 'resolve-incident' },
  { path: '/timescales', label: 'Timescales' },
  { path: '/reports', label: 'Reports', action: 'view-reports' },
  { path: '/returns', label: 'Returns', action: 'submit-returns' },
  { path: '/schools', label: 'School data', action: 'view-cases' },
  { path: '/escalation', label: 'Escalation', action: 'edit-timescales' },
  { path: '/outbox', label: 'Outbox', action: 'administer-users' },
  // Before /admin: the current section is the first entry whose path the address starts with.
  { path: '/admin/permissions', label: 'Permissions', action: 'administer-users' },
  { path: '/admin/teams', label: 'Teams', action: 'administer-users' },
  { path: '/admin/service-accounts', label: 'Service accounts', action: 'administer-users' },
  { path: '/admin/webhooks', label: 'Event subscriptions', action: 'administer-users' },
  { path: '/admin/sharing-agreements', label: 'Sharing agreements', action: 'view-audit' },
  { path: '/admin', label: 'Users', action: 'administer-users' },
  { path: '/audit', label: 'Audit', action: 'view-audit' },
  { path: '/retention', label: 'Retention', action: 'manage-legal-holds' },
  { path: '/sar', label: 'Subject access', action: 'export-sar' },
];
