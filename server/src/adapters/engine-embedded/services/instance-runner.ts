// Loads an instance, applies one command, saves state + outbox in ONE document (the only atomic write the
// database offers), then applies the outbox. Cross-instance effects (child starts, parent notifications,
// buffered messages) run after the lock is released so two instances never wait on each other.
import { randomBytes } from 'node:crypto';
import { BusinessError, NotFoundError } from '../../../domain/errors';
import type { Variables } from '../../../ports/workflow-engine.port';
import { applyCommand, type Command } from '../runtime/instance-commands';
import { newState, type InstanceState } from '../runtime/instance-state';
import { TokenMachine } from '../runtime/token-machine';
import type { EngineCollections } from '../store/engine-collections';
import { isDuplicateKey } from '../store/engine-collections';
import { retry } from '../store/transient-retry';
import type { DeploymentService } from './deployment.service';
import type { EffectApplier, InstanceDoc } from './effect-applier';
import { KeyedMutex } from '../../concurrency/keyed-mutex';

export interface StartSpec {
  key?: string;
  processId: string;
  version?: number;
  businessKey?: string;
  variables: Variables;
  startElementId?: string;
  parentKey?: string;
}

export type CrossEffectHandler = (doc: InstanceDoc) => Promise<void>;

export const newKey = () => `${Date.now().toString(36)}${randomBytes(5).toString('hex')}`;

export class InstanceRunner {
  private readonly locks = new KeyedMutex();
  private readonly done = new Map<string, number>();
  private flushing?: Promise<void>;
  crossEffects: CrossEffectHandler = async () => undefined;

  constructor(
    private readonly db: EngineCollections,
    private readonly deployments: DeploymentService,
    private readonly applier: EffectApplier,
    private readonly now: () => Date,
  ) {}

  async start(spec: StartSpec): Promise<{ instanceKey: string; version: number; created: boolean }> {
    const { model, version } = await this.deployments.model(spec.processId, spec.version);
    const startElementId = spec.startElementId ?? model.noneStartId;
    if (!startElementId) throw new BusinessError('NO_NONE_START_EVENT', `process '${spec.processId}' has no none start event`);
    const key = spec.key ?? newKey();
    const state = newState(spec.variables);
    const machine = new TokenMachine(state, {
      instanceKey: key, processId: spec.processId, version, model, now: this.now(), businessKey: spec.businessKey, parentKey: spec.parentKey,
    });
    applyCommand(machine, { kind: 'start', startElementId });
    const doc: InstanceDoc = {
      _id: key, processId: spec.processId, version, businessKey: spec.businessKey, parentKey: spec.parentKey,
      rev: 1, state, effects: machine.effects, pending: true, savedAt: this.now(), status: state.status,
      hasIncident: hasIncident(state), startedAt: this.now().toISOString(), ...(state.status !== 'active' ? { endedAt: this.now().toISOString() } : {}),
    };
    try {
      await retry(() => this.db.instances.create(doc));
    } catch (e) {
      if (!isDuplicateKey(e)) throw e;
      return { instanceKey: key, version, created: false }; // already started (replayed child or timer start)
    }
    await this.locks.run(key, () => this.applier.applyLocal(doc, false));
    await this.finish(doc);
    return { instanceKey: key, version, created: true };
  }

  /** Applies a command; false when it no longer applies (already done, or the instance has ended). */
  async execute(key: string, command: Command): Promise<boolean> {
    const { ok, doc } = await this.locks.run(key, async () => {
      for (;;) {
        const doc = await retry(() => this.db.instances.findById(key).lean<InstanceDoc>());
        if (!doc) throw new NotFoundError(`process instance '${key}' not found`, 'INSTANCE_NOT_FOUND');
        if (doc.pending) await this.applier.applyLocal(doc, true);
        const state = doc.state as InstanceState;
        const { model } = await this.deployments.model(doc.processId, doc.version);
        const machine = new TokenMachine(state, {
          instanceKey: key, processId: doc.processId, version: doc.version, model, now: this.now(),
          businessKey: doc.businessKey as string | undefined, parentKey: doc.parentKey as string | undefined,
        });
        if (!applyCommand(machine, command)) return { ok: false, doc };
        const set: Record<string, unknown> = {
          state, effects: machine.effects, pending: true, savedAt: this.now(), rev: doc.rev + 1, status: state.status, hasIncident: hasIncident(state),
        };
        if (state.status !== 'active' && doc.status === 'active') set.endedAt = this.now().toISOString();
        if (machine.ctx.version !== doc.version) set.version = machine.ctx.version; // a migration moved it to another version
        const res = await retry(() => this.db.instances.updateOne({ _id: key, rev: doc.rev }, { $set: set }));
        if (res.matchedCount === 0) continue; // another process moved it on: reload and retry
        const saved = { ...doc, ...set } as InstanceDoc;
        await this.applier.applyLocal(saved, false);
        return { ok: true, doc: saved };
      }
    });
    if (doc.pending) await this.finish(doc);
    return ok;
  }

  /**
   * Cross-instance effects, then the outbox is marked done (only if nobody saved a newer revision). Marking
   * is batched: one write for many instances; a crash before it only means an idempotent replay.
   */
  async finish(doc: InstanceDoc): Promise<void> {
    await this.crossEffects(doc);
    this.done.set(doc._id, doc.rev);
    this.flushing ??= new Promise((r) => setTimeout(r, 5)).then(() => this.flush()).catch(() => undefined);
  }

  async flush(): Promise<void> {
    const batch = [...this.done.entries()];
    this.done.clear();
    this.flushing = undefined;
    if (!batch.length) return;
    // Matched by _id one by one (an $or filter would make FerretDB scan the collection), and under the
    // instance lock: FerretDB 1.24 applies an update as read-modify-write of the whole document, so two
    // concurrent updates of one document can lose one of them — even with the revision in the filter.
    for (const [_id, rev] of batch) {
      await this.locks.run(_id, () => retry(() => this.db.instances.updateOne({ _id, rev }, { $set: { pending: false, effects: [] } })));
    }
  }

  /** Waits until every finished outbox is marked done (stop() and tests call it). */
  async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.flush();
  }

  /**
   * Replays outboxes left pending by a crash. At start-up every pending outbox is replayed; while running,
   * only those older than `olderThanMs` (a live step is normally finished within milliseconds).
   */
  async recover(olderThanMs?: number): Promise<number> {
    const filter: Record<string, unknown> = { pending: true };
    if (olderThanMs !== undefined) filter.savedAt = { $lt: new Date(this.now().getTime() - olderThanMs) };
    const docs = await retry(() => this.db.instances.find(filter, { _id: 1 }).lean<{ _id: string }[]>());
    for (const { _id } of docs) {
      const doc = await this.locks.run(_id, async () => {
        const d = await retry(() => this.db.instances.findById(_id).lean<InstanceDoc>());
        if (d?.pending) await this.applier.applyLocal(d, true);
        return d;
      });
      if (doc?.pending) await this.finish(doc);
    }
    return docs.length;
  }
}

const hasIncident = (state: InstanceState) => state.tokens.some((t) => t.state === 'incident');
