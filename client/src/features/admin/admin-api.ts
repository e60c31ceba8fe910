// Calls to the users API (administrators only).
import { apiFetch } from '../auth/api-fetch';
import type { SessionUser } from '../auth/session-context';
import type { AccessGrant as AccessGrantDto } from '../../../../server/src/domain/users/access-grant';

// The server's own type (type-only: nothing of the server is bundled), so the two cannot drift.
export type { AccessGrant as AccessGrantDto } from '../../../../server/src/domain/users/access-grant';

/** A user as administrators see it: the session's view of a person plus account state. */
export interface AdminUserDto extends SessionUser {
  active: boolean;
  lockedUntil: string | null;
  lastSignInAt: string | null;
}

export interface UserPage {
  items: AdminUserDto[];
  total: number;
  offset: number;
  limit: number;
}

export interface UserFilters {
  search?: string;
  role?: string;
  active?: string;
  offset?: number;
  limit?: number;
}

const qs = (f: UserFilters) =>
  new URLSearchParams(Object.entries(f).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)])).toString();

export const adminApi = {
  list: (f: UserFilters) => apiFetch<UserPage>('GET', `/api/users?${qs(f)}`),
  /** The roles in force, by key with their names (people read the names). */
  roles: () => apiFetch<{ labels: { key: string; label: string }[] }>('GET', '/api/users/roles').then((r) => r.labels),
  /** awaitingApproval when the account would administer users: made without those roles, which wait for another administrator. */
  create: (body: Record<string, unknown>) => apiFetch<AdminUserDto & { awaitingApproval?: { id: string; words: string[]; gained: string[] } }>('POST', '/api/users', body),
  /** Access to children's data administrators gave accounts lately, newest first (shown to every administrator). */
  accessGiven: () => apiFetch<{ days: number; items: AccessGrantDto[] }>('GET', '/api/users/access-given'),
  /** The account as saved; awaitingApproval when an admin gave themselves more access (those roles and teams wait). */
  update: (id: string, patch: Record<string, unknown>) =>
    apiFetch<AdminUserDto & { awaitingApproval?: { id: string; words: string[]; gained: string[] } }>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch),
};
