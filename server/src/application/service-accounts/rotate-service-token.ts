// Rotation: a new token, and the account's older tokens kept working for an overlap the administrator
// chooses (0 to 7 days, 24 hours unless said), so the system can be given the new token without an outage.
// Overlap 0 ends the old tokens at once (a token that leaked). An overlap never lengthens an old token's life.
import { BusinessError, ValidationError } from '../../domain/errors';
import { DEFAULT_OVERLAP_HOURS, MAX_OVERLAP_HOURS, tokenState } from '../../domain/integration/service-account';
import {
  adminAuditActor, issueToken, loadAccount, presentAccount, requireAccountAdmin, type AdminActor, type ServiceAccountDeps, type ServiceAccountView,
} from './service-account-admin';

export async function rotateServiceToken(
  deps: ServiceAccountDeps, actor: AdminActor, input: { accountId: string; overlapHours?: number }, ip?: string,
): Promise<{ account: ServiceAccountView; token: string }> {
  requireAccountAdmin(actor);
  const overlapHours = input.overlapHours ?? DEFAULT_OVERLAP_HOURS;
  if (!Number.isInteger(overlapHours) || overlapHours < 0 || overlapHours > MAX_OVERLAP_HOURS) {
    throw new ValidationError('Check the overlap', { overlapHours: `Overlap must be a whole number of hours from 0 to ${MAX_OVERLAP_HOURS}` }, 'OVERLAP_INVALID');
  }
  const account = await loadAccount(deps, input.accountId);
  if (account.revokedAt) throw new BusinessError('SERVICE_ACCOUNT_REVOKED', `${account.name} was revoked; create a new service account instead`);
  const now = deps.clock.now();
  const older = (await deps.accounts.tokensOf(account.id)).filter((t) => ['valid', 'awaiting-approval'].includes(tokenState(account, t, now)));
  const { token, secret } = await issueToken(deps, account, actor.id);
  const until = new Date(now.getTime() + overlapHours * 3_600_000).toISOString();
  for (const t of older) await deps.accounts.supersedeToken(t.id, until, token.id);
  await deps.audit.record({
    actor: adminAuditActor(actor), action: 'service-account.token-rotated', recordType: 'service-account', recordId: account.id, ip,
    after: { tokenId: token.id, tokenExpiresAt: token.expiresAt, previousTokens: older.map((t) => t.id), previousValidUntil: until, overlapHours },
  });
  return { account: presentAccount(account, await deps.accounts.tokensOf(account.id), now), token: secret };
}
