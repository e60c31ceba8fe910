// GET /api/dashboard — the signed-in person's home page (server/src/application/dashboard/get-dashboard.ts).
import { apiFetch } from '../auth';
import type { Dashboard } from '../../../../server/src/application/dashboard/get-dashboard';

export type { Dashboard, DashboardTask, CaseloadEntry } from '../../../../server/src/application/dashboard/get-dashboard';

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
