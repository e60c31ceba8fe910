// Task queues (projected from engine events), task completion through forms, and case records.
import type { Connection } from 'mongoose';
import type { MongoFormRepository } from '../../adapters/mongo/form.repository';
import type { MongoSubmissionRepository } from '../../adapters/mongo/form-submission.repository';
import { MongoCaseRepository } from '../../adapters/mongo/case.repository';
import { MongoSavedFilterRepository } from '../../adapters/mongo/saved-filter.repository';
import { MongoTaskRepository } from '../../adapters/mongo/task.repository';
import type { MongoUserRepository } from '../../adapters/mongo/user.repository';
import { tableAccessPolicy } from '../../application/cases/table-access-policy';
import { fillTaskCases } from '../../application/tasks/fill-task-cases';
import { projectEngineEvent } from '../../application/tasks/project-engine-event';
import { recoverCompletions, type RecoveryOutcome } from '../../application/tasks/recover-completions';
import { createCasesRouter } from '../../http/cases.routes';
import { currentUser } from '../../http/session-user';
import { createTasksRouter } from '../../http/tasks.routes';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { SystemModule } from './module';
import type { ConsentModule } from './consent.module';

export interface TasksModuleDeps {
  conn: Connection;
  engine: WorkflowEngine;
  forms: MongoFormRepository;
  submissions: MongoSubmissionRepository;
  users: MongoUserRepository;
  audit: AuditLog;
  clock: Clock;
  /** false when several servers share one MongoDB: queues are then answered by database indexes. */
  queueIndex: boolean;
  onProjectionError(err: unknown): void;
  /** Restriction and consent checks, the case header's consent state, consents captured by forms. */
  consent?: Pick<ConsentModule, 'caseGuard' | 'consentOf' | 'captureConsents'>;
}

export interface TasksModule extends SystemModule {
  tasks: MongoTaskRepository;
  cases: MongoCaseRepository;
  /** Saved queue filters (case erasure deletes those naming the case). */
  savedFilters: MongoSavedFilterRepository;
  /** Finishes completions a crash interrupted after storing their answers (run once the engine has started). */
  recoverCompletions(stopping: () => boolean): Promise<RecoveryOutcome>;
}

export async function createTasksModule(deps: TasksModuleDeps): Promise<TasksModule> {
  const tasks = new MongoTaskRepository(deps.conn, { queueIndex: deps.queueIndex });
  const cases = new MongoCaseRepository(deps.conn, { cacheLabels: deps.queueIndex }); // queueIndex: the sole server
  await cases.init();
  const savedFilters = new MongoSavedFilterRepository(deps.conn);
  await savedFilters.init();

  // Engine events arrive at least once; the projection is idempotent, and a failure is logged
  // rather than thrown back into the engine (the queue can be rebuilt from the engine's tasks).
  deps.engine.onEvent(async (event) => {
    try {
      await projectEngineEvent({ tasks, engine: deps.engine, now: () => deps.clock.now(), teamOfCase: (id) => cases.teamOf(id) }, event);
    } catch (e) {
      deps.onProjectionError(e);
    }
  });

  let stopped = false;
  let warming: Promise<unknown> | undefined;
  let filling: Promise<unknown> | undefined;
  const common = {
    tasks, cases, forms: deps.forms, submissions: deps.submissions, policy: tableAccessPolicy,
    clock: deps.clock, audit: deps.audit, currentActor: currentUser,
    ...(deps.consent ? { caseGuard: deps.consent.caseGuard, consentOf: deps.consent.consentOf, captureConsents: deps.consent.captureConsents } : {}),
  };
  return {
    tasks,
    cases,
    savedFilters,
    recoverCompletions: (stopping) => recoverCompletions({ ...common, engine: deps.engine, users: deps.users }, stopping),
    apiRouters: {
      '/tasks': createTasksRouter({ ...common, engine: deps.engine, users: deps.users, savedFilters }),
      '/cases': createCasesRouter({ ...common, engine: deps.engine }),
    },
    async start() {
      await tasks.init();
      // In the background: the server serves meanwhile, and a label not yet kept is simply read on demand.
      warming = cases.warmUp(() => stopped).catch(() => undefined); // harmless: read on demand meanwhile
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
