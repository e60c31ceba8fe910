// Bearer-token authentication for systems (/api/integration/*), exported for any router that serves
// systems (webhook subscriptions' callbacks too): `serviceAuth(deps)` finds the account from the
// Authorization header and records the call in the audit log under it; `requireScope` refuses a route the
// account's scopes do not cover. People's sessions and CSRF do not apply here: a system has no cookie, and a
// bearer token is not sent by a browser on its own, so there is nothing for a cross-site request to ride on.
import type { Request, RequestHandler } from 'express';
import { ForbiddenError, UnauthenticatedError } from '../domain/errors';
import { authenticateServiceToken, serviceAuditActor, type ServiceActor } from '../application/service-accounts/authenticate-service-token';
import type { ServiceAccountDeps } from '../application/service-accounts/service-account-admin';

const actors = new WeakMap<Request, ServiceActor>();

/** The service account calling; the route must sit behind serviceAuth. */
export function serviceActorOf(req: Request): ServiceActor {
  const actor = actors.get(req);
  if (!actor) throw new UnauthenticatedError('Send the service account token as "Authorization: Bearer <token>"', 'TOKEN_MISSING');
  return actor;
}

export function serviceAuth(deps: ServiceAccountDeps): RequestHandler {
  return async (req, res, next) => {
    const actor = await authenticateServiceToken(deps, req.get('authorization'), req.ip);
    actors.set(req, actor);
    // Every call, on arrival and whatever it then answers: the use cases add what they read or changed.
    await deps.audit.record({
      actor: serviceAuditActor(actor), action: 'integration.call', recordType: 'service-account', recordId: actor.id, ip: req.ip,
      after: { method: req.method, path: req.originalUrl.split('?')[0], tokenId: actor.tokenId },
    });
    res.set('Cache-Control', 'no-store');
    next();
  };
}

export function requireScope(scope: string): RequestHandler {
  return (req, _res, next) => {
    const actor = serviceActorOf(req);
    if (!actor.scopes.includes(scope)) {
      throw new ForbiddenError(`The service account ${actor.name} does not have the scope "${scope}" this route needs. Ask an administrator to add it.`, 'SCOPE_NOT_GRANTED');
    }
    next();
  };
}
