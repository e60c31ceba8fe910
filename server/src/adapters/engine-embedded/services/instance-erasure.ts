// Erases every engine record of a case (issue 17, "deletion means gone everywhere"): its instances (their
// variables and timelines live in the instance document), called instances under them, and their user
// tasks, jobs, timers, subscriptions, incidents, outbox markers, revision claims, and messages published for the case.
// Running instances are cancelled first so no step of theirs runs on half-deleted state. The instance
// documents go last: they are how a rerun after a crash finds what is left, so nothing is orphaned.
import type { EngineCollections } from '../store/engine-collections';
import { retry } from '../store/transient-retry';

export interface InstanceErasureHooks {
  /** Cancels a running instance through the runner (its effects close tasks and disarm timers). */
  cancel(key: string): Promise<void>;
  /** Drops what this process holds in memory about an instance (state cache, due timers). */
  forget(key: string, timerIds: string[]): Promise<void>;
}

export class InstanceErasure {
  constructor(private readonly db: EngineCollections, private readonly hooks: InstanceErasureHooks) {}

  /** Returns how many instances were erased (0 on a rerun that found nothing left). */
  async eraseCase(caseId: string): Promise<number> {
    const keys = await this.instancesOf(caseId);
    for (const key of keys.running) {
      await this.hooks.cancel(key).catch(() => undefined); // an instance that cannot be cancelled is deleted all the same
    }
    const all = keys.all;
    const byInstance = { instanceKey: { $in: all } };
    const timers = all.length ? await retry(() => this.db.timers.find(byInstance, { _id: 1 }).lean<{ _id: string }[]>()) : [];
    if (all.length) {
      await retry(() => this.db.tasks.deleteMany(byInstance));
      await retry(() => this.db.jobs.deleteMany(byInstance));
      await retry(() => this.db.timers.deleteMany(byInstance));
      await retry(() => this.db.subscriptions.deleteMany(byInstance));
      await retry(() => this.db.incidents.deleteMany(byInstance));
    }
    await retry(() => this.db.messages.deleteMany({ $or: [{ correlationKey: caseId }, { 'variables.caseId': caseId }] }));
    if (all.length) {
      // One pass over the markers (a regex is a scan on FerretDB), not one per instance.
      const ofThese = { _id: { $regex: `^(${all.map(escapeRegex).join('|')})#` } };
      await retry(() => this.db.outboxDone.deleteMany(ofThese));
      // Revision claims (shared topology) may hold a step's variables: gone too.
      await retry(() => this.db.instanceRevisions.deleteMany(ofThese));
    }
    for (const key of all) await this.hooks.forget(key, timers.map((t) => String(t._id)));
    if (all.length) await retry(() => this.db.instances.deleteMany({ _id: { $in: all } }));
    return all.length;
  }

  /** The case's instances and, level by level, the instances they called (a call activity's child). */
  private async instancesOf(caseId: string): Promise<{ all: string[]; running: string[] }> {
    type Row = { _id: string; status?: string; parentKey?: string };
    const found = new Map<string, Row>();
    let level = await retry(() => this.db.instances.find({ $or: [{ 'state.vars.caseId': caseId }, { businessKey: caseId }] }, { _id: 1, status: 1 }).lean<Row[]>());
    while (level.length) {
      const fresh = level.filter((r) => !found.has(r._id));
      for (const r of fresh) found.set(r._id, r);
      if (!fresh.length) break;
      const parents = fresh.map((r) => r._id);
      level = await retry(() => this.db.instances.find({ parentKey: { $in: parents } }, { _id: 1, status: 1 }).lean<Row[]>());
    }
    const rows = [...found.values()];
    // Children first: cancelling a parent may cancel its children too; each is cancelled once it is found.
    return { all: rows.map((r) => r._id), running: rows.filter((r) => r.status === 'active').map((r) => r._id).reverse() };
  }
}

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
