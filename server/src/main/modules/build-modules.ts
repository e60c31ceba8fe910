// Builds every feature module in dependency order and merges what they contribute to the app.
import type { RequestHandler, Router } from 'express';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import type { AppConfig } from '../../config/env.config';
import { seesEveryWrite } from '../../config/topology';
import { caseReach } from '../../application/cases/case-access';
import { loadTaskToActOn } from '../../application/tasks/task-access';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { registerCaseJobs } from '../../jobs/register-case-jobs';
import { MongoSubmissionRepository } from '../../adapters/mongo/form-submission.repository';
import type { Clock } from '../../ports/clock.port';
import { createOpenApiRouters } from '../../http/openapi/openapi.routes';
import { currentUser } from '../../http/session-user';
import { createConsentModule } from './consent.module';
import { createDocumentsModule, type DocumentsModule } from './documents.module';
import { createEscalationModule, type EscalationSystemModule } from './escalation.module';
import { createReportsModule, type ReportsModule } from './reports.module';
import { createReturnsModule } from './returns.module';
import { createSchoolsModule } from './schools.module';
import { createDemoCasesModule } from './demo-cases.module';
import { createPermissionsModule } from './permissions.module';
import { createTeamsModule, type TeamsModule } from './teams.module';
import { createFormsModule, type FormsModule } from './forms.module';
import type { SystemModule } from './module';
import { createMonitorModule } from './monitor.module';
import { createSarModule } from './sar.module';
import { createProcessAdminModule } from './process-admin.module';
import { createRetentionModule } from './retention.module';
import { createNameKeysModule } from './name-keys.module';
import { createIntegrationModule } from './integration.module';
import { eraseCase } from '../../application/retention/erase-case';
import { caseErasureDeps } from './case-erasure';
import { caseReductionDeps } from './case-reduction';
import { reduceCase } from '../../application/retention/reduce-case';
import { createSecurityModule, type SecurityModule } from './security.module';
import { createSharingModule, type SharingModule } from './sharing.module';
import { MongoSharingAgreementRepository } from '../../adapters/sharing/sharing-agreement.repository';
import { createShareStep } from '../../application/sharing/share-step';
import { createTasksModule, type TasksModule } from './tasks.module';
import type { CaseStores } from '../../application/retention/erase-case-stores';
import { caseWordsOf } from './case-words';
import { createWorkflowModule, type WorkflowModule } from './workflow.module';
import { sessionSecret } from './session-secret';

export interface Modules {
  security: SecurityModule;
  workflow: WorkflowModule;
  forms: FormsModule;
  tasks: TasksModule;
  escalation: EscalationSystemModule;
  /** The reporting projection and the timeliness report (issue 21). */
  reports: ReportsModule;
  documents: DocumentsModule;
  /** Teams as data (issue 23): the directory the case rule reads, and the merge/split use cases' deps. */
  teams: TeamsModule;
  /** Data sharing agreements and signed outbound events (issue 22). */
  sharing: SharingModule;
  /** Case erasure's stores beyond the modules above (consent, SAR snapshots, report facts): one list for the
   *  retention module's erase job and for anything else that erases a case (tests). */
  otherCaseStores: NonNullable<CaseStores['others']>;
  apiMiddleware: RequestHandler[];
  apiRouters: Record<string, Router>;
  /** Server-to-server routes (shared topology: engine commands to the lease holder). */
  internalRouters: Record<string, Router>;
  start(): Promise<void>;
  stop(): Promise<void>;
  /** See SystemModule.reload. */
  reload(): Promise<void>;
}

export interface ModuleContext {
  config: AppConfig;
  conn: Connection;
  clock: Clock;
  logger: Logger;
  /** Background work (escalation sweeps, mail delivery); tests that drive it themselves turn it off. */
  runWorkers?: boolean;
}

export async function buildModules(ctx: ModuleContext): Promise<Modules> {
  const { config, conn, clock, logger } = ctx;
  // Read once (it may be a file in DATA_DIR): sessions are signed with it, and in shared mode the servers'
  // engine commands to each other with a key derived from it.
  const secret = sessionSecret(config.SESSION_SECRET, config.DATA_DIR);
  // The users page records team changes as memberships through the teams module, built below (after tasks), and
  // an admin's change to their own access waits for a second admin in the permissions module, built below too.
  const security = await createSecurityModule(config, conn, clock, logger, secret, { recordAccountTeams: (...a) => teams.recordAccountTeams(...a) }, { request: (...a) => permissions.approvals.request(...a) });
  const workflow = await createWorkflowModule(config, conn, clock, security.audit, logger, { users: security.users, sessionSecret: secret });
  const { engine } = workflow;
  // Submissions are shared: tasks store them when a task completes, the forms API reads them.
  const submissions = new MongoSubmissionRepository(conn);
  const consent = await createConsentModule({ conn, engine, audit: security.audit, clock });
  // Sharing agreements (issue 22): the AssetPlus share step offers and checks them; the sharing module below serves them.
  const agreements = new MongoSharingAgreementRepository(conn);
  const tasks = await createTasksModule({
    conn, engine, consent, forms: workflow.forms, submissions, users: security.users, audit: security.audit, clock,
    shareStep: createShareStep({ agreements, audit: security.audit, clock }),
    seesEveryWrite: seesEveryWrite(config.TOPOLOGY), // stated once: config/topology.ts
    // The case page in words and its chronology (issue 18); legal holds come from the retention module, built below.
    caseWords: caseWordsOf({ conn, engine, forms: workflow.forms, users: security.users, audit: security.audit, consents: consent.consents, holds: () => retention?.holdChecker, clock }),
    onProjectionError: (err) => logger.error({ err }, 'task queue projection failed'),
  });
  // Next to the deadline jobs (workflow.module.ts), here because they need the case repository the tasks
  // module owns: closing a case, its open-work check, publishing a message, the child's date of birth.
  registerCaseJobs(engine, { engine, cases: tasks.cases, audit: security.audit, now: () => clock.now(), caseGuard: consent.caseGuard });
  const forms = createFormsModule({
    conn, forms: workflow.forms, submissions, clock, audit: security.audit, caseGuard: consent.caseGuard, users: security.users,
    // The case rule (case-access.ts); the session's actor carries its teams. Answers are filed against a
    // case of one's own teams only (an unknown case id is refused too), and against a task one may work.
    canSeeCase: async (actor, caseId) => (await caseReach({ policy: tableAccessPolicy, cases: tasks.cases }, { ...actor, teams: actor.teams ?? [] }, caseId)) === 'team',
    caseOfTask: async (actor, taskId) => (await loadTaskToActOn(
      { tasks: tasks.tasks, cases: tasks.cases, policy: tableAccessPolicy }, { ...actor, teams: actor.teams ?? [] }, taskId, tableAccessPolicy.can({ ...actor, teams: [] }, 'reassign'),
    )).caseId,
    caseIdOfTask: async (taskId) => (await tasks.tasks.findById(taskId))?.caseId,
    variablesFor: async ({ taskId }) => {
      const task = taskId ? await tasks.tasks.findById(taskId) : undefined;
      return task ? (await engine.getInstance(task.instanceKey))?.variables : undefined;
    },
  });
  // Reports (issue 21): its engine listener after the task queue's, whose rows its facts are derived from.
  const reports = createReportsModule({
    conn, engine, tasks: tasks.tasks, timescales: workflow.timescales, calendar: workflow.calendar, users: security.users,
    audit: security.audit, clock, logger, keepFacts: seesEveryWrite(config.TOPOLOGY), forms: workflow.forms,
  });
  // The quarterly case-level return (issue 21): reads the cases list's rows and the case records.
  const returns = createReturnsModule({
    conn, rootDir: config.rootDir, cases: tasks.cases, caseSearch: tasks.caseSearch, submissions, users: security.users, audit: security.audit, clock,
  });
  // Schools' data (issue 22): CSV imports become proposals a reviewer accepts into the Education section.
  const schools = createSchoolsModule({ conn, cases: tasks.cases, users: security.users, audit: security.audit, clock, caseGuard: consent.caseGuard });
  const escalation = await createEscalationModule({
    config, conn, clock, calendar: workflow.calendar, engine, queues: tasks.queues, logger, runWorker: ctx.runWorkers ?? true,
    ownership: workflow.ownership, // shared topology: the worker runs on the work lease's holder (either engine)
    restrictions: { isRestricted: async (caseId) => !!(await consent.caseGuard.activeRestriction(caseId)) },
  });

  const processAdmin = createProcessAdminModule({ engine, audit: security.audit });
  // Subject access requests: built here, before retention, so erasure reaches their gathered snapshots.
  const sar = createSarModule({ engine, conn, audit: security.audit, clock });
  // Documents on a case (issue 18); erasure and reduction remove them with the case's other stores.
  const documents = createDocumentsModule({
    conn, cases: tasks.cases, users: security.users, audit: security.audit, clock, caseGuard: consent.caseGuard, maxMegabytes: config.DOCUMENT_MAX_MB,
  });
  // Retention (issue 17): schedule, legal holds, the review's jobs. Its erase job calls eraseCase with the
  // stores of the modules above (the same instances, so their in-memory indexes forget the case too).
  const otherCaseStores: Modules['otherCaseStores'] = [{ eraseOfCase: async (caseId) => (await consent.consents.eraseCase(caseId), 0) }, sar.eraser, reports.eraser, returns.eraser, schools.eraser];
  const retention = await createRetentionModule({
    rootDir: config.rootDir, conn, clock, audit: security.audit, engine,
    erase: (holds) => (input) => eraseCase(caseErasureDeps({
      security, workflow, tasks, forms, submissions, escalation, clock, documents,
      others: otherCaseStores, // consent records, restriction, SAR snapshots, report facts
    }, holds), input),
    // Reduction to a basic record: the same stores, the record kept as its basic facts, the audit key kept.
    reduce: (holds) => (input) => reduceCase(caseReductionDeps({
      security, workflow, tasks, forms, submissions, escalation, clock, documents,
      others: [{ eraseOfCase: async (caseId) => (await consent.consents.eraseCase(caseId), 0) }],
    }, holds), input),
  });

  // Start order: security, tasks (its projection must listen before the engine runs), escalation, then
  // the engine's pollers; forms have nothing to start.
  // Name keys before tasks: the tasks module's start-up scan indexes them for the duplicate check.
  const nameKeys = createNameKeysModule({ conn, cases: tasks.cases, clock, logger });
  // Roles and permissions as versioned data (issue 23): started right after security, so the version in force
  // is what the policy functions answer from before the engine or any request runs.
  const permissions = createPermissionsModule({ conn, users: security.users, audit: security.audit, clock, logger, engine, memberships: { recordAccountTeams: (...a) => teams.recordAccountTeams(...a) } });
  // Teams as data (issue 23): after tasks, whose case and task stores a merge or split moves; its middleware
  // gives the signed-in person the teams they reach before any router below asks the case rule.
  const teams = createTeamsModule({ conn, users: security.users, audit: security.audit, clock, logger, cases: tasks.cases, caseSearch: tasks.caseSearch, tasks: tasks.tasks, engine });
  const ordered: SystemModule[] = [security, permissions, forms, nameKeys, tasks, teams, reports, returns, schools, escalation, workflow, processAdmin];
  // Demo children (SEED_DEMO_CASES=true): after tasks (its indexes), before reports (its first KPI build reads
  // them); their processes after the engine started.
  if (config.SEED_DEMO_CASES === 'true') {
    const demo = createDemoCasesModule({ cases: tasks.cases, submissions, audit: security.audit, clock, logger, engine });
    ordered.splice(ordered.indexOf(reports), 0, demo.cases);
    ordered.splice(ordered.indexOf(workflow) + 1, 0, demo.work);
  }
  ordered.push(retention); // routes only; its jobs are registered above, before the engine starts
  ordered.push(createMonitorModule({ engine, forms: workflow.forms, audit: security.audit, cases: tasks.cases, caseGuard: consent.caseGuard })); // routes only
  ordered.push(sar); // routes only (its jobs are registered above): subject access requests
  ordered.push({ apiRouters: consent.routers(tasks.cases) }); // after /cases: its paths fall through to these
  ordered.push(documents); // routes only: /cases/:caseId/documents
  // Sharing agreements and webhooks (issue 22): its engine listener queues events for subscribers.
  const sharing = createSharingModule({
    conn, engine, cases: tasks.cases, audit: security.audit, clock, logger, runWorker: ctx.runWorkers ?? true, ownership: workflow.ownership, agreements,
  });
  ordered.push(sharing);
  otherCaseStores.push(sharing.eraser); // its deliveries' bodies hold the case's data
  // Service accounts and the integration API for other systems (issue 22): referrals from portals.
  ordered.push(createIntegrationModule({
    conn, audit: security.audit, clock, cases: tasks.cases, engine, forms: workflow.forms, users: security.users, caseGuard: consent.caseGuard,
    approvals: permissions.serviceAccountApprovals,
  }));
  // The OpenAPI document and reference page (docs/openapi.md), for signed-in people.
  ordered.push({ apiRouters: createOpenApiRouters({ currentUser, version: process.env.npm_package_version ?? '0.1.0' }) });
  const started: SystemModule[] = [];
  let stopping = false;
  let recovering: Promise<unknown> = Promise.resolve();
  return {
    security,
    workflow,
    forms,
    tasks,
    escalation,
    reports,
    documents,
    teams,
    sharing,
    otherCaseStores,
    apiMiddleware: ordered.flatMap((m) => m.apiMiddleware ?? []),
    apiRouters: Object.assign({}, ...ordered.map((m) => m.apiRouters ?? {})),
    internalRouters: Object.assign({}, ...ordered.map((m) => m.internalRouters ?? {})),
    async start() {
      for (const m of ordered) {
        await m.start?.();
        started.push(m);
      }
      // In the background, once the engine runs: completions a crash cut short for people who never retried.
      recovering = tasks.recoverCompletions(() => stopping).then(
        (r) => {
          if (r.finished || r.failed.length) logger.warn({ checked: r.checked, finished: r.finished, failed: r.failed }, 'interrupted task completions recovered');
        },
        (err) => logger.error({ err }, 'recovering interrupted task completions failed'),
      );
    },
    async stop() {
      stopping = true;
      await recovering;
      for (const m of started.reverse()) await m.stop?.();
    },
    async reload() {
      for (const m of started) await m.reload?.();
    },
  };
}
