// GET /api/dashboard — the signed-in person's home page in one request (application/dashboard/get-dashboard.ts).
import { Router } from 'express';
import { getDashboard, type DashboardDeps } from '../application/dashboard/get-dashboard';
import { parseQuery, requireActor, type ActorDeps } from './actor-request';
import { noQuerySchema } from './tasks-request.schema';

export type DashboardRouterDeps = ActorDeps & DashboardDeps;

export function createDashboardRouter(deps: DashboardRouterDeps): Router {
  const router = Router();
  router.get('/', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuerySchema, req.query);
    res.json(await getDashboard(deps, actor));
  });
  return router;
}
