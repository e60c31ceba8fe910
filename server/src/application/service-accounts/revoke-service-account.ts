// Revocation ends every token of the account at once, for good; the reason is kept and audited.
import { ValidationError } from '../../domain/errors';
import { adminAuditActor, loadAccount, presentAccount, requireAccountAdmin, type AdminActor, type ServiceAccountDeps, type ServiceAccountView } from './service-account-admin';

export async function revokeServiceAccount(
  deps: ServiceAccountDeps, actor: AdminActor, input: { accountId: string; reason: string }, ip?: string,
): Promise<ServiceAccountView> {
  requireAccountAdmin(actor);
  const reason = input.reason.trim();
  if (!reason) throw new ValidationError('Say why', { reason: 'Enter why the service account is revoked' }, 'REASON_REQUIRED');
  const account = await loadAccount(deps, input.accountId);
  const at = deps.clock.now().toISOString();
  if (await deps.accounts.revokeAccount(account.id, actor.id, at, reason)) {
    await deps.audit.record({ actor: adminAuditActor(actor), action: 'service-account.revoked', recordType: 'service-account', recordId: account.id, ip, reason });
  }
  const now = await loadAccount(deps, account.id);
  return presentAccount(now, await deps.accounts.tokensOf(account.id), deps.clock.now());
}
