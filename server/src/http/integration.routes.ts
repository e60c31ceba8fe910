// /api/integration: what other systems call with a service account's bearer token. Thin: the token and
// scope checks are middleware (integration-auth.middleware.ts); the use cases decide the rest with the
// account's roles and teams, as they do for people.
import { Router } from 'express';
import { readCasePersonal } from '../application/integration/read-case-personal';
import { receiveReferral, type ReceiveReferralDeps } from '../application/integration/receive-referral';
import type { ServiceAccountDeps } from '../application/service-accounts/service-account-admin';
import type { GetCaseDeps } from '../application/cases/get-case';
import { BadRequest, parseBody } from './actor-request';
import { requireScope, serviceActorOf, serviceAuth } from './integration-auth.middleware';
import { idempotencyKeySchema, portalReferralSchema } from './integration-request.schema';

export type IntegrationRouterDeps = ReceiveReferralDeps & Pick<GetCaseDeps, 'cases' | 'policy' | 'audit'> & { tokens: ServiceAccountDeps };

export function createIntegrationRouter(deps: IntegrationRouterDeps): Router {
  const router = Router();
  router.use(serviceAuth(deps.tokens));

  // POST /referrals (Idempotency-Key) → 201 opened | 202 held for a person to decide; a resend repeats the first answer
  router.post('/referrals', requireScope('referrals:create'), async (req, res) => {
    const key = req.get('idempotency-key');
    if (!key) throw new BadRequest('Send an Idempotency-Key header (such as a UUID) so a resent referral opens one case', 'IDEMPOTENCY_KEY_MISSING');
    if (!idempotencyKeySchema.safeParse(key).success) throw new BadRequest('The Idempotency-Key must be 8 to 200 printable characters without spaces', 'IDEMPOTENCY_KEY_INVALID');
    const answer = await receiveReferral(deps, serviceActorOf(req), key, parseBody(portalReferralSchema, req.body));
    if (answer.replayed) res.set('Idempotent-Replayed', 'true');
    res.status(answer.status).json(answer.body);
  });

  // GET /cases/:id → the Personal section of a case of the account's teams
  router.get('/cases/:id', requireScope('cases:read:personal'), async (req, res) => {
    res.json(await readCasePersonal(deps, serviceActorOf(req), String(req.params.id)));
  });

  return router;
}
