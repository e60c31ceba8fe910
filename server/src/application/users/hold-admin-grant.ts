// Making someone else an administrator waits for a second administrator (the same approval process as one's
// own access, request-account-approval.ts): an administrator may approve others' access to children's data, so
// an administrator who could make one alone — a second account for themselves — would need nobody's approval.
// The rest of the change is saved at once; the account's roles and teams wait together.
import { ValidationError } from '../../domain/errors';
import type { AccountAccess, PermissionChangeRequest } from '../../domain/permissions/permission-request';
import { can } from '../../domain/policies';
import { roleLabel } from '../../domain/users/role-labels';
import type { User } from '../../domain/users/user';
import { accountGains } from '../permissions/account-gains';
import type { UserAdminDeps } from './user-admin-deps';

export const administers = (roles: readonly string[]): boolean => can({ roles }, 'administer-users');

/** The request when `after` makes the account an administrator it is not; undefined when it does not. */
export async function holdAdminGrant(deps: UserAdminDeps, actor: User, account: User, after: AccountAccess): Promise<PermissionChangeRequest | undefined> {
  if (administers(account.roles) || !administers(after.roles)) return undefined;
  const before = { roles: [...account.roles], teams: [...account.teams] };
  const gained = ['Administer users, and so approve others’ access to children’s data', ...accountGains(account.id, before, after, deps.clock.now())];
  if (!deps.approvals) {
    throw new ValidationError('Making someone an administrator needs another administrator’s approval, which is not available here', { roles: 'Needs another administrator' }, 'ADMIN_GRANT_REFUSED');
  }
  const names = (roles: readonly string[]) => roles.map(roleLabel).join(', ') || 'none';
  const words = [`${account.displayName}’s roles: ${names(before.roles)} → ${names(after.roles)}`];
  return deps.approvals.request(actor, { userId: account.id, before, after, gained, words });
}
