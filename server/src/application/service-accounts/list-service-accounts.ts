// The administrator's list: every account with its tokens' states (never their hashes).
import { SCOPES, type ScopeDefinition } from '../../domain/integration/service-account';
import { presentAccount, requireAccountAdmin, type AdminActor, type ServiceAccountDeps, type ServiceAccountView } from './service-account-admin';

export async function listServiceAccounts(
  deps: Pick<ServiceAccountDeps, 'accounts' | 'clock'>, actor: AdminActor,
): Promise<{ items: ServiceAccountView[]; scopes: readonly ScopeDefinition[] }> {
  requireAccountAdmin(actor);
  const now = deps.clock.now();
  const accounts = await deps.accounts.listAccounts();
  const items = await Promise.all(accounts.map(async (a) => presentAccount(a, await deps.accounts.tokensOf(a.id), now)));
  return { items, scopes: SCOPES };
}
