// Reports (issue 21): the reporting projections kept from engine events (task facts for timeliness, KPI
// facts from the submissions of the forms that feed an indicator), their rebuilds, the reports' routes. Built after the tasks module, so its engine listener runs after the task queue's
// (a fact is derived from the queue's row, written by then).
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { readDeadlineSources } from '../../adapters/bpmn/deadline-sources.reader';
import { MongoReportFactRepository, MongoReportSourceTasks } from '../../adapters/mongo/report-fact.repository';
import { MongoKpiFactRepository, MongoKpiSourceSubmissions, isEmptySource } from '../../adapters/mongo/kpi-fact.repository';
import { createKpiFactUpdater, type KpiFactUpdater } from '../../application/reports/kpi-fact-updater';
import { rebuildKpiFacts, type RebuildKpiOutcome } from '../../application/reports/rebuild-kpi-facts';
import { KPI_FORMS } from '../../domain/reports/kpi-sources';
import { monthsBetween } from '../../domain/reports/timeliness';
import { plusMonths } from '../../domain/calendar/civil-date';
import type { FormRepository } from '../../ports/form-repository.port';
import type { MongoTaskRepository } from '../../adapters/mongo/task.repository';
import type { MongoTimescaleRepository } from '../../adapters/mongo/timescale.repository';
import type { MongoUserRepository } from '../../adapters/mongo/user.repository';
import type { ClassifyDeps, DeadlineSources } from '../../application/reports/classify-task-timescale';
import { rebuildReportFacts, type RebuildOutcome } from '../../application/reports/rebuild-report-facts';
import { createReportFactUpdater, type ReportFactUpdater } from '../../application/reports/report-fact-updater';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import type { WorkingCalendar } from '../../domain/calendar';
import { createReportsRouter } from '../../http/reports.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';

export interface ReportsModuleDeps {
  conn: Connection;
  engine: WorkflowEngine;
  tasks: MongoTaskRepository;
  timescales: MongoTimescaleRepository;
  calendar: WorkingCalendar;
  users: MongoUserRepository;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** The deployed forms, for the words of the fields that feed each indicator: the workflow's, with its cache. */
  forms: Pick<FormRepository, 'latest'>;
  /** This server sees every write (single topology): the task facts are kept in memory for the updater's reads. */
  keepFacts?: boolean;
}

export interface ReportsModule extends SystemModule {
  facts: MongoReportFactRepository;
  /** Case erasure's step: waits for facts being written (one could land after the delete), then deletes. */
  eraser: { eraseOfCase(caseId: string): Promise<number> };
  updater: ReportFactUpdater;
  rebuild(opts?: { dryRun?: boolean }): Promise<RebuildOutcome>;
  kpiFacts: MongoKpiFactRepository;
  kpiUpdater: KpiFactUpdater;
  rebuildKpis(opts?: { dryRun?: boolean }): Promise<RebuildKpiOutcome>;
}

const COUNTS_DEFER_MS = 1000;

export function createReportsModule(deps: ReportsModuleDeps): ReportsModule {
  // The timeliness counts' increments written once a second rather than with every batch of facts
  // (docs/benchmarks.md); this server's report reads write them first, the updater's idle() and stop too.
  const facts = new MongoReportFactRepository(deps.conn, {
    keep: deps.keepFacts, calendar: deps.calendar,
    counts: { deferMs: COUNTS_DEFER_MS, onError: (err) => deps.logger.error({ err }, 'timeliness counts write failed (POST /api/reports/rebuild heals it)') },
  });
  const source = new MongoReportSourceTasks(deps.tasks);
  // A process version's BPMN never changes: read and parse it once.
  const sources = new Map<string, Promise<DeadlineSources | undefined>>();
  const classify: ClassifyDeps = {
    deadlineSources(processId, version) {
      const key = `${processId}@${version}`;
      let found = sources.get(key);
      if (!found) {
        found = deps.engine.getDeploymentResource(processId, version)
          .then((xml) => (xml ? readDeadlineSources(xml, processId) : undefined));
        found.catch(() => sources.delete(key)); // a failed read is tried again next time
        sources.set(key, found);
      }
      return found;
    },
    instance: (key) => deps.engine.getInstance(key),
    isTimescale: async (id) => (await deps.timescales.current()).timescales.some((t) => t.id === id),
  };
  const updater = createReportFactUpdater({
    source, facts, classify,
    onError: (err, taskId) => deps.logger.error({ err, taskId }, 'report projection update failed (POST /api/reports/rebuild heals it)'),
  });
  deps.engine.onEvent((event) => updater.onEvent(event));
  const rebuild = (opts?: { dryRun?: boolean }) => rebuildReportFacts({ source, facts, classify, calendar: deps.calendar }, opts);
  let first: Promise<unknown> | undefined;

  const kpiFacts = new MongoKpiFactRepository(deps.conn);
  const kpiDeps = { source: new MongoKpiSourceSubmissions(deps.conn, deps.tasks), facts: kpiFacts, civilDate: (iso: string) => deps.calendar.civilDate(iso) };
  const kpiUpdater = createKpiFactUpdater({
    ...kpiDeps,
    onError: (err, submissionId) => deps.logger.error({ err, submissionId }, 'KPI projection update failed (POST /api/reports/kpis/rebuild heals it)'),
  });
  deps.engine.onEvent((event) => kpiUpdater.onEvent(event));
  const rebuildKpis = (opts?: { dryRun?: boolean }) => rebuildKpiFacts(kpiDeps, opts);
  let firstKpis: Promise<unknown> | undefined;
  let warming: Promise<unknown> | undefined;
  // The kept facts are read once in the background, so the first dashboard does not wait for the scan.
  const warm = () => {
    if (!deps.keepFacts) return;
    warming = facts.warm()
      .catch((err) => deps.logger.error({ err }, 'reading the report facts into memory failed (the next report read tries again)'));
  };
  // The last year's KPI month summaries parsed once in the background, in either topology: a year's first
  // read otherwise reads and parses them all (about 0.3 s at 20,000 cases; docs/benchmarks.md).
  let kpisWarming: Promise<unknown> | undefined;
  const warmKpis = async () => {
    const to = deps.calendar.civilDate(deps.clock.now()).slice(0, 7);
    await kpiFacts.caseMonths(monthsBetween(plusMonths(`${to}-01`, -11).slice(0, 7), to));
  };

  return {
    facts,
    eraser: {
      eraseOfCase: async (caseId) => {
        await Promise.all([updater.idle(), kpiUpdater.idle()]);
        return (await facts.eraseOfCase(caseId)) + (await kpiFacts.eraseOfCase(caseId));
      },
    },
    updater,
    rebuild,
    kpiFacts,
    kpiUpdater,
    rebuildKpis,
    apiRouters: {
      '/reports': createReportsRouter({
        currentActor: currentUser, facts, timescales: deps.timescales, users: deps.users, policy: tableAccessPolicy,
        audit: deps.audit, calendar: deps.calendar, now: () => deps.clock.now(), rebuild: () => rebuild(),
        kpiFacts, forms: deps.forms, rebuildKpis: () => rebuildKpis(),
      }),
    },
    async start() {
      await facts.init();
      await kpiFacts.init();
      // The first start with KPIs, or with their summaries: built from the submissions already stored, in the background.
      const noSummaries = await kpiFacts.summariesEmpty();
      if (noSummaries && !(await isEmptySource(deps.conn, Object.keys(KPI_FORMS)))) {
        firstKpis = rebuildKpis().then((o) => deps.logger.info(o, 'KPI projection built from the stored submissions'))
          .catch((err) => deps.logger.error({ err }, 'KPI projection build failed (POST /api/reports/kpis/rebuild retries it)'));
      }
      // The first start with this feature: the projection is built from the tasks already there, in the background.
      if ((await facts.isEmpty()) && !(await source.isEmpty())) {
        first = rebuild().then((o) => deps.logger.info(o, 'report projection built from the task queue'))
          .catch((err) => deps.logger.error({ err }, 'report projection build failed (POST /api/reports/rebuild retries it)'));
      }
      warm();
      if (!noSummaries) kpisWarming = warmKpis().catch((err) => deps.logger.error({ err }, 'reading the KPI month summaries failed (the next report reads them)'));
    },
    async reload() {
      await warming;
      facts.forget();
      warm();
    },
    async stop() {
      await warming;
      await first;
      await firstKpis;
      await kpisWarming;
      await updater.idle();
      await kpiUpdater.idle();
    },
  };
}
