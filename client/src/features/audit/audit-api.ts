// Calls to the audit API (DPO search, verification).
import { apiFetch, ApiError } from '../auth/api-fetch';

export interface AuditEventDto {
  seq: number;
  at: string;
  actor: { id: string; username?: string; roles?: string[] };
  action: string;
  recordType?: string;
  recordId?: string;
  sections?: string[];
  before?: Record<string, unknown>;
  after?: Record<string, unknown>;
  ip?: string;
  reason?: string;
  flagged?: boolean;
  hash: string;
}

export interface ChainReportDto {
  ok: boolean;
  checked: number;
  lastSeq: number;
  problem?: { kind: string; seq: number; message: string };
}

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
