// Retention API for data officers (schedule, dry run) and data officers / the DPO (legal holds). Thin:
// parse, call the use case, present; domain errors go to the error middleware.
import { type Request, Router } from 'express';
import { addRetentionRule, changeRetentionRule } from '../application/retention/change-retention-schedule';
import { liftLegalHold, placeLegalHold } from '../application/retention/legal-holds';
import type { Actor, RetentionDeps } from '../application/retention/retention-deps';
import { runRetentionDryRun } from '../application/retention/run-retention-dry-run';
import { ForbiddenError, NotFoundError, ValidationError } from '../domain/errors';
import { can, type Action } from '../domain/policies';
import { userOf } from './session-user';

function body(req: Request): Record<string, unknown> {
  const b: unknown = req.body;
  if (!b || typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Send a JSON object');
  return b as Record<string, unknown>;
}

function allowed(req: Request, ...actions: Action[]): Actor {
  const user = userOf(req);
  if (!actions.some((a) => can(user, a))) throw new ForbiddenError('Retention is for data officers and the DPO', 'RETENTION_FORBIDDEN');
  return user;
}

export interface RetentionRouterDeps extends RetentionDeps {
  /** Starts the retention review process now (its none start event), besides the monthly timer. */
  startReview(by: string): Promise<{ instanceKey: string }>;
}

export function createRetentionRouter(deps: RetentionRouterDeps): Router {
  const router = Router();
  const either: Action[] = ['manage-retention', 'manage-legal-holds'];

  router.get('/schedule', async (req, res) => { allowed(req, ...either); res.json(await deps.schedule.current()); });
  router.get('/schedule/history', async (req, res) => { allowed(req, ...either); res.json({ items: await deps.schedule.history() }); });
  router.get('/schedule/versions/:version', async (req, res) => {
    allowed(req, ...either);
    const version = Number(req.params.version);
    const set = Number.isInteger(version) && version > 0 ? await deps.schedule.getVersion(version) : undefined;
    if (!set) throw new NotFoundError(`No retention schedule version ${req.params.version}`, 'RETENTION_VERSION_NOT_FOUND');
    res.json(set);
  });
  // PUT /schedule/rules/:id {basis, years, basicRecordAfterYears?, roundToFinancialYearEnd, reason}
  router.put('/schedule/rules/:id', async (req, res) => {
    res.json(await changeRetentionRule(deps, userOf(req), { ...body(req), ruleId: String(req.params.id) }));
  });
  // POST /schedule/rules {id, recordClass, label, source, basis, years, …, reason}
  router.post('/schedule/rules', async (req, res) => { res.status(201).json(await addRetentionRule(deps, userOf(req), body(req))); });

  // GET /dry-run → what would fall due today, why, and what is held (deletes nothing)
  router.get('/dry-run', async (req, res) => { allowed(req, 'manage-retention'); res.json(await runRetentionDryRun(deps)); });

  // POST /reviews → starts a retention review now; its approval task goes to the data officers
  router.post('/reviews', async (req, res) => {
    const user = allowed(req, 'manage-retention');
    res.status(201).json(await deps.startReview(user.id));
  });

  router.get('/holds', async (req, res) => { allowed(req, ...either); res.json({ items: await deps.holds.listAll(500) }); });
  // POST /holds {scope: case|person|all, caseId?, reason, until?}
  router.post('/holds', async (req, res) => {
    const b = body(req);
    res.status(201).json(await placeLegalHold(deps, userOf(req), { scope: b.scope, caseId: b.caseId, reason: b.reason, until: b.until }));
  });
  // POST /holds/:id/lift {reason}
  router.post('/holds/:id/lift', async (req, res) => {
    res.json(await liftLegalHold(deps, userOf(req), { holdId: String(req.params.id), reason: body(req).reason }));
  });
  return router;
}
