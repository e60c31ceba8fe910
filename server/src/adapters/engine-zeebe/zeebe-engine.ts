// The WorkflowEngine on Camunda 8.8 (Zeebe) through @camunda8/sdk's Orchestration Cluster REST client.
// Composes deployment, instances, user tasks, messages/incidents, the job worker and the task-sync listener;
// verified by the WorkflowEngine contract suite against a protocol fake (test/contract, docs/zeebe.md).
import type { Clock } from '../../ports/clock.port';
import type {
  DeployOptions, DeployResource, EngineEvent, JobHandler, MigrationRequest, UserTaskChanges, UserTaskView, Variables, WorkflowEngine,
} from '../../ports/workflow-engine.port';
import type { DeployCheckHooks } from '../engine-embedded/deploy/check-deploy-resources';
import type { ZeebeDeployRecords } from '../../ports/zeebe-deploy-records.port';
import { MemoryDeployRecords } from './deploy-records';
import { ProcessDefinitions } from './process-definitions';
import { TASK_SYNC_JOB_TYPE } from './task-sync-listeners';
import { TaskSyncWorker } from './task-sync.worker';
import type { ZeebeApi } from './zeebe-client';
import { ZeebeDeployer } from './zeebe-deployer';
import { ZeebeInstances } from './zeebe-instances';
import { toPortJob, ZeebeJobWorker } from './zeebe-job-worker';
import { ZeebeMessages } from './zeebe-messages';
import { ZeebeUserTasks } from './zeebe-user-tasks';
import { ZeebeMonitor } from './zeebe-monitor';

export interface ZeebeEngineOptions {
  api: ZeebeApi;
  clock: Clock;
  tenantId?: string;
  /** The address as the operator gave it (ZEEBE_REST_ADDRESS), for messages; the client's own otherwise. */
  address?: string;
  logger?: { error(obj: unknown, msg?: string): void };
  /** What this service deployed (checksums of what was sent, who, why); in memory when absent (tests), so a server passes its database's. */
  records?: ZeebeDeployRecords;
  /** What the product knows for the deploy checks both engines run (check-deploy-resources.ts): the form checker, known users. */
  deployHooks?: DeployCheckHooks;
  /** How long listed versions and deploy records are kept before the cluster is asked again (default 30 s). */
  definitionsKeepMs?: number;
  workerName?: string;
  maxActiveJobs?: number;
  jobTimeoutMs?: number;
  defaultBackoffMs?: number;
  pollIntervalMs?: number;
  /** How often open tasks are reconciled with the user-task search (a missed listener job heals). */
  reconcileIntervalMs?: number;
  /**
   * Whether this server runs the periodic work now (TOPOLOGY=shared: the work lease's holder,
   * main/modules/engine-topology.ts): only then does reconciliation announce missed tasks to the queue.
   * Default always. Job workers run on every server regardless.
   */
  runsPeriodicWork?: () => boolean;
}

export class ZeebeEngine implements WorkflowEngine {
  /** Said on the monitor and the versions list (docs/zeebe.md, "What Zeebe cannot show"). */
  readonly notShown = [
    'When each version was deployed, by whom and with what comment: Camunda 8 does not keep these.',
    'Which processes a message would start: Camunda 8 says only whether an instance waiting for it received it.',
    'The history of erased cases: cancelling their instances does not delete it from Camunda 8, whose own retention removes it.',
  ] as const;
  /**
   * What a case's erasure leaves in the cluster, said on the erasure's result and tombstone: the 8.8 REST API
   * has no deletion of instance history (docs/zeebe.md, "Case erasure").
   */
  readonly erasureLeaves = 'The history of the case\'s process instances in Camunda 8 (their variables and user tasks, which may hold '
    + 'the child\'s details): the Camunda 8.8 API cannot delete it, so it stays until the cluster\'s own retention removes it.';
  private readonly listeners: ((e: EngineEvent) => void | Promise<void>)[] = [];
  private readonly definitions: ProcessDefinitions;
  private readonly deployer: ZeebeDeployer;
  private readonly instances: ZeebeInstances;
  private readonly tasks: ZeebeUserTasks;
  private readonly messages: ZeebeMessages;
  private readonly monitor: ZeebeMonitor;
  readonly worker: ZeebeJobWorker;
  private readonly sync: TaskSyncWorker;
  private reconciler?: NodeJS.Timeout;

  constructor(private readonly opts: ZeebeEngineOptions) {
    const { api } = opts;
    const now = () => opts.clock.now();
    this.definitions = new ProcessDefinitions(api, opts.definitionsKeepMs);
    this.deployer = new ZeebeDeployer({
      api, definitions: this.definitions, records: opts.records ?? new MemoryDeployRecords(), now, tenantId: opts.tenantId, hooks: opts.deployHooks, keepMs: opts.definitionsKeepMs,
    });
    this.instances = new ZeebeInstances(api, this.deployer, opts.tenantId);
    this.tasks = new ZeebeUserTasks(api, this.definitions);
    this.messages = new ZeebeMessages(api, opts.tenantId);
    this.monitor = new ZeebeMonitor(api, this.deployer, this.instances);
    this.worker = new ZeebeJobWorker(api, {
      worker: opts.workerName ?? 'yjs-workflow', maxActive: opts.maxActiveJobs ?? 32, jobTimeoutMs: opts.jobTimeoutMs ?? 60_000,
      defaultBackoffMs: opts.defaultBackoffMs ?? 5_000, pollIntervalMs: opts.pollIntervalMs ?? 1_000, log: (msg, err) => this.logError(err, msg),
    });
    // Strict: a listener that fails (the queue upsert) fails the listener job, so Zeebe delivers it again.
    this.sync = new TaskSyncWorker({ definitions: this.definitions, emit: (e) => this.emit(e, true), now, actorOf: (k) => this.tasks.actors.get(k) });
    this.worker.register(TASK_SYNC_JOB_TYPE, this.sync.handle);
  }

  deploy(resources: DeployResource[], opts?: DeployOptions) { return this.deployer.deploy(resources, opts); }
  checkDeployment(resources: DeployResource[]) { return this.deployer.checkDeployment(resources); }
  listDeployments(processId?: string) { return this.deployer.listDeployments(processId); }
  getDeploymentResource(processId: string, version: number) { return this.deployer.getDeploymentResource(processId, version); }

  startInstance(processId: string, variables: Variables, opts: { businessKey?: string; version?: number } = {}) {
    this.deployer.instancesChanged();
    return this.instances.start(processId, variables, opts.version);
  }
  async cancelInstance(instanceKey: string): Promise<void> {
    const before = await this.instances.summary(instanceKey);
    await this.instances.cancel(instanceKey);
    this.deployer.instancesChanged();
    if (before && (before.state === 'active' || before.state === 'incident')) await this.emit({ type: 'instance.cancelled', instanceKey, processId: before.processId });
  }
  setVariables(instanceKey: string, variables: Variables) { return this.instances.setVariables(instanceKey, variables); }
  getInstance(instanceKey: string) { return isKey(instanceKey) ? this.instances.get(instanceKey) : Promise.resolve(undefined); }
  listInstances(filter: Parameters<ZeebeInstances['list']>[0]) { return this.instances.list(filter); }
  migrateInstance(instanceKey: string, request: MigrationRequest) { this.deployer.instancesChanged(); return this.instances.migrate(instanceKey, request); }
  countActiveElements(processId: string, version: number) { return this.monitor.countActiveElements(processId, version); }
  getInstancePath(instanceKey: string) { return isKey(instanceKey) ? this.monitor.path(instanceKey) : Promise.resolve(undefined); }
  eraseInstancesOfCase(caseId: string) { return this.monitor.cancelInstancesOfCase(caseId, (key) => this.cancelInstance(key)); }

  completeUserTask(taskKey: string, variables: Variables, opts: { by: string }) { return this.tasks.complete(taskKey, variables, opts.by); }
  assignUserTask(taskKey: string, assignee: string | null, opts: { by: string; action?: string }) { return this.tasks.assign(taskKey, assignee, opts.by, opts.action); }
  updateUserTask(taskKey: string, changes: UserTaskChanges, opts: { by: string; action?: string }) { return this.tasks.update(taskKey, changes, opts.by, opts.action); }
  getUserTask(taskKey: string) { return isKey(taskKey) ? this.tasks.get(taskKey) : Promise.resolve(undefined); }
  listUserTasks(filter?: { instanceKey?: string; state?: UserTaskView['state'] }) { return this.tasks.list(filter); }

  publishMessage(name: string, correlationKey: string, variables: Variables = {}, opts: { ttlMs?: number; messageId?: string } = {}) {
    return this.messages.publish(name, correlationKey, variables, opts);
  }
  messageRecipients(name: string, correlationKey: string) { return this.messages.recipients(name, correlationKey); }
  resolveIncident(incidentId: string) { return this.messages.resolveIncident(incidentId); }
  listIncidents(filter?: { instanceKey?: string; state?: 'open' | 'resolved' }) { return this.messages.listIncidents(filter); }

  registerJobHandler(type: string, handler: JobHandler): void { this.worker.register(type, (raw) => handler(toPortJob(raw))); }
  onEvent(listener: (event: EngineEvent) => void | Promise<void>): void { this.listeners.push(listener); }

  /** Fails when the cluster cannot be reached (the server then says so; it never falls back to the embedded engine). */
  async start(): Promise<void> {
    await this.connect();
    await this.reconcile();
    this.worker.start();
    const every = this.opts.reconcileIntervalMs ?? 300_000;
    this.reconciler = setInterval(() => { this.reconcile().catch((e) => this.logError(e, 'task reconciliation failed')); }, every);
    this.reconciler.unref();
  }

  async stop(): Promise<void> {
    if (this.reconciler) clearInterval(this.reconciler);
    await this.worker.stop();
  }

  /**
   * Open tasks Zeebe has that this server has not seen are announced again: the queue upserts them
   * idempotently. Views of tasks Zeebe no longer lists as open are let go (their closing job ran on another
   * server), except those seen in the last minute, which the search may not show yet.
   */
  async reconcile(): Promise<number> {
    let announced = 0;
    const seenBefore = this.opts.clock.now().getTime() - 60_000;
    const open = await this.tasks.list({ state: 'open' });
    this.sync.prune(new Set(open.map((t) => t.key)), seenBefore);
    // Announcing writes the queue: periodic work, the lease holder's alone in shared mode (pruning is each server's).
    if (this.opts.runsPeriodicWork && !this.opts.runsPeriodicWork()) return 0;
    for (const task of open) {
      if (this.sync.known(task.key)) continue;
      try {
        await this.emit({ type: 'user-task.created', task }, true);
        this.sync.remember(task); // only once the queue has it: a failure is tried again next round
        announced++;
      } catch (e) {
        this.logError(e, `reconciling task ${task.key} failed`);
      }
    }
    return announced;
  }

  /**
   * Runs the jobs the cluster has ready for this server's handlers until none are left (what the embedded
   * engine's runDue does for jobs; timers fire in the cluster on its own clock, so none are fired here).
   */
  async runDue(): Promise<void> {
    for (let i = 0; i < 1000; i++) {
      const activated = await this.worker.pollOnce();
      await this.worker.idle();
      if (!activated) return;
    }
  }

  /** Fails, saying where the cluster was looked for, when it does not answer (before deploying at start). */
  async connect(): Promise<void> {
    try {
      await this.opts.api.getTopology();
    } catch (e) {
      throw new ZeebeUnreachableError(this.opts.address ?? this.opts.api.getConfig().restAddress, e);
    }
  }

  /** Is the cluster reachable now? (readiness) */
  async ping(): Promise<boolean> {
    try { await this.opts.api.getTopology(); return true; } catch { return false; }
  }

  /** How many open tasks' views the task-sync worker holds (reconciliation lets go of closed ones). */
  get taskViewsHeld(): number { return this.sync.held; }

  private async emit(event: EngineEvent, strict = false): Promise<void> {
    let failed: unknown;
    for (const l of this.listeners) {
      try { await l(event); } catch (e) { failed ??= e; this.logError(e, `engine event listener failed on ${event.type}`); }
    }
    if (strict && failed) throw failed;
  }

  private logError(err: unknown, msg: string): void {
    if (this.opts.logger) this.opts.logger.error({ err }, msg);
    else process.stderr.write(`${msg}: ${(err as Error)?.stack ?? err}\n`);
  }
}

/** ENGINE=zeebe and the cluster does not answer: said plainly, with where it was looked for. */
export class ZeebeUnreachableError extends Error {
  constructor(readonly address: string, cause: unknown) {
    super(`ENGINE=zeebe: the Camunda 8 cluster at ${address} (ZEEBE_REST_ADDRESS) cannot be reached: ${(cause as Error)?.message ?? cause}. `
      + 'The server does not fall back to the embedded engine; check the address, the credentials and the network.');
    this.name = 'ZeebeUnreachableError';
  }
}

const isKey = (key: string) => /^-?\d{1,25}$/.test(key);

