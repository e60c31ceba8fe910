// A bearer token → the service account calling, or a refusal that says why (missing, malformed, unknown,
// expired, revoked) so the system's operators can act. An expired or revoked token of a known account is
// audited under that account: someone is still using a credential that should be gone.
import { ForbiddenError, UnauthenticatedError } from '../../domain/errors';
import { parseToken, secretMatches, tokenState, type ServiceAccount, type TokenState } from '../../domain/integration/service-account';
import type { ServiceAccountDeps } from './service-account-admin';

/** The account as an actor of the use cases: its roles and teams, like a person's. */
export interface ServiceActor { id: string; name: string; roles: string[]; teams: string[]; scopes: string[]; tokenId: string }

export const serviceAuditActor = (a: Pick<ServiceActor, 'id' | 'name' | 'roles'>) => ({ id: a.id, username: a.name, roles: [...a.roles] });

export async function authenticateServiceToken(deps: ServiceAccountDeps, authorization: string | undefined, ip?: string): Promise<ServiceActor> {
  if (!authorization) throw new UnauthenticatedError('Send the service account token as "Authorization: Bearer <token>"', 'TOKEN_MISSING');
  const [scheme, value, ...rest] = authorization.trim().split(/\s+/);
  if (scheme?.toLowerCase() !== 'bearer' || !value || rest.length) {
    throw new UnauthenticatedError('The Authorization header must be "Bearer <token>"', 'TOKEN_MALFORMED');
  }
  const parsed = parseToken(value);
  if (!parsed) throw new UnauthenticatedError('This is not a service account token of this product (yjs.<id>.<secret>)', 'TOKEN_MALFORMED');
  const token = await deps.accounts.findToken(parsed.id);
  const account = token && (await deps.accounts.findAccount(token.accountId));
  if (!token || !account || !secretMatches(parsed.secret, token.hash)) throw new UnauthenticatedError('The token is not known', 'TOKEN_INVALID');
  const state = tokenState(account, token, deps.clock.now());
  if (state !== 'valid') {
    await deps.audit.record({
      actor: serviceAuditActor(account), action: 'integration.refused', recordType: 'service-account', recordId: account.id, ip, flagged: true,
      after: { tokenId: token.id, state },
    });
    throw refusal(account, state, token.expiresAt);
  }
  return { id: account.id, name: account.name, roles: account.roles, teams: account.teams, scopes: account.scopes, tokenId: token.id };
}

function refusal(account: ServiceAccount, state: Exclude<TokenState, 'valid'>, expiresAt: string): UnauthenticatedError | ForbiddenError {
  if (state === 'awaiting-approval') {
    return new ForbiddenError(`${account.name} reads children's data, so another administrator must approve it before its tokens work`, 'TOKEN_AWAITING_APPROVAL');
  }
  if (state === 'revoked') return new UnauthenticatedError(`The token of ${account.name} was revoked. Ask an administrator for a new one.`, 'TOKEN_REVOKED');
  return new UnauthenticatedError(`The token expired at ${expiresAt}. Use the newer token, or ask an administrator to rotate it.`, 'TOKEN_EXPIRED');
}
