// Calls to /api/returns (server/src/http/returns.routes.ts). The view types are the server's own.
import { apiFetch } from '../auth';
import type { QuarterReturnsView } from '../../../../server/src/application/returns/get-quarter-returns';
import type { ReturnProblemView, ReturnVersionView } from '../../../../server/src/application/returns/present-return';

export type { QuarterReturnsView, ReturnProblemView, ReturnVersionView };

export const returnsApi = {
  quarter: (quarter?: string) => apiFetch<QuarterReturnsView>('GET', `/api/returns${quarter ? `?quarter=${encodeURIComponent(quarter)}` : ''}`),
  generate: (quarter: string) => apiFetch<QuarterReturnsView>('POST', '/api/returns', { quarter }),
  submit: (id: string) => apiFetch<QuarterReturnsView>('POST', `/api/returns/${encodeURIComponent(id)}/submit`, {}),
  /** A plain link: the browser downloads the file with the session cookie (a GET needs no CSRF token). */
  fileHref: (id: string) => `/api/returns/${encodeURIComponent(id)}/file`,
};
