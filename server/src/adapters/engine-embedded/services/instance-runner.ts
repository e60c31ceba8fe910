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
import { StaleInstanceError, type InstanceSave, type InstanceStore } from '../store/instance-store';
import { retry } from '../store/transient-retry';
import type { DeploymentService } from './deployment.service';
import type { EffectApplier, InstanceDoc } from './effect-applier';
import { KeyedMutex } from '../../concurrency/keyed-mutex';
import { InstanceCache } from './instance-cache';
import { JobLeases } from './job-leases';

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
  /** Stored documents whose outbox is being applied (the cache takes them once it is). */
  private readonly applying = new Map<string, InstanceDoc>();
  private readonly cache = new InstanceCache(1000, (key) => this.leases.holds(key));
  /** key → revision whose cross-instance effects failed while running (not a crash): the next step carries them. */
  private readonly crossOwed = new Map<string, number>();
  /**
   * Instances whose last outbox may be left unapplied or unmarked by a failure while running (a write, an
   * effect, a cross-instance effect or the marking threw): the periodic recovery looks at these alone. A
   * scan for pending outboxes would decode every instance ever run on FerretDB, every 30 s.
   */
  private readonly suspects = new Map<string, number>();
  /** Done-markers of outboxes that a later step has replaced, deleted in batches. */
  private readonly garbage: string[] = [];
  crossEffects: CrossEffectHandler = async () => undefined;

  constructor(
    private readonly db: EngineCollections,
    private readonly deployments: DeploymentService,
    private readonly applier: EffectApplier,
    private readonly now: () => Date,
    private readonly leases = new JobLeases(),
    /** Single-node, or the revision-checked store when several servers share the database (embedded-engine.ts). */
    private readonly store: InstanceStore,
  ) {}

  async start(spec: StartSpec): Promise<{ instanceKey: string; version: number; created: boolean }> {
    const { model, version } = await this.deployments.model(spec.processId, spec.version);
    const decisions = await this.deployments.decisionLookup(model);
    const startElementId = spec.startElementId ?? model.noneStartId;
    if (!startElementId) throw new BusinessError('NO_NONE_START_EVENT', `process '${spec.processId}' has no none start event`);
    const key = spec.key ?? newKey();
    const state = newState(spec.variables);
    const machine = new TokenMachine(state, {
      instanceKey: key, processId: spec.processId, version, model, now: this.now(), businessKey: spec.businessKey, parentKey: spec.parentKey, decisions,
    });
    applyCommand(machine, { kind: 'start', startElementId });
    const doc: InstanceDoc = {
      _id: key, processId: spec.processId, version, businessKey: spec.businessKey, parentKey: spec.parentKey,
      rev: 1, state, effects: machine.effects, pending: true, savedAt: this.now(), status: state.status,
      hasIncident: hasIncident(state), startedAt: this.now().toISOString(), ...(state.status !== 'active' ? { endedAt: this.now().toISOString() } : {}),
    };
    // A failed insert may still have been stored: then its outbox needs the periodic recovery.
    let inserted = false;
    await this.suspectOnFailure(key, async () => { inserted = await this.store.create(doc); });
    if (!inserted) {
      return { instanceKey: key, version, created: false }; // already started (replayed child or timer start)
    }
    await this.suspectOnFailure(key, async () => {
      await this.locks.run(key, () => this.applyOutbox(doc, false));
      await this.finish(doc);
    });
    return { instanceKey: key, version, created: true };
  }

  /** The instance as this process last stored it, if still kept (read-only); also while its outbox runs. */
  cached(key: string): InstanceDoc | undefined {
    return this.cache.get(key) ?? this.applying.get(key);
  }

  /** Forgets an erased instance: nothing of it stays in memory to be written back (case erasure). */
  async forget(key: string): Promise<void> {
    await this.locks.run(key, async () => {
      this.cache.delete(key);
      this.crossOwed.delete(key);
      this.done.delete(key);
    });
  }

  /** Applies a command; false when it no longer applies (already done, or the instance has ended). */
  async execute(key: string, command: Command): Promise<boolean> {
    let replayed = false;
    let conflicts = 0;
    const { ok, doc, owed: owedStill } = await this.locks.run(key, async () => {
      for (;;) {
        let doc = this.cache.get(key);
        let owed = doc !== undefined && this.crossOwed.get(key) === doc.rev;
        if (!doc) {
          doc = await this.store.load(key);
          if (!doc) throw new NotFoundError(`process instance '${key}' not found`, 'INSTANCE_NOT_FOUND');
          if (doc.pending && !(await this.markedDone(doc))) {
            await this.applyOutbox(doc, true);
            replayed = owed = true;
          } else this.cache.set(key, doc);
        }
        // A copy: a command that fails half-way must not leave a half-changed state in the cache.
        const state = structuredClone(doc.state) as InstanceState;
        const { model } = await this.deployments.model(doc.processId, doc.version);
        const decisions = await this.deployments.decisionLookup(model);
        const machine = new TokenMachine(state, {
          instanceKey: key, processId: doc.processId, version: doc.version, model, now: this.now(), decisions,
          businessKey: doc.businessKey as string | undefined, parentKey: doc.parentKey as string | undefined,
        });
        if (!applyCommand(machine, command)) return { ok: false, doc, owed };
        // Jobs leased in memory stay in the outbox until a step closes them (job-leases.ts). Cross-instance
        // effects of an outbox not known to be finished go first into the new one, which replaces it: they are
        // idempotent, and otherwise a child start or a parent notification would be lost for good.
        const effects = [...(owed ? crossInstanceOnly(doc.effects) : []), ...this.leases.carry(key, machine.effects), ...machine.effects];
        const set: InstanceSave = {
          state, effects, pending: true, savedAt: this.now(), rev: doc.rev + 1, status: state.status, hasIncident: hasIncident(state),
        };
        if (state.status !== 'active' && doc.status === 'active') set.endedAt = this.now().toISOString();
        if (machine.ctx.version !== doc.version) set.version = machine.ctx.version; // a migration moved it to another version
        let matched: boolean;
        try {
          matched = await this.store.save(key, doc.rev, set);
        } catch (e) {
          this.cache.delete(key); // the write may or may not have happened, or our copy was stale: read it back
          // Another writer stored a newer revision (shared topology): nothing was written, so the command runs
          // again on the stored state — it may no longer apply (a task completed there), which is then the answer.
          if (e instanceof StaleInstanceError && ++conflicts < MAX_CONFLICTS) continue;
          if (!(e instanceof StaleInstanceError)) this.suspects.set(key, Date.now());
          throw e;
        }
        if (!matched) {
          this.cache.delete(key);
          continue; // gone (dropped): the reload reports it
        }
        if (doc.pending) this.garbage.push(doneId(doc._id, doc.rev));
        if (this.crossOwed.get(key) === doc.rev) this.crossOwed.delete(key);
        const saved = { ...doc, ...set } as InstanceDoc;
        await this.suspectOnFailure(key, () => this.applyOutbox(saved, false));
        return { ok: true, doc: saved, owed: false };
      }
    });
    // A cached document's outbox was finished when it was saved; only a new, replayed or owed one needs it now.
    if (ok || replayed || owedStill) await this.suspectOnFailure(key, () => this.finish(doc));
    return ok;
  }

  private async suspectOnFailure(key: string, work: () => Promise<void>): Promise<void> {
    try {
      await work();
    } catch (e) {
      this.suspects.set(key, Date.now());
      throw e;
    }
  }

  private async markedDone(doc: InstanceDoc): Promise<boolean> {
    return !!(await retry(() => this.db.outboxDone.findById(doneId(doc._id, doc.rev), { _id: 1 }).lean()));
  }

  /** Applies an outbox under the instance lock; afterwards the cache holds the document as stored. */
  private async applyOutbox(doc: InstanceDoc, replay: boolean): Promise<void> {
    this.cache.delete(doc._id);
    this.applying.set(doc._id, doc); // stored already: event handlers reading the instance need no read
    try {
      await this.applier.applyLocal(doc, replay);
    } finally {
      this.applying.delete(doc._id);
    }
    this.leases.settle(doc.effects ?? []);
    this.cache.set(doc._id, doc);
  }

  /**
   * Cross-instance effects, then the outbox is marked done (only if nobody saved a newer revision). Marking
   * is deferred and batched; a crash before it only means an idempotent replay.
   */
  async finish(doc: InstanceDoc): Promise<void> {
    try {
      await this.crossEffects(doc);
      if (this.crossOwed.get(doc._id) === doc.rev) this.crossOwed.delete(doc._id);
    } catch (e) {
      this.crossOwed.set(doc._id, doc.rev); // not marked done either: recovery would replay it too
      throw e;
    }
    this.done.set(doc._id, doc.rev);
    this.flushing ??= new Promise((r) => setTimeout(r, 5)).then(() => this.flush()).catch(() => undefined);
  }

  async flush(final = false): Promise<void> {
    const batch = [...this.done.entries()];
    this.done.clear();
    this.flushing = undefined;
    if (!batch.length) return;
    const markers: string[] = [];
    // Matched by _id one by one (an $or filter would make FerretDB scan the collection), and under the
    // instance lock: FerretDB 1.24 applies an update as read-modify-write of the whole document, so two
    // concurrent updates of one document can lose one of them — even with the revision in the filter.
    // Instances marked side by side, each under its own lock; their updates share one bulk write.
    await Promise.all(batch.map(([_id, rev]) =>
      this.suspectOnFailure(_id, () => this.locks.run(_id, async () => {
        if (this.leases.holds(_id)) return; // the outbox keeps a leased job durable until a step closes it
        const cached = this.cache.get(_id);
        if (!cached) return this.store.clearOutbox(_id, rev, false);
        if (cached.rev !== rev || !cached.pending) return; // a newer step's outbox is marked by its own finish
        // A running instance will be written again by its next step, which replaces the outbox anyway: until
        // then a done-marker (an insert, batched) says the outbox was applied. An ended one is marked in place.
        if (cached.status === 'active') return void markers.push(doneId(_id, rev));
        await this.store.clearOutbox(_id, rev, true).catch((e) => {
          this.cache.delete(_id);
          throw e;
        });
        this.cache.delete(_id); // ended: nothing will run on it again
      })).catch(() => undefined))); // the others are still marked; this one is a suspect
    await Promise.all(markers.map((_id) => this.db.inserts.outboxDone.insert({ _id }) // false: marked before
      .catch(() => void this.suspects.set(_id.slice(0, _id.lastIndexOf('#')), Date.now()))));
    // One command per batch, each delete by _id alone: FerretDB looks up only that filter by index (an $in
    // read the whole marker collection — one per waiting instance — measured 21 ms per batch at 100).
    if (this.garbage.length >= 200 || (final && this.garbage.length)) {
      const ids = this.garbage.splice(0);
      await retry(() => this.db.outboxDone.collection.bulkWrite(ids.map((_id) => ({ deleteOne: { filter: { _id } } })) as never, { ordered: false }));
    }
  }

  /** Waits until every finished outbox is marked done (stop() and tests call it). */
  async settle(): Promise<void> {
    while (this.flushing) await this.flushing;
    await this.flush(true);
  }

  /**
   * Replays outboxes left pending by a crash: at start-up every pending outbox (one scan); while running, the
   * suspects whose failure is older than `olderThanMs` (recoverSuspects).
   */
  async recover(): Promise<number> {
    // Steps committed but not written to their document (revision-checked store) are replayed first.
    for (const key of await this.store.unwritten()) await this.replay(key);
    const docs = await retry(() => this.db.instances.find({ pending: true }, { _id: 1, rev: 1 }).lean<{ _id: string; rev: number }[]>());
    const ids = docs.map((d) => doneId(d._id, d.rev));
    const done = new Set(ids.length ? (await retry(() => this.db.outboxDone.find({ _id: { $in: ids } }, { _id: 1 }).lean<{ _id: string }[]>())).map((m) => m._id) : []);
    for (const { _id, rev } of docs) {
      if (this.leases.holds(_id)) continue; // pending on purpose: its leased job is still queued or running
      if (done.has(doneId(_id, rev))) continue;
      await this.replay(_id);
    }
    return docs.length;
  }

  /** Reads the instance afresh and, if its outbox is still unfinished, applies it again and finishes it. */
  private async replay(key: string): Promise<boolean> {
    const doc = await this.locks.run(key, async () => {
      this.cache.delete(key);
      const d = await this.store.load(key);
      if (!d?.pending || (await this.markedDone(d))) return undefined;
      await this.applyOutbox(d, true);
      return d;
    });
    if (doc) await this.finish(doc);
    return !!doc;
  }

  /** Replays the outboxes of instances whose step failed while running, once the failure is `olderThanMs` old. */
  async recoverSuspects(olderThanMs: number): Promise<number> {
    const before = Date.now() - olderThanMs;
    let replayed = 0;
    for (const [key, since] of [...this.suspects]) {
      if (since > before || this.leases.holds(key)) continue;
      this.suspects.delete(key);
      await this.suspectOnFailure(key, async () => {
        if (await this.replay(key)) replayed++;
      }).catch(() => undefined); // a suspect again: next time
    }
    return replayed;
  }
}

const doneId = (key: string, rev: number) => `${key}#${rev}`;

/** Stale saves in a row before the conflict is reported (each one means another writer stepped the instance). */
const MAX_CONFLICTS = 5;

/** Effects applied outside the instance (embedded-engine.ts crossEffects); the only local part among them,
 * subscription.open's insert, is insert-once, so repeating them in a later outbox is harmless: a signal or
 * escalation carries an id its catch remembers (and a signal the time it was thrown), starts have fixed keys. */
const CROSS_INSTANCE = new Set(['child.start', 'child.cancel', 'parent.notify', 'parent.error', 'parent.escalation', 'origin.unhandled', 'subscription.open', 'signal.broadcast']);
const crossInstanceOnly = (effects: InstanceDoc['effects']) => (effects ?? []).filter((e) => CROSS_INSTANCE.has(e.type));

const hasIncident = (state: InstanceState) => state.tokens.some((t) => t.state === 'incident');
