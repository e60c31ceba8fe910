// /api/reports — the timeliness report (GET /timeliness), the key performance indicators (GET /kpis),
// every table of both as CSV (GET /timeliness/export, GET /kpis/export: audited as disclosures) and the
// projections' rebuilds (POST /rebuild, POST /kpis/rebuild).
// Thin: the query is checked here (unknown parameters and operator-like values refused), the rest is
// application/reports/*.
import { Router } from 'express';
import { z } from 'zod';
import { ForbiddenError } from '../domain/errors';
import { auditActor } from '../application/cases/case-access';
import { getTimelinessReport, type TimelinessDeps } from '../application/reports/get-timeliness-report';
import type { RebuildOutcome } from '../application/reports/rebuild-report-facts';
import type { RebuildKpiOutcome } from '../application/reports/rebuild-kpi-facts';
import { getKpiReport, type KpiDeps } from '../application/reports/get-kpi-report';
import { exportReportCsv, type ExportedCsv } from '../application/reports/export-report-csv';
import { TIMELINESS_TABLES } from '../application/reports/report-tables';
import { KPI_DEFINITIONS } from '../domain/reports/kpi-sources';
import type { Response } from 'express';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';

// Years 1900–2099 only: the calendar's civil dates (and the service's records) have four-digit years, and a
// month such as 0000-01 would otherwise pass here and fail deep in the date arithmetic.
const month = z.string().regex(/^(19|20)\d{2}-(0[1-9]|1[0-2])$/, 'Give a month as YYYY-MM between 1900 and 2099, for example 2026-03');
const key = z.string().regex(/^[A-Za-z0-9][\w.-]{0,79}$/, 'Choose one of the options offered');

export const timelinessQuerySchema = z.strictObject({
  from: month.optional(),
  to: month.optional(),
  timescale: key.optional(),
  team: key.optional(),
  worker: key.optional(),
});

export const kpiQuerySchema = z.strictObject({ from: month.optional(), to: month.optional(), team: key.optional() });
const tableChoice = (ids: readonly string[]) => z.enum(ids as [string, ...string[]], { message: `Choose a table: ${ids.join(', ')}` });
export const timelinessExportSchema = timelinessQuerySchema.extend({ table: tableChoice(TIMELINESS_TABLES) });
export const kpiExportSchema = kpiQuerySchema.extend({ table: tableChoice(KPI_DEFINITIONS.map((d) => d.id)) });

export type ReportsRouterDeps = ActorDeps & TimelinessDeps & KpiDeps & {
  /** Rebuilds the projection from the task queue (rebuild-report-facts.ts). */
  rebuild(): Promise<RebuildOutcome>;
  /** Rebuilds the KPI projection from the stored submissions (rebuild-kpi-facts.ts). */
  rebuildKpis(): Promise<RebuildKpiOutcome>;
};

function sendCsv(res: Response, file: ExportedCsv): void {
  res.set({ 'Content-Type': 'text/csv; charset=utf-8', 'Content-Disposition': `attachment; filename="${file.filename}"`, 'Cache-Control': 'no-store' });
  res.send(file.csv);
}

export function createReportsRouter(deps: ReportsRouterDeps): Router {
  const router = Router();
  router.get('/timeliness', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await getTimelinessReport(deps, actor, parseQuery(timelinessQuerySchema, req.query)));
  });
  router.get('/timeliness/export', async (req, res) => {
    const actor = requireActor(deps, req);
    const { table, ...query } = parseQuery(timelinessExportSchema, req.query);
    sendCsv(res, await exportReportCsv(deps, actor, { report: 'timeliness', table: table as (typeof TIMELINESS_TABLES)[number], query }));
  });
  router.get('/kpis', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await getKpiReport(deps, actor, parseQuery(kpiQuerySchema, req.query)));
  });
  router.get('/kpis/export', async (req, res) => {
    const actor = requireActor(deps, req);
    const { table, ...query } = parseQuery(kpiExportSchema, req.query);
    sendCsv(res, await exportReportCsv(deps, actor, { report: 'kpis', table, query }));
  });
  router.post('/kpis/rebuild', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(z.strictObject({}), req.body);
    mayRebuild(deps, actor);
    const outcome = await deps.rebuildKpis();
    await deps.audit.record({
      actor: auditActor(actor), action: 'report.rebuild', recordType: 'report', recordId: 'kpi-facts',
      after: { submissions: outcome.submissions, facts: outcome.facts, written: outcome.written, removed: outcome.removed },
    });
    res.json(outcome);
  });
  router.post('/rebuild', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(z.strictObject({}), req.body);
    mayRebuild(deps, actor);
    const outcome = await deps.rebuild();
    await deps.audit.record({
      actor: auditActor(actor), action: 'report.rebuild', recordType: 'report', recordId: 'task-facts',
      after: { tasks: outcome.tasks, facts: outcome.facts, written: outcome.written, removed: outcome.removed },
    });
    res.json(outcome);
  });
  return router;
}

/** Data officers answer for the figures; administrators run the system. */
function mayRebuild(deps: Pick<ReportsRouterDeps, 'policy'>, actor: Parameters<ReportsRouterDeps['policy']['can']>[0]): void {
  if (!deps.policy.can(actor, 'submit-returns') && !deps.policy.can(actor, 'administer-users')) {
    throw new ForbiddenError('Only data officers and administrators can rebuild the reports', 'REPORTS_REBUILD_FORBIDDEN');
  }
}
