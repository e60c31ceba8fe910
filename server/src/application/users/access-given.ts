// Access to children's data one administrator gave an account (domain/users/access-grant.ts): noted when an
// account is made, when someone else's roles or teams reach further, and when an administrator sets the password
// of an account that reaches children's data or administers users — and listed for every administrator on the users page. An
// administrator's change to their own account is not noted here: it waits for a second administrator instead.
import { randomUUID } from 'node:crypto';
import { GRANT_SHOWN_DAYS, type AccessGrant, type AccessGrantKind } from '../../domain/users/access-grant';
import type { User } from '../../domain/users/user';
import type { AccountAccess } from '../../domain/permissions/permission-request';
import { accountGains } from '../permissions/account-gains';
import { administers } from './hold-admin-grant';
import { requireAdministrator, type UserAdminDeps } from './user-admin-deps';

const NONE: AccountAccess = { roles: [], teams: [] };

/** Notes what `after` gives the account beyond `before` (for a password set: everything it reaches). */
export async function noteAccessGiven(
  deps: UserAdminDeps, actor: User, account: User, kind: AccessGrantKind, before: AccountAccess = NONE,
): Promise<void> {
  if (!deps.grants) return;
  const now = deps.clock.now();
  const reach = accountGains(account.id, kind === 'password' ? NONE : before, { roles: account.roles, teams: account.teams }, now);
  // Whoever sets an administrator's password could approve as them: shown too.
  const gained = kind === 'password' && administers(account.roles) ? ['Administer users', ...reach] : reach;
  if (!gained.length) return;
  const grant: AccessGrant = {
    id: randomUUID(), kind, userId: account.id, userName: account.displayName, by: actor.id, byName: actor.displayName, at: now.toISOString(), gained,
  };
  await deps.grants.record(grant);
}

/** The grants of the last GRANT_SHOWN_DAYS days, newest first. */
export async function listAccessGiven(deps: UserAdminDeps, actor: User): Promise<{ days: number; items: AccessGrant[] }> {
  requireAdministrator(actor);
  if (!deps.grants) return { days: GRANT_SHOWN_DAYS, items: [] };
  const since = new Date(deps.clock.now().getTime() - GRANT_SHOWN_DAYS * 86_400_000).toISOString();
  return { days: GRANT_SHOWN_DAYS, items: await deps.grants.since(since) };
}
