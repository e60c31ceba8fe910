// /api/cases/:caseId/allocation: the case's allocated worker and the team's case managers (GET), and a
// team manager's change of worker (PUT), which moves the case's open case-manager work too. Thin handlers:
// the use cases hold the case rule, the permission and the audit.
import { Router } from 'express';
import { z } from 'zod';
import { getAllocation, reallocateCase, type ReallocateCaseDeps } from '../application/cases/reallocate-case';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

export const allocationBodySchema = z.strictObject({
  /** The user id of the new allocated worker (one of the options GET lists). */
  caseManagerId: z.string().trim().min(1).max(100),
  /** Why the work moves (recorded in the audit log). */
  reason: z.string().max(500).optional(),
});

const noQuery = z.strictObject({});
const caseIdOf = (params: Record<string, string | undefined>) => String(params.caseId ?? '');

/** Mounted at /cases/:caseId/allocation. */
export function createAllocationRouter(deps: ActorDeps & ReallocateCaseDeps): Router {
  const router = Router({ mergeParams: true });

  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    res.json(await getAllocation(deps, actor, caseIdOf(req.params)));
  });

  // PUT {caseManagerId, reason?} → 200 the allocation and how many open tasks moved; 422 beside the field
  router.put('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const body = parseBody(allocationBodySchema, req.body);
    res.json(await reallocateCase(deps, actor, { caseId: caseIdOf(req.params), ...body }));
  });

  return router;
}
