// Calls to /api/returns (server/src/http/returns.routes.ts). The answers' types come from the API's schemas
// (server/src/http/openapi/records-schemas.ts).
import { apiFetch } from '../auth';
import type { QuarterReturnsBody } from '../../../../server/src/http/openapi/api-types';

export type QuarterReturnsView = QuarterReturnsBody;
export type ReturnVersionView = QuarterReturnsView['versions'][number];
export type ReturnProblemView = ReturnVersionView['problems'][number];

export const returnsApi = {
  quarter: (quarter?: string) => apiFetch<QuarterReturnsView>('GET', `/api/returns${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ''}`),
  generate: (quarter: string) => apiFetch<QuarterReturnsView>('POST', '/api/returns', { quarter }),
  submit: (id: string) => apiFetch<QuarterReturnsView>('POST', `/api/returns/${encodeURIComponent(id)}/submit`, {}),
  /** A plain link: the browser downloads the file with the session cookie (a GET needs no CSRF token). */
  fileHref: (id: string) => `/api/returns/${encodeURIComponent(id)}/file`,
};
