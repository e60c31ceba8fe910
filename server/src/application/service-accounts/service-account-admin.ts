// Shared by the service account use cases: who may manage them, how a token is issued, and how an account
// is shown (never a token's hash; its secret only once, in the answer that issued it).
import { randomBytes } from 'node:crypto';
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import { newToken, tokenState, type ServiceAccount, type ServiceToken, type TokenState } from '../../domain/integration/service-account';
import { can } from '../../domain/policies';
import type { AccountChange, PermissionChangeRequest } from '../../domain/permissions/permission-request';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { ServiceAccountRepository } from '../../ports/service-account-repository.port';

export interface ServiceAccountDeps {
  accounts: ServiceAccountRepository;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  /**
   * The second administrator's approval (the permissions module): a new account whose scopes read case data
   * waits there (kind 'service-account'). Absent where the routes run without it: such an account is refused.
   */
  approvals?: { request(actor: AdminActor, change: AccountChange): Promise<PermissionChangeRequest> };
}

/** The administrator acting (a signed-in person). */
export interface AdminActor { id: string; username?: string; roles: readonly string[] }

export function requireAccountAdmin(actor: AdminActor): void {
  if (!can(actor, 'administer-users')) throw new ForbiddenError('Only administrators can view and change service accounts', 'NOT_ADMINISTRATOR');
}

export const adminAuditActor = (a: AdminActor) => ({ id: a.id, ...(a.username ? { username: a.username } : {}), roles: [...a.roles] });

export const newAccountId = (): string => `svc-${randomBytes(6).toString('hex')}`;

export async function loadAccount(deps: Pick<ServiceAccountDeps, 'accounts'>, id: string): Promise<ServiceAccount> {
  const account = await deps.accounts.findAccount(id);
  if (!account) throw new NotFoundError(`No service account ${id}`, 'SERVICE_ACCOUNT_NOT_FOUND');
  return account;
}

/** Stores a new token for the account and returns it with its secret, which is never readable again. */
export async function issueToken(deps: ServiceAccountDeps, account: ServiceAccount, by: string): Promise<{ token: ServiceToken; secret: string }> {
  const now = deps.clock.now();
  const made = newToken();
  const token: ServiceToken = {
    id: made.id, accountId: account.id, hash: made.hash, createdAt: now.toISOString(), createdBy: by,
    expiresAt: new Date(now.getTime() + account.tokenDays * 86_400_000).toISOString(),
  };
  await deps.accounts.insertToken(token);
  return { token, secret: made.token };
}

export interface TokenView { id: string; createdAt: string; expiresAt: string; state: TokenState; replacedBy?: string }
export interface ServiceAccountView extends Omit<ServiceAccount, 'revokeReason'> { revokeReason?: string; tokens: TokenView[] }

export function presentAccount(account: ServiceAccount, tokens: ServiceToken[], now: Date): ServiceAccountView {
  return {
    ...account,
    tokens: tokens.map((t) => ({
      id: t.id, createdAt: t.createdAt, expiresAt: t.expiresAt, state: tokenState(account, t, now), ...(t.replacedBy ? { replacedBy: t.replacedBy } : {}),
    })),
  };
}

export const accountSummary = (a: ServiceAccount): Record<string, unknown> =>
  ({ name: a.name, roles: a.roles, teams: a.teams, scopes: a.scopes, tokenDays: a.tokenDays });
