// The embedded WorkflowEngine: composes deployment, instance runner (outbox), job worker, timer scheduler and
// message correlator over one mongoose Connection. Nothing engine-specific leaks through the port.
import { setDbConcurrency } from './store/transient-retry';
import type { Connection } from 'mongoose';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type {
  DeployOptions, DeployProblem, DeployResource, EngineEvent, IncidentView, InstanceView, JobHandler, UserTaskView, Variables, WorkflowEngine,
  UserTaskChangeResult, UserTaskChanges,
  ProcessDeploymentView, DecisionDeploymentView,
} from '../../ports/workflow-engine.port';
import { TaskChangeDeniedError } from '../../ports/workflow-engine.port';
import { RESERVED_VARIABLES } from './model/process-model';
import { checkTaskAttributes, type TaskAttributes } from './runtime/task-changes';
import { isSignalSubscription } from './runtime/triggers';
import { TaskChangeWaiters } from './task-change-waiters';
import { DeploymentQueries } from './services/deployment-queries';
import { DeploymentService, type DeployHooks } from './services/deployment.service';
import { EffectApplier, type InstanceDoc } from './services/effect-applier';
import { EngineQueries } from './services/engine-queries';
import { InstanceRunner, newKey } from './services/instance-runner';
import { JobWorker } from './services/job-worker';
import { JobLeases } from './services/job-leases';
import { MessageCorrelator } from './services/message-correlator';
import { SignalBroadcaster } from './services/signal-broadcaster';
import { TimerDueIndex } from './services/timer-due-index';
import { TimerScheduler } from './services/timer-scheduler';
import { InstanceListing } from './services/instance-listing';
import { InstanceMigration } from './services/instance-migration';
import type { MigrationRequest } from '../../ports/workflow-engine.port';
import { engineCollections } from './store/engine-collections';
import { SingleNodeInstanceStore } from './store/instance-store';
import { RevisionCheckedInstanceStore } from './store/revision-checked-instance-store';
import { InstanceErasure } from './services/instance-erasure';


export interface EmbeddedEngineOptions {
  conn: Connection;
  clock: Clock;
  logger?: { error(obj: unknown, msg?: string): void };
  /** How often due timers and jobs are polled once start() ran (kicks make most work immediate). */
  pollIntervalMs?: number;
  jobLockMs?: number;
  jobConcurrency?: number;
  defaultBackoffMs?: number;
  /** While running, outboxes pending longer than this are replayed (a step that failed half-way). */
  staleOutboxMs?: number;
  /** Embedded forms of job-worker user tasks and known users, checked at deploy (deployment.service.ts). */
  deployHooks?: DeployHooks;
  /** ENGINE_DB_CONCURRENCY: engine database operations at once (transient-retry.ts); default 2. */
  dbConcurrency?: number;
  /** How long assignUserTask / updateUserTask wait for task listener jobs before answering 'pending'. */
  listenerWaitMs?: number;
  /** Shared topology: false once this server's engine lease has lapsed, so a resumed poll fires nothing (lease/). */
  mayAct?: () => boolean;
  /**
   * Check every instance save against the stored revision (store/revision-checked-instance-store.ts), so a
   * stale cache never overwrites newer state: set it when servers share the database (TOPOLOGY=shared).
   * Default false: the single-node store, which trusts this process's cache.
   */
  revisionChecked?: boolean;
  /** With revisionChecked: whether the database's conditional updates are atomic (MongoDB); unset: asked of it. */
  atomicConditionalUpdates?: boolean;
}

export class EmbeddedEngine implements WorkflowEngine {
  private readonly listeners: ((e: EngineEvent) => void | Promise<void>)[] = [];
  private readonly deployments: DeploymentService;
  private readonly runner: InstanceRunner;
  private readonly worker: JobWorker;
  private readonly timers: TimerScheduler;
  private readonly messages: MessageCorrelator;
  private readonly signals: SignalBroadcaster;
  private readonly queries: EngineQueries;
  private readonly taskChanges = new TaskChangeWaiters();
  private readonly deploymentQueries: DeploymentQueries;
  private poller?: NodeJS.Timeout;
  private polling?: Promise<void>;
  private lastRecovery = Date.now();
  private readonly listing: InstanceListing;
  private readonly migration: InstanceMigration;
  private readonly erasure: InstanceErasure;

  constructor(private readonly opts: EmbeddedEngineOptions) {
    if (opts.dbConcurrency !== undefined) setDbConcurrency(opts.dbConcurrency);
    const db = engineCollections(opts.conn);
    const now = () => opts.clock.now();
    this.deployments = new DeploymentService(db, now, opts.deployHooks);
    const leases = new JobLeases();
    const timerIndex = new TimerDueIndex();
    const applier = new EffectApplier(db, now, (e) => this.emit(e), leases, timerIndex);
    const store = opts.revisionChecked
      ? new RevisionCheckedInstanceStore(db, { atomicConditionalUpdates: opts.atomicConditionalUpdates })
      : new SingleNodeInstanceStore(db);
    this.runner = new InstanceRunner(db, this.deployments, applier, now, leases, store);
    this.worker = new JobWorker(db, this.runner, now, {
      lockMs: opts.jobLockMs ?? 60_000, maxConcurrent: opts.jobConcurrency ?? 8, defaultBackoffMs: opts.defaultBackoffMs ?? 5_000,
    }, (msg, err) => this.logError(err, msg), leases);
    this.timers = new TimerScheduler(db, this.runner, now, timerIndex);
    this.messages = new MessageCorrelator(db, this.runner, this.deployments, now);
    this.signals = new SignalBroadcaster(db, this.runner, this.deployments);
    this.queries = new EngineQueries(db, (key) => this.runner.cached(key), (p, v) => this.deployments.cachedModel(p, v));
    this.deploymentQueries = new DeploymentQueries(db);
    this.runner.crossEffects = (doc) => this.crossEffects(doc);
    this.listing = new InstanceListing(db, this.deployments);
    this.migration = new InstanceMigration(db, this.deployments, this.runner, (e) => this.emit(e));
    this.erasure = new InstanceErasure(db, {
      cancel: (key) => this.cancelInstance(key),
      forget: async (key, timerIds) => {
        for (const id of timerIds) timerIndex.remove(id);
        await this.runner.forget(key);
      },
    });
  }

  async deploy(resources: DeployResource[], opts?: DeployOptions) {
    const { processes, newModels } = await this.deployments.deploy(resources, opts);
    for (const m of newModels) await this.timers.scheduleStartTimers(m);
    return processes;
  }

  async startInstance(processId: string, variables: Variables, opts: { businessKey?: string; version?: number } = {}) {
    checkVariables(variables);
    const r = await this.runner.start({ processId, variables, businessKey: opts.businessKey, version: opts.version });
    return { instanceKey: r.instanceKey, processId, version: r.version };
  }

  async completeUserTask(taskKey: string, variables: Variables, opts: { by: string }): Promise<void> {
    checkVariables(variables);
    // A task's key names its instance: when this process holds that instance, the step goes ahead without
    // reading the task row (one round trip less per completion). It declines when the task is not waiting
    // there or has completing listeners (they see the stored task); the read below then decides.
    const owner = instanceOfTask(taskKey);
    if (owner && this.runner.cached(owner)) {
      if (await this.runner.execute(owner, { kind: 'completeTask', taskKey, vars: variables, by: opts.by })) return;
    }
    const task = await this.queries.task(taskKey);
    if (!task) throw new NotFoundError(`user task '${taskKey}' not found`, 'TASK_NOT_FOUND');
    if (task.state !== 'open') return; // completing twice completes once
    await this.runner.execute(task.instanceKey, { kind: 'completeTask', taskKey, vars: variables, by: opts.by, task });
  }

  async assignUserTask(taskKey: string, assignee: string | null, opts: { by: string; action?: string }): Promise<UserTaskChangeResult> {
    const { set, problems } = checkTaskAttributes({ assignee }, ['assignee']);
    if (Object.keys(problems).length) throw new ValidationError('Invalid assignee', problems, 'INVALID_TASK_CHANGE');
    return this.changeTask(taskKey, 'assigning', set, opts.by, opts.action ?? (assignee === null ? 'unassign' : 'assign'));
  }

  async updateUserTask(taskKey: string, changes: UserTaskChanges, opts: { by: string; action?: string }): Promise<UserTaskChangeResult> {
    const { set, problems } = checkTaskAttributes(changes, ['candidateGroups', 'candidateUsers', 'dueDate', 'followUpDate', 'priority']);
    if (Object.keys(problems).length) throw new ValidationError('Invalid task changes', problems, 'INVALID_TASK_CHANGE');
    if (!Object.keys(set).length) throw new ValidationError('Nothing to change', { '': 'give at least one attribute to change' }, 'INVALID_TASK_CHANGE');
    return this.changeTask(taskKey, 'updating', set, opts.by, opts.action ?? 'update');
  }

  /** Runs an assign/update through the task's listeners and waits for the outcome (as Zeebe's command does). */
  private async changeTask(taskKey: string, phase: 'assigning' | 'updating', set: TaskAttributes, by: string, action: string): Promise<UserTaskChangeResult> {
    const task = await this.queries.task(taskKey);
    if (!task) throw new NotFoundError(`user task '${taskKey}' not found`, 'TASK_NOT_FOUND');
    if (task.state !== 'open') throw new ConflictError(`The task is already ${task.state}`, 'TASK_CLOSED');
    const requestId = newKey();
    const waiting = this.taskChanges.expect(requestId, task.instanceKey, taskKey);
    try {
      const ok = await this.runner.execute(task.instanceKey, { kind: 'changeTask', taskKey, phase, task, set, action, by, requestId });
      if (!ok) {
        const now = await this.queries.task(taskKey);
        if (now?.state !== 'open') throw new ConflictError(`The task is already ${now?.state ?? 'gone'}`, 'TASK_CLOSED');
        throw new ConflictError('The task is in the middle of another change (a task listener is running); try again shortly', 'TASK_BUSY');
      }
      const outcome = await waiting.wait(this.opts.listenerWaitMs ?? 10_000);
      if (outcome.kind === 'closed') throw new ConflictError(`The task was ${outcome.state} while the change was being made`, 'TASK_CLOSED');
      if (outcome.kind === 'denied') {
        const what = phase === 'assigning' ? (set.assignee === null ? 'Unassigning' : 'Assigning') : 'Updating';
        throw new TaskChangeDeniedError(outcome.reason, what);
      }
      return { status: outcome.kind === 'applied' ? 'applied' : 'pending', task: await this.queries.task(taskKey) };
    } finally {
      waiting.dispose();
    }
  }

  async publishMessage(name: string, correlationKey: string, variables: Variables = {}, opts: { ttlMs?: number; messageId?: string } = {}) {
    checkVariables(variables);
    // Signal catches are subscriptions under a name starting with a control character (runtime/triggers.ts).
    if (isSignalSubscription(name)) throw new ValidationError('Invalid message name', { name: 'A message name cannot start with a control character' }, 'INVALID_MESSAGE_NAME');
    return this.messages.publish(name, correlationKey, variables, opts);
  }

  /** Broadcasts a signal (Camunda 8.8's POST /v2/signals/broadcast): every signal catch and signal start of its name. */
  async broadcastSignal(name: string, variables: Variables = {}): Promise<{ reached: number }> {
    checkVariables(variables);
    return this.signals.broadcast(name, variables);
  }

  messageRecipients(name: string, correlationKey: string) { return this.messages.recipients(name, correlationKey); }

  async cancelInstance(instanceKey: string): Promise<void> {
    await this.runner.execute(instanceKey, { kind: 'cancel' });
  }

  async setVariables(instanceKey: string, variables: Variables): Promise<void> {
    checkVariables(variables);
    await this.runner.execute(instanceKey, { kind: 'setVariables', vars: variables });
  }

  async resolveIncident(incidentId: string): Promise<void> {
    const incident = (await this.queries.incidents()).find((i) => i.id === incidentId);
    if (!incident) throw new NotFoundError(`incident '${incidentId}' not found`, 'INCIDENT_NOT_FOUND');
    if (incident.state !== 'open') return;
    await this.runner.execute(incident.instanceKey, { kind: 'resolveIncident', incidentId });
  }

  getInstance(instanceKey: string): Promise<InstanceView | undefined> { return this.queries.instance(instanceKey); }
  getUserTask(taskKey: string): Promise<UserTaskView | undefined> { return this.queries.task(taskKey); }
  listUserTasks(filter?: { instanceKey?: string; state?: UserTaskView['state'] }) { return this.queries.tasks(filter); }
  listIncidents(filter?: { instanceKey?: string; state?: IncidentView['state'] }) { return this.queries.incidents(filter); }

  listDeployments(processId?: string): Promise<ProcessDeploymentView[]> { return this.deploymentQueries.list(processId); }
  async listDecisionDeployments(): Promise<DecisionDeploymentView[]> {
    return (await this.deployments.decisions.list()).map((d) => ({
      decisionRequirementsId: d.graphId, version: d.version, decisionIds: d.decisionIds, resourceName: d.resourceName, checksum: d.checksum,
      deployedAt: d.deployedAt, ...(d.by ? { by: d.by } : {}), ...(d.comment ? { comment: d.comment } : {}),
    }));
  }
  getDeploymentResource(processId: string, version: number): Promise<string | undefined> { return this.deploymentQueries.resource(processId, version); }
  checkDeployment(resources: DeployResource[]): Promise<DeployProblem[]> {
    return this.deployments.checkAll(resources).then((c) => c.problems); // .dmn files and called decisions too
  }

  registerJobHandler(type: string, handler: JobHandler): void { this.worker.register(type, handler); }
  onEvent(listener: (event: EngineEvent) => void | Promise<void>): void { this.listeners.push(listener); }

  listInstances(filter: Parameters<InstanceListing['list']>[0]) { return this.listing.list(filter); }
  countActiveElements(processId: string, version: number) { return this.listing.countActive(processId, version); }
  getInstancePath(instanceKey: string) { return this.listing.path(instanceKey); }
  migrateInstance(instanceKey: string, request: MigrationRequest) { return this.migration.migrate(instanceKey, request); }
  eraseInstancesOfCase(caseId: string) { return this.erasure.eraseCase(caseId); }

  /** Replays outboxes left by a crash, then polls timers and jobs. */
  async start(): Promise<void> {
    this.worker.enabled = true;
    await this.timers.loadIndex(); // before recovery: a replayed outbox may arm or cancel timers
    await this.runner.recover();
    const interval = this.opts.pollIntervalMs ?? 1000;
    this.poller = setInterval(() => {
      if (this.polling) return;
      this.polling = this.poll().catch((e) => this.logError(e, 'engine poll failed')).finally(() => { this.polling = undefined; });
    }, interval);
    this.poller.unref();
    this.worker.kickScan();
  }

  async stop(): Promise<void> {
    if (this.poller) clearInterval(this.poller);
    this.worker.enabled = false;
    await this.polling;
    await this.worker.idle();
    await this.runner.settle();
  }

  /** Fires due timers and runs due jobs until nothing is left (tests move the clock, then call this). */
  async runDue(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      await this.worker.idle();
      const n = (await this.timers.fireDue()) + (await this.worker.runAll());
      await this.worker.idle();
      if (n === 0) return this.runner.settle();
    }
  }

  private async poll(): Promise<void> {
    if (this.opts.mayAct && !this.opts.mayAct()) return;
    await this.timers.fireDue();
    this.worker.kickScan();
    const staleMs = this.opts.staleOutboxMs ?? 30_000;
    if (Date.now() - this.lastRecovery >= staleMs) {
      this.lastRecovery = Date.now();
      await this.runner.recoverSuspects(staleMs);
    }
  }

  private async crossEffects(doc: InstanceDoc): Promise<void> {
    this.taskChanges.observe(doc._id, doc.effects ?? []);
    for (const e of doc.effects ?? []) {
      switch (e.type) {
        case 'child.start':
          await this.runner.start({ key: e.childKey, processId: e.processId, variables: e.variables, parentKey: doc._id });
          break;
        case 'child.cancel':
          await this.runner.execute(e.childKey, { kind: 'cancel' }).catch(ignoreNotFound);
          break;
        case 'parent.notify':
          await this.runner.execute(e.parentKey, { kind: 'childCompleted', childKey: e.childKey, vars: e.variables }).catch(ignoreNotFound);
          break;
        case 'parent.error':
          await this.runner.execute(e.parentKey, { kind: 'childError', childKey: e.childKey, code: e.code, vars: e.variables, origin: e.origin }).catch(ignoreNotFound);
          break;
        case 'origin.unhandled':
          await this.runner.execute(e.origin.instanceKey, { kind: 'errorUnhandled', origin: e.origin, code: e.code }).catch(ignoreNotFound);
          break;
        case 'subscription.open':
          if (e.correlationKey === '' && isSignalSubscription(e.messageName)) break; // a signal catch: signals are not kept
          await this.messages.subscriptionOpened(doc._id, e.key, e.messageName, e.correlationKey);
          break;
        case 'signal.broadcast':
          await this.signals.broadcast(e.name, e.variables, e.id, e.at ? new Date(e.at) : undefined);
          break;
        case 'parent.escalation':
          await this.runner.execute(e.parentKey, { kind: 'childEscalation', childKey: e.childKey, code: e.code, id: e.id }).catch(ignoreNotFound);
          break;
        case 'job.create':
          this.worker.offer(e.job.key, e.job.type);
          break;
        case 'job.retry':
          this.worker.kickScan();
          break;
      }
    }
  }

  private async emit(event: EngineEvent): Promise<void> {
    for (const l of this.listeners) {
      try { await l(event); } catch (e) { this.logError(e, `engine event listener failed on ${event.type}`); }
    }
  }

  private logError(err: unknown, msg: string): void {
    if (this.opts.logger) this.opts.logger.error({ err }, msg);
    else process.stderr.write(`${msg}: ${(err as Error)?.stack ?? err}\n`);
  }
}

/** The instance of a user task's key (`<instance>.u<token>`, see activate-element.ts), if it is one. */
function instanceOfTask(taskKey: string): string | undefined {
  const at = taskKey.lastIndexOf('.u');
  return at > 0 && /^t\d+$/.test(taskKey.slice(at + 2)) ? taskKey.slice(0, at) : undefined;
}

function ignoreNotFound(e: unknown): void {
  if (!(e instanceof NotFoundError)) throw e;
}

function checkVariables(vars: Variables): void {
  const bad = Object.keys(vars ?? {}).filter((k) => RESERVED_VARIABLES.includes(k));
  if (bad.length) throw new ValidationError('Reserved variable names', Object.fromEntries(bad.map((k) => [k, `'${k}' is a reserved variable name`])), 'RESERVED_VARIABLE');
}

export function createEmbeddedEngine(opts: EmbeddedEngineOptions): EmbeddedEngine {
  return new EmbeddedEngine(opts);
}
