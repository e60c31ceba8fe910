// Calls to /api/reports (server/src/http/reports.routes.ts). The figures' types come from the API's schemas.
import { apiFetch } from '../auth';
import type { TimelinessReportBody } from '../../../../server/src/http/openapi/api-types';

/** The report as the API's schema describes it (server/src/http/openapi/report-schemas.ts). */
export type TimelinessView = TimelinessReportBody;
export type TimelinessFigures = TimelinessView['trend'][number]['figures'];

export interface TimelinessQuery { from?: string; to?: string; timescale?: string; team?: string; worker?: string }

export const reportsApi = {
  timeliness: (q: TimelinessQuery) => {
    const params = new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]);
    const qs = params.toString();
    return apiFetch<TimelinessView>('GET', `/api/reports/timeliness${qs ? `?${qs}` : ''}`);
  },
};
