// An administrator changes an account: details, roles, teams, manager, a new password, unlock, or
// deactivation (which takes effect on the user's next request: sessions re-read the user). Roles or teams an
// administrator gives themselves that reach further into children's data wait for a second administrator.
import { passwordProblems } from '../../domain/auth/password-rules';
import { BusinessError, NotFoundError, ValidationError, type FieldErrors } from '../../domain/errors';
import { roleLabel } from '../../domain/users/role-labels';
import { checkDisplayName, checkEmail, checkRoles, checkTeams } from '../../domain/users/user-rules';
import type { User } from '../../domain/users/user';
import type { PermissionChangeRequest } from '../../domain/permissions/permission-request';
import { accountGains } from '../permissions/account-gains';
import { teamWords } from '../../domain/teams/teams-in-force';
import type { UserPatch } from '../../ports/user-repository.port';
import { noteAccessGiven } from './access-given';
import { holdAdminGrant } from './hold-admin-grant';
import { auditActor, checkManager, requireAdministrator, userSummary, type UserAdminDeps } from './user-admin-deps';

const FIELDS = ['displayName', 'email', 'roles', 'teams', 'managerId', 'active', 'unlock', 'password'];

async function parsePatch(deps: UserAdminDeps, target: User, input: Record<string, unknown>): Promise<UserPatch & { password?: string }> {
  const errors: FieldErrors = {};
  const patch: UserPatch & { password?: string } = {};
  for (const k of Object.keys(input)) if (!FIELDS.includes(k)) errors[k] = `Unknown field; allowed: ${FIELDS.join(', ')}`;
  if ('displayName' in input) patch.displayName = checkDisplayName(input.displayName, errors);
  if ('email' in input) patch.email = checkEmail(input.email, errors);
  if ('roles' in input) patch.roles = checkRoles(input.roles, errors);
  if ('teams' in input) patch.teams = checkTeams(input.teams, errors, target.teams);
  if ('managerId' in input) {
    const m = input.managerId;
    if (m === null || m === '') patch.managerId = null;
    else if (typeof m !== 'string') errors.managerId = 'Give the manager’s user id, or null for none';
    else {
      const problem = await checkManager(deps.users, m, target.id);
      if (problem) errors.managerId = problem;
      else patch.managerId = m;
    }
  }
  for (const flag of ['active', 'unlock'] as const) {
    if (flag in input && typeof input[flag] !== 'boolean') errors[flag] = `${flag} is true or false`;
  }
  if (typeof input.active === 'boolean') patch.active = input.active;
  if (input.unlock === true) patch.unlock = true;
  if ('password' in input) {
    const pw = passwordProblems(input.password, target);
    if (pw.length) errors.password = pw.join('. ');
    else patch.password = input.password as string;
  }
  if (Object.keys(errors).length) throw new ValidationError('Some changes need correcting; nothing was saved', errors);
  return patch;
}

/** The account as changed, and — when the admin gave themselves more access — the part awaiting approval. */
export interface UpdateOutcome { user: User; awaitingApproval?: PermissionChangeRequest }

export async function updateUser(deps: UserAdminDeps, actor: User, id: string, input: Record<string, unknown>, ip?: string): Promise<UpdateOutcome> {
  requireAdministrator(actor);
  const target = await deps.users.findById(id);
  if (!target) throw new NotFoundError(`No user with id ${id}`, 'USER_NOT_FOUND');
  const { password, ...patch } = await parsePatch(deps, target, input);
  // Administrators cannot lock themselves out: someone must always be able to administer users.
  if (target.id === actor.id && (patch.active === false || (patch.roles && !patch.roles.includes('admins')))) {
    throw new BusinessError('SELF_LOCKOUT', 'You cannot deactivate your own account or remove your own admins role; ask another administrator.');
  }
  // Giving oneself roles or teams that reach further into children's data waits for a second administrator
  // (docs/permissions.md): those are held back, the rest of the change is saved.
  const awaitingApproval = target.id === actor.id ? await holdSelfGrant(deps, actor, target, patch) : await holdOthersAdminGrant(deps, actor, target, patch);
  const user = await saveChange(deps, actor, target, patch, password, ip);
  // Someone else's account: shown to every administrator when it now reaches further, or its password was set.
  if (target.id !== actor.id && user.active) {
    if (patch.roles || patch.teams) await noteAccessGiven(deps, actor, user, 'changed', { roles: target.roles, teams: target.teams });
    if (password) await noteAccessGiven(deps, actor, user, 'password');
  }
  return { user, awaitingApproval };
}

async function holdSelfGrant(deps: UserAdminDeps, actor: User, target: User, patch: UserPatch): Promise<PermissionChangeRequest | undefined> {
  const before = { roles: [...target.roles], teams: [...target.teams] };
  const after = { roles: patch.roles ?? before.roles, teams: patch.teams ?? before.teams };
  const gained = accountGains(target.id, before, after, deps.clock.now());
  if (!gained.length) return undefined;
  if (!deps.approvals) {
    throw new ValidationError(`You cannot give yourself access to children's data (${gained.join(', ')}) here: ask another administrator`, { roles: `Giving yourself ${gained.join(', ')} needs another administrator` }, 'SELF_GRANT_REFUSED');
  }
  const words = (['roles', 'teams'] as const)
    .filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]))
    .map((k) => `${k === 'roles' ? 'Roles' : 'Teams'}: ${before[k].map(k === 'roles' ? roleLabel : teamWords).join(', ') || 'none'} → ${after[k].map(k === 'roles' ? roleLabel : teamWords).join(', ') || 'none'}`);
  const request = await deps.approvals.request(actor, { userId: target.id, before, after, gained, words });
  delete patch.roles;
  delete patch.teams;
  return request;
}

/** Making someone else an administrator waits too (hold-admin-grant.ts): their roles and teams are held. */
async function holdOthersAdminGrant(deps: UserAdminDeps, actor: User, target: User, patch: UserPatch): Promise<PermissionChangeRequest | undefined> {
  if (!patch.roles) return undefined;
  const request = await holdAdminGrant(deps, actor, target, { roles: patch.roles, teams: patch.teams ?? target.teams });
  if (request) {
    delete patch.roles;
    delete patch.teams;
  }
  return request;
}

async function saveChange(deps: UserAdminDeps, actor: User, target: User, patch: UserPatch, password: string | undefined, ip?: string): Promise<User> {
  const id = target.id;
  if (!Object.keys(patch).length && !password) return target;
  if (password) {
    patch.passwordHash = await deps.hasher.hash(password);
    patch.credentialsChangedAt = deps.clock.now(); // a reset ends every session of that user
    // Whoever set someone else's password could sign in as them: the two may not approve each other's access.
    if (target.id !== actor.id) patch.passwordSetBy = actor.id;
  }
  const updated = await deps.users.update(id, patch);
  if (!updated) throw new NotFoundError(`No user with id ${id}`, 'USER_NOT_FOUND');
  // The account first, the memberships next: a stop in between is made good by the teams' next sync.
  if (patch.teams) await deps.memberships?.recordAccountTeams(id, patch.teams, `Changed on the users page by ${actor.displayName}`);

  const before = userSummary(target);
  const after = userSummary(updated);
  const changed = Object.keys(after).filter((k) => JSON.stringify(before[k]) !== JSON.stringify(after[k]));
  await deps.audit.record({
    actor: auditActor(actor), action: 'user.updated', recordType: 'user', recordId: id, ip,
    before: Object.fromEntries(changed.map((k) => [k, before[k]])),
    after: { ...Object.fromEntries(changed.map((k) => [k, after[k]])), ...(password ? { password: 'changed' } : {}), ...(patch.unlock ? { unlocked: true } : {}) },
  });
  return updated;
}
