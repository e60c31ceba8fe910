// Calls to /api/reports (server/src/http/reports.routes.ts). The figures' types are the server's own.
import { apiFetch } from '../auth';
import type { TimelinessView } from '../../../../server/src/application/reports/get-timeliness-report';
import type { TimelinessFigures } from '../../../../server/src/domain/reports/timeliness';

export type { TimelinessView, TimelinessFigures };

export interface TimelinessQuery { from?: string; to?: string; timescale?: string; team?: string; worker?: string }

export const reportsApi = {
  timeliness: (q: TimelinessQuery) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]);
    const qs = params.toString();
    return apiFetch<TimelinessView>('GET', `/api/reports/timeliness${qs ? `?${qs}` : ''}`);
  },
};
