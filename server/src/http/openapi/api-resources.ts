// Every resource of the API in the order the reference page shows them. A route added to a router and not
// here fails test/integration/http/openapi.test.ts, which walks the express router stack.
import { signedIn, type ApiResource } from './api-operation';
import { CASES, DASHBOARD, TASKS } from './case-work.resources';
import { DRAFTS, FORMS, MONITOR, PROCESSES, SUBMISSIONS } from './forms-processes.resources';
import { SHARING, WEBHOOKS } from './sharing.resources';
import { SCHOOL_IMPORTS } from './school-imports.resources';
import { TEAMS } from './teams.resources';
import { HELD_REFERRALS, INTEGRATION, SERVICE_ACCOUNTS } from './integration.resources';
import { AUDIT, AUTH, ESCALATION, OUTSIDE_API, PERMISSIONS, REPORTS, RETENTION, RETURNS, SAR, TIMESCALES, USERS } from './service-admin.resources';

export const API_REFERENCE: ApiResource = {
  tag: 'API reference', base: '/api', description: 'This document, and the page that lists it.',
  operations: [
    { method: 'get', path: '/openapi.json', summary: 'The OpenAPI 3.1 document of this API', access: signedIn },
    { method: 'get', path: '/reference', summary: 'The API reference page (HTML)', access: signedIn, response: 'html' },
  ],
};

export const API_RESOURCES: readonly ApiResource[] = [
  AUTH, TASKS, CASES, DASHBOARD, FORMS, SUBMISSIONS, DRAFTS, PROCESSES, MONITOR, TIMESCALES, ESCALATION,
  REPORTS, RETURNS, SCHOOL_IMPORTS, USERS, TEAMS, PERMISSIONS, SERVICE_ACCOUNTS, INTEGRATION, HELD_REFERRALS, AUDIT, RETENTION, SAR, SHARING, WEBHOOKS, API_REFERENCE, OUTSIDE_API,
];
