// Task queues (projected from engine events), task completion through forms, and case records.
import { MongoDocumentStore } from '../../adapters/mongo/case-document.store';
import type { Connection } from 'mongoose';
import { MongoCaseRepository } from '../../adapters/mongo/case.repository';
import { MongoSavedFilterRepository } from '../../adapters/mongo/saved-filter.repository';
import { MongoTaskRepository } from '../../adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../adapters/mongo/task-queue-index';
import type { FormRepository, SubmissionRepository } from '../../ports/form-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { fillTaskCases } from '../../application/tasks/fill-task-cases';
import { projectEngineEvent } from '../../application/tasks/project-engine-event';
import { allocatedWorkerFor, tellEngine } from '../../application/tasks/route-to-allocated-worker';
import { allocateCase, type Allocation } from '../../application/cases/allocate-case';
import type { AuditActor } from '../../domain/audit/audit-event';
import { recoverCompletions, type RecoveryOutcome } from '../../application/tasks/recover-completions';
import { createCasesRouter } from '../../http/cases.routes';
import { createContactsRouter, createStartableProcessesRouter } from '../../http/case-work.routes';
import { readStartDeclaration } from '../../adapters/bpmn/start-form.reader';
import { createProcessStartForms } from '../../application/cases/process-start-forms';
import { Router } from 'express';
import { MongoCaseSearchIndex } from '../../adapters/mongo/case-search.index';
import { MongoRecentCaseRepository } from '../../adapters/mongo/recent-case.repository';
import { pathwayOptionsFrom } from '../../application/cases/pathway-options';
import { disposalOptionsFrom } from '../../application/cases/disposal-options';
import { createFieldCatalogue } from '../../application/cases/field-catalogue';
import { createCaseSearchRouter } from '../../http/case-search.routes';
import { createDashboardRouter } from '../../http/dashboard.routes';
import { currentUser } from '../../http/session-user';
import { createTasksRouter } from '../../http/tasks.routes';
import { createAllocationRouter } from '../../http/allocation.routes';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';
import type { ConsentModule } from './consent.module';
import type { CaseWordsWiring } from './case-words';
import type { ShareStep } from '../../application/sharing/share-step';

export interface TasksModuleDeps {
  conn: Connection;
  engine: WorkflowEngine;
  /** Versioned forms; `deployCount` tells the field catalogue when to rebuild. */
  forms: FormRepository & { deployCount(): number };
  submissions: SubmissionRepository;
  users: UserRepository;
  audit: AuditLog;
  clock: Clock;
  /** TOPOLOGY=single (config/topology.ts): queues, case labels and search rows are kept in memory. False when
   *  several servers share one MongoDB: the database's indexes answer instead. */
  seesEveryWrite: boolean;
  onProjectionError(err: unknown): void;
  /** Restriction and consent checks, the case header's consent state, consents captured by forms. */
  consent?: Pick<ConsentModule, 'caseGuard' | 'consentOf' | 'captureConsents'>;
  /** The case record in words and the chronology (case-words.ts), given this module's case and task stores. */
  caseWords?(stores: { cases: MongoCaseRepository; tasks: MongoTaskRepository }): CaseWordsWiring;
  /** The AssetPlus share step's agreements (application/sharing/share-step.ts). */
  shareStep?: ShareStep;
}

export interface TasksModule extends SystemModule {
  tasks: MongoTaskRepository;
  cases: MongoCaseRepository;
  /** Saved queue filters (case erasure deletes those naming the case). */
  savedFilters: MongoSavedFilterRepository;
  /** The process's task queue index on a single server (the escalation sweep reads due tasks from it). */
  queues?: TaskQueueIndex;
  /** Every case's list row (the returns module picks the cases a quarterly return reads from them). */
  caseSearch: MongoCaseSearchIndex;
  /** Finishes completions a crash interrupted after storing their answers (run once the engine has started). */
  recoverCompletions(stopping: () => boolean): Promise<RecoveryOutcome>;
}

export async function createTasksModule(deps: TasksModuleDeps): Promise<TasksModule> {
  // One queue index for the process, made here and handed to the one task repository (task-queue-index.ts).
  const queues = deps.seesEveryWrite ? new TaskQueueIndex() : undefined;
  const tasks = new MongoTaskRepository(deps.conn, { queues });
  const cases = new MongoCaseRepository(deps.conn, { cacheLabels: deps.seesEveryWrite });
  await cases.init();
  const savedFilters = new MongoSavedFilterRepository(deps.conn);
  await savedFilters.init();
  // The cases list and the dashboard (issue 18): every case's search row kept in memory by the sole server.
  const caseSearch = new MongoCaseSearchIndex(cases.cases as never, cases, { keep: deps.seesEveryWrite });
  const recentCases = new MongoRecentCaseRepository(deps.conn);
  await recentCases.init();
  const disposalOptions = disposalOptionsFrom(createFieldCatalogue({ forms: deps.forms, deployCount: () => deps.forms.deployCount() }));
  const listDeps = { caseSearch, recentCases, users: deps.users, pathwayOptions: pathwayOptionsFrom(deps.forms), disposalOptions };

  // Engine events arrive at least once; the projection is idempotent, and a failure is logged
  // rather than thrown back into the engine (the queue can be rebuilt from the engine's tasks).
  deps.engine.onEvent(async (event) => {
    try {
      await projectEngineEvent({
        tasks, engine: deps.engine, now: () => deps.clock.now(), teamOfCase: (id) => cases.teamOf(id),
        allocatedWorkerFor: (task) => allocatedWorkerFor({ cases, users: deps.users }, task),
        assignLater: (taskId, worker) => tellEngine({ engine: deps.engine, tasks, now: () => deps.clock.now(), onError: deps.onProjectionError }, taskId, worker),
      }, event);
    } catch (e) {
      deps.onProjectionError(e);
    }
  });

  let stopped = false;
  let warming: Promise<unknown> | undefined;
  let filling: Promise<unknown> | undefined;
  const common = {
    tasks, cases, forms: deps.forms, submissions: deps.submissions, policy: tableAccessPolicy,
    clock: deps.clock, audit: deps.audit, currentActor: currentUser, people: deps.users,
    allocate: (actor: AuditActor, a: Allocation) => allocateCase({ cases, tasks, engine: deps.engine, clock: deps.clock, audit: deps.audit }, actor, a),
    ...(deps.consent ? { caseGuard: deps.consent.caseGuard, consentOf: deps.consent.consentOf, captureConsents: deps.consent.captureConsents } : {}),
    ...(deps.shareStep ? { shareStep: deps.shareStep } : {}),
    // Filepicker answers and documentPreview read the case's documents; reads only, so this store needs none of
    // the documents module's per-case write lock.
    formDocuments: { documents: new MongoDocumentStore(deps.conn), policy: tableAccessPolicy },
  };
  // Start forms the processes declare on their start events ("start work" on the case page).
  const startForms = createProcessStartForms({ engine: deps.engine, readStart: readStartDeclaration });
  return {
    tasks,
    cases,
    savedFilters,
    queues,
    caseSearch,
    recoverCompletions: (stopping) => recoverCompletions({ ...common, engine: deps.engine, users: deps.users }, stopping),
    apiRouters: {
      '/tasks': createTasksRouter({ ...common, engine: deps.engine, users: deps.users, savedFilters }),
      // The list (GET /cases) answers first; every other /cases request falls through to the record's router.
      '/cases': Router().use(createCaseSearchRouter({ ...common, ...listDeps }), createCasesRouter({ ...common, engine: deps.engine, startForms, ...deps.caseWords?.({ cases, tasks }) })),
      // The contacts log and the work that can be started on the case (issue 18).
      '/cases/:caseId/contacts': createContactsRouter({ ...common, engine: deps.engine, users: deps.users }),
      '/cases/:caseId/startable-processes': createStartableProcessesRouter({ ...common, startForms }),
      // The allocated worker: shown, and changed by a team manager with the case's open work (issue 18).
      '/cases/:caseId/allocation': createAllocationRouter({ ...common, engine: deps.engine, people: deps.users }),
      '/dashboard': createDashboardRouter({ ...common, ...listDeps }),
    },
    async start() {
      await tasks.init();
      // In the background: the server serves meanwhile, and a label not yet kept is simply read on demand.
      // One scan of the cases fills the labels, the duplicate check's keys and the cases list's rows.
      warming = cases.warmUp(() => stopped, caseSearch.startUpRider()).catch(() => undefined) // harmless: read on demand meanwhile
        .then(() => (stopped ? undefined : caseSearch.warmUp().catch(() => undefined))); // loaded already, or loads now
      // Tasks projected without their case before called processes inherited caseId (see fill-task-cases.ts).
      filling = fillTaskCases({ tasks, engine: deps.engine, teamOfCase: (id) => cases.teamOf(id) }, () => stopped)
        .catch((e) => deps.onProjectionError(e));
    },
    async stop() {
      stopped = true;
      await Promise.all([warming, filling]);
    },
    reload: () => tasks.rebuildQueues(),
  };
}
