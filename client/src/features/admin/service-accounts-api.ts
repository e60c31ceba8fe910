// Calls to /api/admin/service-accounts (administrators only). A token arrives once, in the answer that
// issued it; the page shows it then and keeps it nowhere.
import { apiFetch } from '../auth/api-fetch';
import type { ScopeDefinition as ScopeDto } from '../../../../server/src/domain/integration/service-account';
import type { ServiceAccountView as ServiceAccountDto } from '../../../../server/src/application/service-accounts/service-account-admin';

// The server's own types (type-only: nothing of the server is bundled), so the two cannot drift.
export type { ScopeDefinition as ScopeDto } from '../../../../server/src/domain/integration/service-account';
export type { ServiceAccountView as ServiceAccountDto } from '../../../../server/src/application/service-accounts/service-account-admin';
/** `awaitingApproval`: the account reads case data, so its tokens work once another administrator approved it. */
export interface IssuedTokenDto { account: ServiceAccountDto; token: string; awaitingApproval?: { id: string } }

const base = '/api/admin/service-accounts';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const serviceAccountsApi = {
  list: () => apiFetch<{ items: ServiceAccountDto[]; scopes: ScopeDto[] }>('GET', base),
  roles: () => apiFetch<{ labels: { key: string; label: string }[] }>('GET', '/api/users/roles').then((r) => r.labels),
  create: (body: Record<string, unknown>) => apiFetch<IssuedTokenDto>('POST', base, body),
  rotate: (id: string, overlapHours: number) => apiFetch<IssuedTokenDto>('POST', `${one(id)}/rotate`, { overlapHours }),
  revoke: (id: string, reason: string) => apiFetch<ServiceAccountDto>('POST', `${one(id)}/revoke`, { reason }),
};
