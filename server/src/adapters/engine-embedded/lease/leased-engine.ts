// The embedded engine when several servers share one database (TOPOLOGY=shared). Every server reads
// instances, tasks, incidents and deployments straight from the database; only the server holding the
// engine lease runs commands, timers, job workers and outbox recovery. The others hand their commands to it
// (http-command-forwarder.ts). Each time this server gains the lease it builds a fresh engine, so nothing
// cached from an earlier term is trusted: state is loaded again from the database.
import { setTimeout as delay } from 'node:timers/promises';
import { ConflictError } from '../../../domain/errors';
import type { Clock } from '../../../ports/clock.port';
import type { EngineLeaseStore } from '../../../ports/engine-lease.port';
import type { EngineEvent, JobHandler, WorkflowEngine } from '../../../ports/workflow-engine.port';
import type { EmbeddedEngine } from '../embedded-engine';
import type { EngineLease } from './engine-lease';
import { NotEngineOwnerError, REPEATABLE_COMMANDS, type EngineCommand } from './engine-command-wire';
import { OwnerUnreachableError, type CommandForwarder } from './http-command-forwarder';
import { startLeaseKeeper, type LeaseKeeper } from './lease-keeper';

export interface LeasedEngineOptions {
  /** A new embedded engine with empty caches (registrations are replayed onto it). */
  make(): EmbeddedEngine;
  lease: EngineLease;
  store: EngineLeaseStore;
  holder: string;
  forward: CommandForwarder;
  clock: Clock;
  ttlMs: number;
  onError(err: unknown, msg: string): void;
}

type Listener = (event: EngineEvent) => void | Promise<void>;
type Args<C extends EngineCommand> = Parameters<WorkflowEngine[C]>;
type Result<C extends EngineCommand> = Awaited<ReturnType<WorkflowEngine[C]>>;

export class LeasedEngine implements WorkflowEngine {
  private local: EmbeddedEngine;
  private owning = false;
  private started = false;
  private abandoned = false;
  private transition: Promise<void> = Promise.resolve();
  private keeper?: LeaseKeeper;
  private readonly handlers: [string, JobHandler][] = [];
  private readonly listeners: Listener[] = [];
  private readonly ownership: ((owning: boolean) => Promise<void>)[] = [];

  constructor(private readonly opts: LeasedEngineOptions) {
    this.local = opts.make();
  }

  /** Whether this server runs the engine now (its lease is held and the engine started). */
  get isOwner(): boolean { return this.owning && !!this.opts.lease.held(); }

  /** Called with true when this server starts running the engine, false when it stops (escalation worker). */
  onOwnership(listener: (owning: boolean) => Promise<void>): void { this.ownership.push(listener); }

  deploy(...a: Args<'deploy'>) { return this.command('deploy', a); }
  startInstance(...a: Args<'startInstance'>) { return this.command('startInstance', a); }
  completeUserTask(...a: Args<'completeUserTask'>) { return this.command('completeUserTask', a); }
  assignUserTask(...a: Args<'assignUserTask'>) { return this.command('assignUserTask', a); }
  updateUserTask(...a: Args<'updateUserTask'>) { return this.command('updateUserTask', a); }
  publishMessage(...a: Args<'publishMessage'>) { return this.command('publishMessage', a); }
  cancelInstance(...a: Args<'cancelInstance'>) { return this.command('cancelInstance', a); }
  setVariables(...a: Args<'setVariables'>) { return this.command('setVariables', a); }
  resolveIncident(...a: Args<'resolveIncident'>) { return this.command('resolveIncident', a); }
  migrateInstance(...a: Args<'migrateInstance'>) { return this.command('migrateInstance', a); }
  eraseInstancesOfCase(...a: Args<'eraseInstancesOfCase'>) { return this.command('eraseInstancesOfCase', a); }

  // Reads: the database answers on every server (a follower's engine never steps, so it caches nothing).
  messageRecipients(...a: Parameters<WorkflowEngine['messageRecipients']>) { return this.local.messageRecipients(...a); }
  getInstance(...a: Parameters<WorkflowEngine['getInstance']>) { return this.local.getInstance(...a); }
  getUserTask(...a: Parameters<WorkflowEngine['getUserTask']>) { return this.local.getUserTask(...a); }
  listUserTasks(...a: Parameters<WorkflowEngine['listUserTasks']>) { return this.local.listUserTasks(...a); }
  listIncidents(...a: Parameters<WorkflowEngine['listIncidents']>) { return this.local.listIncidents(...a); }
  listDeployments(...a: Parameters<WorkflowEngine['listDeployments']>) { return this.local.listDeployments(...a); }
  getDeploymentResource(...a: Parameters<WorkflowEngine['getDeploymentResource']>) { return this.local.getDeploymentResource(...a); }
  checkDeployment(...a: Parameters<WorkflowEngine['checkDeployment']>) { return this.local.checkDeployment(...a); }
  listDecisionDeployments() { return this.local.listDecisionDeployments(); }
  listInstances(...a: Parameters<WorkflowEngine['listInstances']>) { return this.local.listInstances(...a); }
  countActiveElements(...a: Parameters<WorkflowEngine['countActiveElements']>) { return this.local.countActiveElements(...a); }
  getInstancePath(...a: Parameters<WorkflowEngine['getInstancePath']>) { return this.local.getInstancePath(...a); }

  registerJobHandler(type: string, handler: JobHandler): void {
    this.handlers.push([type, handler]);
    this.local.registerJobHandler(type, handler);
  }

  onEvent(listener: Listener): void {
    this.listeners.push(listener);
    this.local.onEvent(listener);
  }

  /** Takes part in the lease; the first round ends before this returns, so a lone server owns the engine. */
  async start(): Promise<void> {
    this.started = true;
    this.keeper = startLeaseKeeper({
      lease: this.opts.lease,
      intervalMs: Math.floor(this.opts.ttlMs / 3),
      now: () => this.opts.clock.now().getTime(),
      onGained: () => this.becomeOwner(),
      onLost: () => this.stepDown(),
      onError: (err) => this.opts.onError(err, 'engine lease round failed'),
    });
    await this.keeper.step();
  }

  async stop(): Promise<void> {
    await this.keeper?.stop();
    await this.transition;
    if (!this.abandoned) await this.opts.lease.release().catch((err) => this.opts.onError(err, 'releasing the engine lease failed'));
  }

  /** Stops the engine and the lease rounds without giving the lease back: what a crash leaves (the two-server test's kill). */
  async abandon(): Promise<void> {
    this.abandoned = true;
    await this.stop();
  }

  /** Tests: fires due timers and jobs, on the owner only. */
  async runDue(): Promise<void> {
    await this.transition;
    if (this.isOwner) await this.local.runDue();
  }

  /** The owner's side of a forwarded command (internal-engine.routes.ts). */
  async execute<C extends EngineCommand>(command: C, args: Args<C>): Promise<Result<C>> {
    await this.transition;
    if (!this.isOwner) throw new NotEngineOwnerError();
    return (this.local[command] as (...x: Args<C>) => Promise<Result<C>>)(...args);
  }

  private async command<C extends EngineCommand>(command: C, args: Args<C>): Promise<Result<C>> {
    const giveUpAt = this.opts.clock.now().getTime() + 2 * this.opts.ttlMs;
    for (let attempt = 0; ; attempt++) {
      await this.transition;
      if (this.isOwner) return this.execute(command, args);
      // The lease rounds already know the holder; the store is read only when they do not, or it failed us.
      const owner = (attempt === 0 ? this.opts.lease.knownHolder() : undefined) ?? await this.opts.store.latest();
      const now = this.opts.clock.now().getTime();
      const live = owner && owner.expiresAt.getTime() > now;
      // While the modules are built (before start), a server that finds no owner deploys its files itself.
      if (!live && !this.started) return (this.local[command] as (...x: Args<C>) => Promise<Result<C>>)(...args);
      if (live && owner.holder !== this.opts.holder) {
        try {
          return (await this.opts.forward(owner, command, args)) as Result<C>;
        } catch (e) {
          // Retried only when the command cannot have run: the owner refused it, or nothing listened.
          const retry = e instanceof NotEngineOwnerError || (e instanceof OwnerUnreachableError && (e.refused || REPEATABLE_COMMANDS.has(command)));
          if (!retry) throw e instanceof OwnerUnreachableError ? unavailable(true) : e;
        }
      } else if (!live && this.keeper) {
        await this.keeper.step(); // no owner: try to become it now rather than at the next round
      }
      if (now > giveUpAt) throw unavailable();
      await delay(100);
    }
  }

  private becomeOwner(): Promise<void> {
    return this.queue(async () => {
      const engine = this.fresh();
      // Loads pending timers and replays outboxes a crash left; if that fails the keeper tries again next round.
      await engine.start().catch(async (e) => {
        await engine.stop().catch(() => undefined);
        throw e;
      });
      this.local = engine;
      this.owning = true;
      await this.tell(true);
    });
  }

  private stepDown(): Promise<void> {
    return this.queue(async () => {
      if (!this.owning) return;
      this.owning = false;
      await this.tell(false);
      const old = this.local;
      this.local = this.fresh(); // reads only, nothing cached from this term
      await old.stop();
    });
  }

  /** Runs ownership changes one at a time; a failed one reaches its caller but never blocks the next. */
  private queue(change: () => Promise<void>): Promise<void> {
    const run = this.transition.then(change);
    this.transition = run.catch(() => undefined);
    return run;
  }

  private fresh(): EmbeddedEngine {
    const engine = this.opts.make();
    for (const [type, handler] of this.handlers) engine.registerJobHandler(type, handler);
    for (const listener of this.listeners) engine.onEvent(listener);
    return engine;
  }

  private async tell(owning: boolean): Promise<void> {
    for (const l of this.ownership) await l(owning).catch((err) => this.opts.onError(err, 'engine ownership listener failed'));
  }
}

function unavailable(mayHaveRun = false): ConflictError {
  return mayHaveRun
    ? new ConflictError('The server running the workflow engine stopped while doing this. Look again in a few seconds to see whether it was done before trying again', 'ENGINE_UNAVAILABLE')
    : new ConflictError('The workflow engine is moving to another server. Nothing was changed: try again in a few seconds', 'ENGINE_UNAVAILABLE');
}
