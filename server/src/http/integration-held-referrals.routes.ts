// /api/held-referrals: people of a team decide the referrals a portal sent for a child who may already be
// known (a new case, or a re-referral of the existing open case). Sessions and CSRF as for every person.
import { Router } from 'express';
import { decideHeldReferral } from '../application/integration/decide-held-referral';
import { listHeldReferrals } from '../application/integration/list-held-referrals';
import { parseBody, requireActor, type ActorDeps } from './actor-request';
import { heldDecisionSchema } from './integration-request.schema';

export function createHeldReferralsRouter(deps: ActorDeps & Parameters<typeof decideHeldReferral>[0]): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    res.json(await listHeldReferrals(deps, requireActor(deps, req)));
  });

  // POST /:id/decision {decision: 'new-case' | 'join', caseId?} → 201 {caseId, decision}
  router.post('/:id/decision', async (req, res) => {
    const actor = requireActor(deps, req);
    res.status(201).json(await decideHeldReferral(deps, actor, { id: String(req.params.id), ...parseBody(heldDecisionSchema, req.body) }));
  });

  return router;
}
