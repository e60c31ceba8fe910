// GET /api/dashboard — the signed-in person's home page (server/src/application/dashboard/get-dashboard.ts).
import { apiFetch } from '../auth';
import type { DashboardBody } from '../../../../server/src/http/openapi/api-types';

/** The home page as the API's schema describes it (server/src/http/openapi/report-schemas.ts). */
export type Dashboard = DashboardBody;
export type DashboardTask = Dashboard['overdue']['tasks'][number];
export type CaseloadEntry = Dashboard['caseload']['cases'][number];

export const dashboardApi = {
  get: () => apiFetch<Dashboard>('GET', '/api/dashboard'),
};

const query = (p: Record<string, string>) => new URLSearchParams(p).toString();

/** Where each figure leads: the queue or the cases list showing exactly what was counted. */
export const links = {
  overdue: (d: Pick<Dashboard, 'now'>) => `/tasks?${query({ queue: 'mine', dueBefore: d.now })}`,
  dueThisWeek: (d: Pick<Dashboard, 'now' | 'weekEnd'>) => `/tasks?${query({ queue: 'mine', dueAfter: d.now, dueBefore: d.weekEnd })}`,
  caseload: () => `/cases?${query({ worker: 'me', status: 'open' })}`,
  unallocated: () => `/cases?${query({ worker: 'none', status: 'open' })}`,
};
