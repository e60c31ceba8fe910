// Calls to the users API (administrators only).
import type {
  AccessGivenListBody, AdminUserBody, AdminUserPageBody, AdminUserSavedBody, CreateUserRequest, RoleChoicesBody, UpdateUserRequest,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** The users page's answers as the API's schemas describe them (server/src/http/openapi/accounts-schemas.ts). */
export type AdminUserDto = AdminUserBody;
export type UserPage = AdminUserPageBody;
export type AccessGrantDto = AccessGivenListBody['items'][number];
export type UserChange = UpdateUserRequest;
/** What the user form sends: a change, and for a new account its username and password too. */
export type UserFormBody = Required<Pick<UpdateUserRequest, 'displayName' | 'email' | 'roles' | 'teams' | 'managerId'>> & Pick<UpdateUserRequest, 'password'> & { username?: string };

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
  roles: () => apiFetch<RoleChoicesBody>('GET', '/api/users/roles').then((r) => r.labels),
  /** awaitingApproval when the account would administer users: made without those roles, which wait for another administrator. */
  create: (body: CreateUserRequest) => apiFetch<AdminUserSavedBody>('POST', '/api/users', body),
  /** Access to children's data administrators gave accounts lately, newest first (shown to every administrator). */
  accessGiven: () => apiFetch<AccessGivenListBody>('GET', '/api/users/access-given'),
  /** The account as saved; awaitingApproval when an admin gave themselves more access (those roles and teams wait). */
  update: (id: string, patch: UpdateUserRequest) =>
    apiFetch<AdminUserSavedBody>('PATCH', `/api/users/${encodeURIComponent(id)}`, patch),
};
