// Calls to /api/admin/service-accounts (administrators only). A token arrives once, in the answer that
// issued it; the page shows it then and keeps it nowhere.
import type { IssuedTokenBody, RoleChoicesBody, ServiceAccountBody, ServiceAccountListBody } from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** The page's answers as the API's schemas describe them (server/src/http/openapi/accounts-schemas.ts). */
export type ServiceAccountDto = ServiceAccountBody;
export type ScopeDto = ServiceAccountListBody['scopes'][number];
/** `awaitingApproval`: the account reads case data, so its tokens work once another administrator approved it. */
export type IssuedTokenDto = IssuedTokenBody;

const base = '/api/admin/service-accounts';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const serviceAccountsApi = {
  list: () => apiFetch<ServiceAccountListBody>('GET', base),
  roles: () => apiFetch<RoleChoicesBody>('GET', '/api/users/roles').then((r) => r.labels),
  create: (body: Record<string, unknown>) => apiFetch<IssuedTokenBody>('POST', base, body),
  rotate: (id: string, overlapHours: number) => apiFetch<IssuedTokenBody>('POST', `${one(id)}/rotate`, { overlapHours }),
  revoke: (id: string, reason: string) => apiFetch<ServiceAccountBody>('POST', `${one(id)}/revoke`, { reason }),
};
