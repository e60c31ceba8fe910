// Calls to /api/reports/kpis (server/src/http/reports.routes.ts) and the addresses of the CSV exports.
// The figures' types come from the API's schemas.
import { apiFetch } from '../auth';
import type { KpiReportBody } from '../../../../server/src/http/openapi/api-types';

/** The indicators as the API's schema describes them (server/src/http/openapi/report-schemas.ts). */
export type KpiView = KpiReportBody;
export type KpiFigures = KpiView['indicators'][number];
export type KpiMeasure = KpiFigures['measures'][number];

export interface KpiQuery { from?: string; to?: string; team?: string }

const qs = (q: object) => new URLSearchParams(Object.entries(q).filter(([, v]) => !!v) as [string, string][]).toString();

export const kpiApi = {
  kpis: (q: KpiQuery) => {
    const query = qs(q);
    return apiFetch<KpiView>('GET', `/api/reports/kpis${query ? `?${query}` : ''}`);
  },
};

/** The address of a table's CSV file: a plain link, so the browser downloads it with the session. */
export const exportHref = (report: 'kpis' | 'timeliness', table: string, q: object): string =>
  `/api/reports/${report}/export?${qs({ ...q, table })}`;
