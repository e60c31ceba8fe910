// GET /api/cases — the cases list and search (application/cases/search-cases.ts). Mounted at /cases ahead of
// the case record's router, with which it shares the path: this router answers only `GET /` and lets every
// other request through. It also notes each case a person opens (GET /api/cases/:id answered 200) in their
// recent cases, which the dashboard shows.
import { Router } from 'express';
import { searchCases, type SearchCasesDeps } from '../application/cases/search-cases';
import type { Clock } from '../ports/clock.port';
import type { RecentCaseStore } from '../ports/case-search.port';
import { parseQuery, requireActor, type ActorDeps } from './actor-request';
import { caseSearchQuerySchema } from './case-search-request.schema';

export type CaseSearchRouterDeps = ActorDeps & SearchCasesDeps & { recentCases?: RecentCaseStore; clock: Clock };

/** Paths under /cases that are not case references. */
const NOT_CASES = new Set(['duplicates', 'new']);

export function createCaseSearchRouter(deps: CaseSearchRouterDeps): Router {
  const router = Router();

  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    const { wellbeing, ...query } = parseQuery(caseSearchQuerySchema, req.query);
    res.json(await searchCases(deps, actor, { ...query, ...(wellbeing ? { safetyWellbeing: wellbeing } : {}) }));
  });

  router.get('/:id', (req, res, next) => {
    const actor = deps.currentActor(req);
    const id = req.params.id;
    if (deps.recentCases && actor && !NOT_CASES.has(id)) {
      const store = deps.recentCases;
      res.on('finish', () => {
        if (res.statusCode === 200) store.opened(actor.id, id, deps.clock.now().toISOString()).catch(() => undefined); // a convenience: never fails a read
      });
    }
    next();
  });

  return router;
}
