// Applies the outbox of one instance step. Local effects (rows owned by this instance) are written under the
// instance lock in order; each write is an idempotent upsert or a state-guarded update, so applying the same
// outbox twice after a crash changes nothing the second time. Events go out after the write (at-least-once:
// a replay after a crash may repeat an event, never lose one).
import type { EngineEvent, IncidentView, UserTaskView } from '../../../ports/workflow-engine.port';
import type { Effect } from '../runtime/instance-state';
import type { Model } from 'mongoose';
import type { EngineCollections } from '../store/engine-collections';
import { insertOnce } from '../store/insert-once';
import { retry } from '../store/transient-retry';
import { JobLeases } from './job-leases';
import { TimerDueIndex } from './timer-due-index';

export type { InstanceDoc } from '../store/engine-documents';
import type { InstanceDoc } from '../store/engine-documents';

export class EffectApplier {
  constructor(
    private readonly db: EngineCollections,
    private readonly now: () => Date,
    private readonly emit: (e: EngineEvent) => Promise<void>,
    private readonly leases = new JobLeases(),
    private readonly timerIndex = new TimerDueIndex(),
  ) {}

  async applyLocal(doc: InstanceDoc, replay: boolean): Promise<void> {
    const effects = doc.effects ?? [];
    const events: (EngineEvent | undefined)[] = [];
    const apply = async (i: number) => {
      const effect = effects[i];
      if (effect.type === 'task.close' && !replay) {
        events[i] = await retry(() => this.closeTask(effect));
        return;
      }
      const changed = await retry(() => this.write(doc, effect, replay));
      if (changed || replay) events[i] = await this.eventFor(doc, effect);
    };
    // A live step's effects on different rows are written side by side (closing one task and creating the
    // next are two round trips, not four in a row); a row's own effects keep their order. Every lane is
    // finished before a failure is reported, so nothing is still being written while the step is retried.
    // A replay, rare, goes one by one.
    const lanes = replay ? [effects.map((_, i) => i)] : [...groupBy(effects, rowOf).values()];
    const outcomes = await Promise.allSettled(lanes.map(async (lane) => {
      for (const i of lane) await apply(i);
    }));
    const failed = outcomes.find((o): o is PromiseRejectedResult => o.status === 'rejected');
    if (failed) throw failed.reason;
    // Events about different tasks go out side by side too (their projections are separate writes); those
    // about one task, or about the instance, keep their order.
    const sent = events.filter((e): e is EngineEvent => e !== undefined);
    await Promise.all([...groupBy(sent, subjectOf).values()].map(async (lane) => {
      for (const i of lane) await this.emit(sent[i]);
    }));
  }

  private async write(doc: InstanceDoc, e: Effect, replay: boolean): Promise<boolean> {
    const db = this.db;
    const now = this.now();
    const upsert = insertOnce;
    const guarded = async <T>(model: Model<T>, filter: Record<string, unknown>, set: Record<string, unknown>) =>
      (await model.updateOne(filter, { $set: set })).modifiedCount > 0;
    switch (e.type) {
      case 'task.create': return upsert(db.inserts.tasks, e.task.key, { ...e.task });
      case 'task.close':
        return guarded(db.tasks, { _id: e.taskKey, state: 'open' }, { state: e.state, completedAt: now.toISOString(), ...(e.by ? { completedBy: e.by } : {}) });
      case 'task.update': {
        // Setting the same values again changes nothing, so a replayed outbox writes nothing new.
        const set = Object.fromEntries(Object.entries(e.set).filter(([, v]) => v !== null));
        const unset = Object.fromEntries(Object.entries(e.set).filter(([, v]) => v === null).map(([k]) => [k, '']));
        const update = { ...(Object.keys(set).length ? { $set: set } : {}), ...(Object.keys(unset).length ? { $unset: unset } : {}) };
        // A live step changes a task the instance state (under its lock) says is open: by _id alone, which is
        // the only filter FerretDB looks up by index (with `state` it decoded every task ever, per claim).
        // A replay keeps the guard, so it never changes a closed task.
        const filter = replay ? { _id: e.taskKey, state: 'open' } : { _id: e.taskKey };
        return Object.keys(update).length > 0 && (await db.tasks.updateOne(filter, update)).modifiedCount > 0;
      }
      case 'job.create':
        // Leased in memory (see job-leases.ts) on a live step; a replay after a crash writes the row.
        if (this.leases.get(e.job.key)) return false;
        if (!replay && this.leases.accepts(e.job.type)) {
          this.leases.lease(doc._id, doc.processId, e);
          return true;
        }
        return upsert(db.inserts.jobs, e.job.key, { ...e.job, processId: doc.processId, instanceKey: doc._id, state: 'activatable', dueAt: now, attempts: 0 });
      // Finished jobs, timers and subscriptions are deleted: their collections hold only live rows, so the
      // polling queries stay small (FerretDB scans collections for range filters).
      case 'job.close':
        if (this.leases.get(e.jobKey)) return true; // never written
        return (await db.jobs.deleteOne({ _id: e.jobKey })).deletedCount > 0;
      case 'job.retry':
        return guarded(db.jobs, { _id: e.jobKey }, { state: 'activatable', retries: e.retries, dueAt: now, variables: e.variables });
      case 'timer.create':
        this.timerIndex.put(e.key, e.dueAt); // before the write: a timer the index lacks would never fire
        return upsert(db.inserts.timers, e.key, { instanceKey: doc._id, elementId: e.elementId, tokenId: e.tokenId, dueAt: new Date(e.dueAt), state: 'pending' });
      case 'timer.cancel': {
        const deleted = (await db.timers.deleteOne({ _id: e.key })).deletedCount > 0;
        this.timerIndex.remove(e.key);
        return deleted;
      }
      case 'subscription.open':
        return upsert(db.inserts.subscriptions, e.key, { instanceKey: doc._id, messageName: e.messageName, correlationKey: e.correlationKey, elementId: e.elementId, tokenId: e.tokenId, state: 'open', createdAt: now });
      case 'subscription.close': return (await db.subscriptions.deleteOne({ _id: e.key })).deletedCount > 0;
      case 'incident.raise': return upsert(db.inserts.incidents, e.incident.id, { ...e.incident, tokenId: e.tokenId, processId: doc.processId });
      case 'incident.resolve': return guarded(db.incidents, { _id: e.incidentId, state: 'open' }, { state: 'resolved', resolvedAt: now.toISOString() });
      case 'instance.end': return true;
      default: return false; // cross-instance effects are applied by the runner outside the lock
    }
  }

  /**
   * A live step closes a task it knows open (the instance state says so, under the instance lock): one
   * write by _id that also returns the row for the event, instead of a guarded update (which FerretDB
   * cannot push down) and a read. A replay keeps the guarded path, so it never rewrites a closed task.
   */
  private async closeTask(e: Extract<Effect, { type: 'task.close' }>): Promise<EngineEvent | undefined> {
    const set = { state: e.state, completedAt: this.now().toISOString(), ...(e.by ? { completedBy: e.by } : {}) };
    const before = await this.db.tasks.findOneAndUpdate({ _id: e.taskKey }, { $set: set }, { returnDocument: 'before' }).lean<UserTaskView & { _id?: string }>();
    if (!before) return undefined;
    if (before.state !== 'open') {
      // Closed already (not expected on a live step): put back what it said, as the guarded update would have.
      const b = before as unknown as Record<string, unknown>;
      const restore = { state: b.state, completedAt: b.completedAt, ...(b.completedBy !== undefined ? { completedBy: b.completedBy } : {}) };
      await this.db.tasks.updateOne({ _id: e.taskKey }, { $set: restore, ...(b.completedBy === undefined && e.by ? { $unset: { completedBy: '' } } : {}) });
      return undefined;
    }
    const task = { ...before, ...set } as UserTaskView & { _id?: string };
    delete task._id;
    return { type: e.state === 'completed' ? 'user-task.completed' : 'user-task.cancelled', task };
  }

  private async eventFor(doc: InstanceDoc, e: Effect): Promise<EngineEvent | undefined> {
    switch (e.type) {
      case 'task.create': return { type: 'user-task.created', task: e.task };
      case 'task.close': {
        const task = await retry(() => this.db.tasks.findById(e.taskKey).lean<UserTaskView & { _id?: string }>());
        if (!task) return undefined;
        delete task._id;
        return { type: e.state === 'completed' ? 'user-task.completed' : 'user-task.cancelled', task };
      }
      case 'task.update': {
        if (!e.event) return undefined;
        const task = await retry(() => this.db.tasks.findById(e.taskKey).lean<UserTaskView & { _id?: string }>());
        if (!task) return undefined;
        delete task._id;
        return { type: e.event === 'assigned' ? 'user-task.assigned' : 'user-task.updated', task, changedAttributes: e.changedAttributes, ...(e.by ? { by: e.by } : {}) };
      }
      case 'incident.raise': return { type: 'incident.raised', incident: e.incident };
      case 'incident.resolve': {
        const inc = await retry(() => this.db.incidents.findById(e.incidentId).lean<Record<string, unknown>>());
        if (!inc) return undefined;
        return { type: 'incident.resolved', incident: toIncidentView(inc) };
      }
      case 'instance.end':
        return { type: e.state === 'completed' ? 'instance.completed' : 'instance.cancelled', instanceKey: doc._id, processId: doc.processId };
      default: return undefined;
    }
  }
}

/** Indexes of `items` by key, keys in order of first appearance. */
function groupBy<T>(items: T[], key: (item: T) => string): Map<string, number[]> {
  const groups = new Map<string, number[]>();
  items.forEach((item, i) => {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(i);
    else groups.set(k, [i]);
  });
  return groups;
}

/** The stored row an effect writes; effects with none (instance end, cross-instance ones) share a lane. */
function rowOf(e: Effect): string {
  switch (e.type) {
    case 'task.create': return `task:${e.task.key}`;
    case 'task.close':
    case 'task.update':
    case 'task.denied': return `task:${e.taskKey}`;
    case 'job.create': return `job:${e.job.key}`;
    case 'job.close':
    case 'job.retry': return `job:${e.jobKey}`;
    case 'timer.create':
    case 'timer.cancel': return `timer:${e.key}`;
    case 'subscription.open':
    case 'subscription.close': return `subscription:${e.key}`;
    case 'incident.raise': return `incident:${e.incident.id}`;
    case 'incident.resolve': return `incident:${e.incidentId}`;
    default: return 'instance';
  }
}

const subjectOf = (e: EngineEvent): string => ('task' in e ? `task:${e.task.key}` : 'incident' in e ? `incident:${e.incident.id}` : 'instance');

export function toIncidentView(d: Record<string, unknown>): IncidentView {
  return {
    id: String(d.id ?? d._id), instanceKey: d.instanceKey as string, elementId: d.elementId as string,
    type: d.type as IncidentView['type'], message: d.message as string, createdAt: d.createdAt as string, state: d.state as IncidentView['state'],
  };
}
