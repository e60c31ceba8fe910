// Calls to the audit API (DPO search, verification).
import type { AuditChainReportBody, AuditPageBody, AuditSearchQuery } from '../../../../server/src/http/openapi/api-types';
import { apiFetch, ApiError } from '../auth/api-fetch';

/** An event as the API's schema describes it (server/src/http/openapi/sar-retention-schemas.ts): values of sections
 * the reader may not read are "withheld". */
export type AuditEventDto = AuditPageBody['items'][number];

export type ChainReportDto = AuditChainReportBody;

/** The search's parameters as the API describes them (server/src/http/audit-password-request.schema.ts). */
export type AuditFilters = AuditSearchQuery;

const qs = (f: AuditFilters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const auditApi = {
  // Filter problems come back per field; fold them into the message the page shows.
  search: (f: AuditFilters) =>
    apiFetch<AuditPageBody>('GET', `/api/audit/events?${qs(f)}`).catch((e: unknown) => {
      if (e instanceof ApiError && Object.keys(e.errors).length) {
        throw new ApiError(e.status, `${e.message}: ${Object.entries(e.errors).map(([k, v]) => `${k} — ${v}`).join('; ')}`, e.code, e.errors);
      }
      throw e;
    }),
  verify: () => apiFetch<ChainReportDto>('POST', '/api/audit/verify'),
};
