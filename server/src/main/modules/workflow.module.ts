// The embedded engine with the shipped content: timescales (versioned), the working-day calendar,
// the deadline jobs, every process in processes/ and every form in forms/ deployed at start
// (unchanged files keep their versions; a broken file stops the start naming the problem).
import fs from 'node:fs';
import path from 'node:path';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { createEmbeddedEngine, type EmbeddedEngine } from '../../adapters/engine-embedded/embedded-engine';
import { readFormFiles } from '../../adapters/files/form-files.loader';
import { loadTimescaleDefaults } from '../../adapters/files/timescale-defaults.loader';
import { MongoFormRepository } from '../../adapters/mongo/form.repository';
import { MongoTimescaleRepository } from '../../adapters/mongo/timescale.repository';
import { adoptTimescaleDefaults } from '../../application/adopt-timescale-defaults';
import { deployFormFiles } from '../../application/deploy-form-files';
import { deployProcessFiles } from '../../application/processes/deploy-process-files';
import { processDeployHooks } from '../../application/processes/process-deploy-hooks';
import type { AppConfig } from '../../config/env.config';
import { engineNeedsLease, seesEveryWrite } from '../../config/topology';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar';
import { currentUser } from '../../http/session-user';
import { createTimescalesRouter } from '../../http/timescales.routes';
import { registerDeadlineJobs } from '../../jobs/register-deadline-jobs';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { SystemModule } from './module';
import type { LeasedEngine } from '../../adapters/engine-embedded/lease/leased-engine';
import { engineForTopology, leadershipForTopology, type EngineOwnership } from './engine-topology';
import type { ZeebeEngine } from '../../adapters/engine-zeebe/zeebe-engine';
import { zeebeDeployHooks, zeebeEngineForServer } from './zeebe-engine.module';
import { MongoZeebeDeployRecords } from '../../adapters/mongo/zeebe-deploy-record.repository';
import { isRoleInForce } from '../../domain/policies';

export interface WorkflowModule extends SystemModule {
  engine: EmbeddedEngine | LeasedEngine | ZeebeEngine;
  /** ENGINE=zeebe: why the server cannot serve now because of the cluster (undefined: it can), for /readyz. */
  engineReadiness?: () => Promise<string | undefined>;
  /** Shared mode: when this server holds the lease and runs the periodic work (the escalation worker follows it). */
  ownership?: EngineOwnership;
  forms: MongoFormRepository;
  timescales: MongoTimescaleRepository;
  calendar: WorkingCalendar;
}

function readProcessFiles(dir: string) {
  return fs
    .readdirSync(dir)
    .filter((f) => f.endsWith('.bpmn') || f.endsWith('.dmn')) // decision tables deploy with the processes calling them
    .sort()
    .map((name) => ({ name, content: fs.readFileSync(path.join(dir, name), 'utf8') }));
}

export async function createWorkflowModule(
  config: AppConfig,
  conn: Connection,
  clock: Clock,
  audit: AuditLog,
  logger: Logger,
  /** `sessionSecret`: read once by build-modules.ts; shared mode signs the servers' engine commands with it. */
  opts: { users?: Pick<UserRepository, 'findById'>; sessionSecret: string },
): Promise<WorkflowModule> {
  const { users } = opts;
  const defaults = await loadTimescaleDefaults(path.join(config.rootDir, 'processes', 'timescales.json'));
  const timescales = new MongoTimescaleRepository(conn, { defaults, now: () => clock.now() });
  // Before any process runs: a release's new timescales exist for its new processes (adopt-timescale-defaults.ts).
  const adopted = await adoptTimescaleDefaults({ timescales, clock, defaults });
  if (adopted.version) logger.info(adopted, 'timescale defaults adopted as a new version');
  const calendar = createWorkingCalendar({ region: config.BANK_HOLIDAY_REGION, endOfDay: config.DEADLINE_END_OF_DAY });
  const forms = new MongoFormRepository(conn, { cacheLatest: seesEveryWrite(config.TOPOLOGY) }); // the sole server keeps "latest" (form.repository.ts)
  // ENGINE=zeebe: the cluster is the one engine every server shares, so no internal command route whatever
  // TOPOLOGY says; a cluster that does not answer stops the start (zeebe-engine.module.ts). In shared mode the
  // work lease still picks the one server that runs the periodic work (engine-topology.ts).
  const leadership = config.ENGINE === 'zeebe' ? leadershipForTopology(config, conn, logger) : undefined;
  const zeebe = config.ENGINE === 'zeebe'
    ? await zeebeEngineForServer(config.ZEEBE!, {
      clock, logger, ...(leadership ? { runsPeriodicWork: () => leadership.isLeader } : {}),
      records: new MongoZeebeDeployRecords(conn), // what was sent to the cluster: a restart leaves unchanged files out
      deployHooks: zeebeDeployHooks(processDeployHooks({ forms, clock, audit, users, isRole: isRoleInForce })), // the embedded engine's checks
    })
    : undefined;
  // Reconciled at once when this server takes the lease, not at the next round; in the background, so
  // a long reconciliation never holds up the lease's renewal.
  // Kept, so stop() waits for it instead of stopping the engine under it.
  let reconciling: Promise<unknown> | undefined;
  leadership?.onOwnership(async (leading) => {
    if (leading && zeebe) reconciling = zeebe.engine.reconcile().catch((err) => logger.error({ err }, 'task reconciliation failed'));
  });
  // In shared mode a fresh embedded engine each time this server takes the engine lease (engine-topology.ts).
  const { engine, ownership, internalRouters } = zeebe ? { engine: zeebe.engine, ownership: leadership, internalRouters: undefined } : engineForTopology(config, conn, logger, opts.sessionSecret, (mayAct) => createEmbeddedEngine({
    mayAct, conn, clock, logger, dbConcurrency: config.ENGINE_DB_CONCURRENCY,
    revisionChecked: engineNeedsLease(config.TOPOLOGY), // a stale owner's instance write fails on its revision
    deployHooks: processDeployHooks({ forms, clock, audit, users, isRole: isRoleInForce }), // embedded forms, known assignees and roles
  }));
  registerDeadlineJobs(engine, { timescales, calendar, clock });

  const formFiles = await readFormFiles(path.join(config.rootDir, 'forms'));
  const formResults = await deployFormFiles({ forms, clock, audit }, formFiles);
  // Zeebe resolves a user task's linked form (zeebe:formDefinition) in the cluster, so the forms go with the processes.
  const linkedForms = zeebe ? formFiles.map((f) => ({ name: f.name, content: f.text })) : [];
  const { deployed: processes, skipped } = await deployProcessFiles(engine, [...readProcessFiles(path.join(config.rootDir, 'processes')), ...linkedForms]);
  logger.info(
    {
      forms: formResults.length,
      newForms: formResults.filter((r) => r.created).map((r) => `${r.form.formId}@${r.form.version}`),
      processes: processes.map((p) => `${p.processId}@${p.version}${p.isNew ? ' (new)' : ''}`),
      unchangedProcessFiles: skipped.length, // a release that changes many at once (docs/zeebe.md, "What was deployed") shows here
    },
    'content deployed',
  );

  return {
    engine,
    ...(zeebe ? { engineReadiness: zeebe.readiness } : {}),
    ownership,
    internalRouters,
    forms,
    timescales,
    calendar,
    apiRouters: { '/timescales': createTimescalesRouter({ timescales, clock, currentUser }) },
    async start() {
      await engine.start();
      await leadership?.start(); // after the engine, so the holder's first reconciliation finds it started
    },
    async stop() {
      await leadership?.stop();
      await reconciling;
      await engine.stop();
    },
  };
}
