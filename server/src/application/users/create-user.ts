// An administrator creates an account. Every field is checked before anything is stored, and all
// problems come back together as field errors.
import { passwordProblems } from '../../domain/auth/password-rules';
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { checkDisplayName, checkEmail, checkRoles, checkTeams, checkUsername } from '../../domain/users/user-rules';
import type { User } from '../../domain/users/user';
import { noteAccessGiven } from './access-given';
import { administers, holdAdminGrant } from './hold-admin-grant';
import type { UpdateOutcome } from './update-user';
import { auditActor, checkManager, requireAdministrator, userSummary, type UserAdminDeps } from './user-admin-deps';

const FIELDS = ['username', 'displayName', 'email', 'roles', 'teams', 'managerId', 'password'];

export async function createUser(deps: UserAdminDeps, actor: User, input: Record<string, unknown>, ip?: string): Promise<UpdateOutcome> {
  requireAdministrator(actor);
  const errors: FieldErrors = {};
  for (const k of Object.keys(input)) if (!FIELDS.includes(k)) errors[k] = `Unknown field; allowed: ${FIELDS.join(', ')}`;
  const username = checkUsername(input.username, errors);
  const displayName = checkDisplayName(input.displayName, errors);
  const email = checkEmail(input.email, errors);
  const roles = checkRoles(input.roles, errors);
  const teams = checkTeams(input.teams ?? [], errors);
  const managerId = input.managerId === undefined || input.managerId === null || input.managerId === '' ? undefined : input.managerId;
  if (managerId !== undefined) {
    const problem = typeof managerId === 'string' ? await checkManager(deps.users, managerId) : 'Give the manager’s user id';
    if (problem) errors.managerId = problem;
  }
  const pw = passwordProblems(input.password, { username, email, displayName });
  if (pw.length) errors.password = pw.join('. ');
  if (Object.keys(errors).length) throw new ValidationError('Some details need correcting before the account can be created', errors);

  const passwordHash = await deps.hasher.hash(input.password as string);
  // A new administrator waits for a second administrator (hold-admin-grant.ts): the account is made without
  // the roles that administer users, and gets them on approval.
  const user = await deps.users.create({
    username: username!, displayName: displayName!, email: email!, roles: roles!.filter((r) => !administers([r])), teams: teams!,
    ...(managerId ? { managerId: managerId as string } : {}), passwordHash,
  });
  if (user.teams.length) await deps.memberships?.recordAccountTeams(user.id, user.teams, `Account made by ${actor.displayName}`);
  await deps.audit.record({ actor: auditActor(actor), action: 'user.created', recordType: 'user', recordId: user.id, ip, after: userSummary(user) });
  await noteAccessGiven(deps, actor, user, 'created');
  const awaitingApproval = await holdAdminGrant(deps, actor, user, { roles: roles!, teams: user.teams });
  return { user, ...(awaitingApproval ? { awaitingApproval } : {}) };
}
