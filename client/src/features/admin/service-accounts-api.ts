// Calls to /api/admin/service-accounts (administrators only). A token arrives once, in the answer that
// issued it; the page shows it then and keeps it nowhere.
import { apiFetch } from '../auth/api-fetch';

export interface TokenDto { id: string; createdAt: string; expiresAt: string; state: 'valid' | 'expired' | 'revoked'; replacedBy?: string }

export interface ServiceAccountDto {
  id: string;
  name: string;
  description?: string;
  roles: string[];
  teams: string[];
  scopes: string[];
  tokenDays: number;
  createdAt: string;
  revokedAt?: string;
  revokeReason?: string;
  tokens: TokenDto[];
}

export interface ScopeDto { scope: string; label: string }
export interface IssuedTokenDto { account: ServiceAccountDto; token: string }

const base = '/api/admin/service-accounts';
const one = (id: string) => `${base}/${encodeURIComponent(id)}`;

export const serviceAccountsApi = {
  list: () => apiFetch<{ items: ServiceAccountDto[]; scopes: ScopeDto[] }>('GET', base),
  roles: () => apiFetch<{ labels: { key: string; label: string }[] }>('GET', '/api/users/roles').then((r) => r.labels),
  create: (body: Record<string, unknown>) => apiFetch<IssuedTokenDto>('POST', base, body),
  rotate: (id: string, overlapHours: number) => apiFetch<IssuedTokenDto>('POST', `${one(id)}/rotate`, { overlapHours }),
  revoke: (id: string, reason: string) => apiFetch<ServiceAccountDto>('POST', `${one(id)}/revoke`, { reason }),
};
