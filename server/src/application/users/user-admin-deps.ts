// Shared by the user administration use cases: who may do it, and how a user is summarised in audit
// events (never the password hash).
import { ForbiddenError } from '../../domain/errors';
import { can } from '../../domain/policies';
import type { User } from '../../domain/users/user';
import type { AccountChange, PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { AccessGrantLog } from '../../ports/access-grant-log.port';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { PasswordHasher } from '../../ports/password-hasher.port';
import type { UserRepository } from '../../ports/user-repository.port';

/**
 * The teams module's record of who is in which team from when (application/teams). A team change on the
 * users page becomes memberships from today there, at once: the memberships are the record, the account's
 * team list their copy for today. Absent where the users routes run without the teams module (unit tests).
 */
export interface TeamMembershipRecorder {
  recordAccountTeams(userId: string, teams: readonly string[], reason: string): Promise<void>;
}

/**
 * The second administrator's approval (the permissions module, application/permissions): an administrator's
 * change to their own account that reaches further into children's data waits there. Absent where the users
 * routes run without it (unit tests): such a change is then refused.
 */
export interface AccountApprovals {
  request(actor: User, change: AccountChange): Promise<PermissionChangeRequest>;
}

export interface UserAdminDeps {
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditLog;
  clock: Clock;
  memberships?: TeamMembershipRecorder;
  approvals?: AccountApprovals;
  /** Access to children's data given by one administrator, shown to all of them (access-given.ts). */
  grants?: AccessGrantLog;
}

export function requireAdministrator(actor: User): void {
  if (!can(actor, 'administer-users')) {
    throw new ForbiddenError('Only administrators can view and change user accounts', 'NOT_ADMINISTRATOR');
  }
}

export const auditActor = (u: User) => ({ id: u.id, username: u.username, roles: [...u.roles] });

export function userSummary(u: User): Record<string, unknown> {
  return { username: u.username, displayName: u.displayName, email: u.email, roles: u.roles, teams: u.teams, managerId: u.managerId ?? null, active: u.active };
}

/** A manager must exist, be active and not be the user (directly or up the chain). */
export async function checkManager(users: UserRepository, managerId: string, userId?: string): Promise<string | undefined> {
  let current = await users.findById(managerId);
  if (!current) return 'No user with this id';
  if (!current.active) return 'This manager’s account is deactivated';
  for (let depth = 0; current && depth < 50; depth++) {
    if (userId && current.id === userId) return 'A person cannot manage themselves, directly or through their managers';
    current = current.managerId ? await users.findById(current.managerId) : undefined;
  }
  return undefined;
}
