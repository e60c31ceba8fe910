// Calls to the audit API (DPO search, verification).
import type { AuditEvent, ChainReport } from '../../../../server/src/domain/audit/audit-event';
import { apiFetch, ApiError } from '../auth/api-fetch';

/** As stored; the previous event's hash stays on the server (the verify endpoint checks the chain). */
export type AuditEventDto = Omit<AuditEvent, 'prevHash'>;

export type ChainReportDto = ChainReport;

export type AuditFilters = Partial<Record<'actorId' | 'action' | 'recordType' | 'recordId' | 'section' | 'flagged' | 'from' | 'to', string>> & { offset?: number; limit?: number };

const qs = (f: AuditFilters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const auditApi = {
  // Filter problems come back per field; fold them into the message the page shows.
  search: (f: AuditFilters) =>
    apiFetch<{ items: AuditEventDto[]; total: number; offset: number; limit: number }>('GET', `/api/audit/events?${qs(f)}`).catch((e: unknown) => {
      if (e instanceof ApiError && Object.keys(e.errors).length) {
        throw new ApiError(e.status, `${e.message}: ${Object.entries(e.errors).map(([k, v]) => `${k} — ${v}`).join('; ')}`, e.code, e.errors);
      }
      throw e;
    }),
  verify: () => apiFetch<ChainReportDto>('POST', '/api/audit/verify'),
};
