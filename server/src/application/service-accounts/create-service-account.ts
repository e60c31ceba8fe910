// An administrator creates a service account for a system. Every field is checked before anything is
// stored; the answer carries the first token, the only time its secret is shown.
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { isScope, SCOPES, scopeSections, type ServiceAccount } from '../../domain/integration/service-account';
import { sectionWord } from '../../domain/permissions/permission-words';
import type { PermissionChangeRequest } from '../../domain/permissions/permission-request';
import { can, readableSections } from '../../domain/policies';
import { teamWords } from '../../domain/teams/teams-in-force';
import { roleLabel } from '../../domain/users/role-labels';
import { checkRoles, checkTeams } from '../../domain/users/user-rules';
import {
  accountSummary, adminAuditActor, issueToken, newAccountId, presentAccount, requireAccountAdmin, type AdminActor, type ServiceAccountDeps, type ServiceAccountView,
} from './service-account-admin';

/** What the administrator gives; the rest of the account is made here. */
export type CreateServiceAccountInput = Pick<ServiceAccount, 'name' | 'description' | 'roles' | 'teams' | 'scopes' | 'tokenDays'>;

export async function createServiceAccount(
  deps: ServiceAccountDeps, actor: AdminActor, input: CreateServiceAccountInput, ip?: string,
): Promise<{ account: ServiceAccountView; token: string; awaitingApproval?: PermissionChangeRequest }> {
  requireAccountAdmin(actor);
  const errors: FieldErrors = {};
  if (!input.name.trim()) errors.name = 'Enter the name of the system, for example Police referral portal';
  const roles = checkRoles(input.roles, errors);
  // A system never administers: it could otherwise make itself more accounts and tokens.
  if (roles?.some((r) => can({ roles: [r] }, 'administer-users'))) errors.roles = 'A service account cannot hold a role that administers users';
  const teams = checkTeams(input.teams, errors);
  if (teams && !teams.length) errors.teams = 'Choose at least one team: the account sees and opens cases of its teams only';
  const unknown = input.scopes.filter((s) => !isScope(s));
  if (!input.scopes.length) errors.scopes = 'Choose at least one scope';
  else if (unknown.length) errors.scopes = `Unknown scope(s): ${unknown.join(', ')}. Known: ${SCOPES.map((s) => s.scope).join(', ')}`;
  if (!Number.isInteger(input.tokenDays) || input.tokenDays < 1 || input.tokenDays > 365) errors.tokenDays = 'Token lifetime must be a whole number of days from 1 to 365';
  if (Object.keys(errors).length) throw new ValidationError('Some details need correcting before the service account can be created', errors, 'SERVICE_ACCOUNT_INVALID');

  const made: ServiceAccount = {
    id: newAccountId(), name: input.name.trim(), ...(input.description?.trim() ? { description: input.description.trim() } : {}),
    roles: roles!, teams: teams!, scopes: [...new Set(input.scopes)], tokenDays: input.tokenDays,
    createdAt: deps.clock.now().toISOString(), createdBy: actor.id,
  };
  // An account that reads case data waits for a second administrator before its tokens work: whoever made it
  // is shown its token, and must not reach children's data through it alone (docs/permissions.md).
  const awaitingApproval = await askApproval(deps, actor, made);
  const account: ServiceAccount = awaitingApproval ? { ...made, approval: { state: 'awaiting', requestId: awaitingApproval.id } } : made;
  await deps.accounts.insertAccount(account);
  const { token, secret } = await issueToken(deps, account, actor.id);
  await deps.audit.record({
    actor: adminAuditActor(actor), action: 'service-account.created', recordType: 'service-account', recordId: account.id, ip,
    after: { ...accountSummary(account), tokenId: token.id, tokenExpiresAt: token.expiresAt, ...(awaitingApproval ? { awaitingApproval: awaitingApproval.id } : {}) },
  });
  return { account: presentAccount(account, [token], deps.clock.now()), token: secret, ...(awaitingApproval ? { awaitingApproval } : {}) };
}

/** What the account's tokens would read of children's data, in words; none: no approval is asked for. */
async function askApproval(deps: ServiceAccountDeps, actor: AdminActor, account: ServiceAccount): Promise<PermissionChangeRequest | undefined> {
  const readable = readableSections({ roles: account.roles });
  const reads = scopeSections(account.scopes).filter((s) => readable.includes(s));
  if (!reads.length) return undefined;
  const gained = [...reads.map((s) => `read ${sectionWord(s)}`), ...account.teams.map((t) => `the cases of ${teamWords(t)}`)];
  if (!deps.approvals) throw new ValidationError(`This account would read children's data (${gained.join(', ')}): it needs another administrator's approval, which is not available here`, { scopes: 'Needs another administrator' }, 'SERVICE_ACCOUNT_APPROVAL_UNAVAILABLE');
  const words = [`${account.name}: ${account.roles.map(roleLabel).join(', ')}; ${account.teams.map(teamWords).join(', ')}; scopes ${account.scopes.join(', ')}`];
  return deps.approvals.request(actor, { userId: account.id, before: { roles: [], teams: [] }, after: { roles: account.roles, teams: account.teams }, gained, words });
}
