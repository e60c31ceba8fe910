// /api/reports — the timeliness report (GET /timeliness) and the projection's rebuild (POST /rebuild).
// Thin: the query is checked here (unknown parameters and operator-like values refused), the rest is
// application/reports/*.
import { Router } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { auditActor } from '../application/cases/case-access';
import { getTimelinessReport, type TimelinessDeps } from '../application/reports/get-timeliness-report';
import type { RebuildOutcome } from '../application/reports/rebuild-report-facts';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

const month = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/, 'Give a month as YYYY-MM, for example 2026-03');
const key = z.string().regex(/^[A-Za-z0-9][\w.-]{0,79}$/, 'Choose one of the options offered');

export const timelinessQuerySchema = z.strictObject({
  from: month.optional(),
  to: month.optional(),
  timescale: key.optional(),
  team: key.optional(),
  worker: key.optional(),
});

export type ReportsRouterDeps = ActorDeps & TimelinessDeps & {
  /** Rebuilds the projection from the task queue (rebuild-report-facts.ts). */
  rebuild(): Promise<RebuildOutcome>;
};

export function createReportsRouter(deps: ReportsRouterDeps): Router {
  const router = Router();
  router.get('/timeliness', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await getTimelinessReport(deps, actor, parseQuery(timelinessQuerySchema, req.query)));
  });
  router.post('/rebuild', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(z.strictObject({}), req.body);
    // Data officers answer for the figures; administrators run the system.
    if (!deps.policy.can(actor, 'submit-returns') && !deps.policy.can(actor, 'administer-users')) {
      throw new ForbiddenError('Only data officers and administrators can rebuild the reports', 'REPORTS_REBUILD_FORBIDDEN');
    }
    const outcome = await deps.rebuild();
    await deps.audit.record({
      actor: auditActor(actor), action: 'report.rebuild', recordType: 'report', recordId: 'task-facts',
      after: { tasks: outcome.tasks, facts: outcome.facts, written: outcome.written, removed: outcome.removed },
    });
    res.json(outcome);
  });
  return router;
}
