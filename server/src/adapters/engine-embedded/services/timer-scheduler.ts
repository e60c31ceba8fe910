// Fires due timers read from the database (never setTimeout), so timers survive restarts and any delay,
// and each fires once: the instance ignores a trigger whose key is no longer armed, and the row is marked
// fired only after the instance step was saved.
import type { EngineCollections } from '../store/engine-collections';
import type { TimerDoc } from '../store/engine-documents';
import { retry } from '../store/transient-retry';
import { NotFoundError } from '../../../domain/errors';
import { nextCycle, planTimer, type TimerKind } from '../model/timer-definitions';
import type { DeployedModel } from './deployment.service';
import type { InstanceRunner } from './instance-runner';
import { TimerDueIndex } from './timer-due-index';

export class TimerScheduler {
  constructor(
    private readonly db: EngineCollections,
    private readonly runner: InstanceRunner,
    private readonly now: () => Date,
    private readonly index = new TimerDueIndex(),
  ) {}

  /** Loads the due index from the stored timers (start-up: the one scan of the collection). */
  async loadIndex(): Promise<void> {
    this.index.load(await retry(() => this.db.timers.find({ state: 'pending' }, { dueAt: 1 }).lean<{ _id: string; dueAt: Date }[]>()));
  }

  /** Fires every timer due by the clock's now; returns how many fired. */
  async fireDue(limit = 200): Promise<number> {
    const now = this.now();
    if (!this.index.loaded) {
      const due = await retry(() => this.db.timers.find({ state: 'pending', dueAt: { $lte: now } }).sort({ dueAt: 1 }).limit(limit).lean<TimerDoc[]>());
      for (const t of due) await this.fire(t);
      return due.length;
    }
    let fired = 0;
    for (const id of this.index.due(now, limit)) {
      const t = await retry(() => this.db.timers.findById(id).lean<TimerDoc>());
      if (!t || t.state !== 'pending') {
        this.index.remove(id); // gone (cancelled or fired elsewhere): the row decides
        continue;
      }
      if (new Date(t.dueAt).getTime() > now.getTime()) {
        this.index.put(id, t.dueAt); // moved later by a write the index missed
        continue;
      }
      await this.fire(t);
      fired++;
    }
    return fired;
  }

  private async fire(t: TimerDoc): Promise<void> {
    if (t.startOf) {
      await this.runner.start({ key: `${t._id}`, processId: t.startOf.processId, version: t.startOf.version, startElementId: t.startOf.elementId, variables: {} });
      const next = t.cycle && nextCycle(t.cycle, new Date(t.dueAt));
      if (next) await this.insertStartTimer(t.startOf, next.dueAt, { remaining: next.remaining, interval: next.interval }, t.n + 1);
    } else {
      try {
        await this.runner.execute(t.instanceKey, { kind: 'trigger', key: t._id, vars: {} });
      } catch (e) {
        if (!(e instanceof NotFoundError)) throw e;
      }
    }
    await retry(() => this.db.timers.deleteOne({ _id: t._id })); // fired: the instance timeline keeps the record
    this.index.remove(t._id);
  }

  /** Timer start events of a newly deployed version replace those of older versions (as in Zeebe). */
  async scheduleStartTimers(deployed: DeployedModel): Promise<void> {
    const replaced = await this.db.timers.find({ 'startOf.processId': deployed.processId, state: 'pending' }, { _id: 1 }).lean<{ _id: string }[]>();
    await this.db.timers.deleteMany({ 'startOf.processId': deployed.processId, state: 'pending' });
    for (const r of replaced) this.index.remove(r._id);
    for (const ts of deployed.model.timerStarts) {
      const plan = planTimer(ts.timer.kind as TimerKind, ts.timer.value, this.now());
      const startOf = { processId: deployed.processId, version: deployed.version, elementId: ts.elementId };
      await this.insertStartTimer(startOf, plan.dueAt, plan.remaining === undefined ? undefined : { remaining: plan.remaining, interval: plan.interval }, 0);
    }
  }

  private async insertStartTimer(startOf: { processId: string; version: number; elementId: string }, dueAt: Date, cycle: unknown, n: number): Promise<void> {
    const id = `${startOf.processId}:${startOf.version}.${startOf.elementId}.${n}`;
    this.index.put(id, dueAt);
    await retry(() => this.db.timers.updateOne({ _id: id }, { $setOnInsert: { startOf, dueAt, cycle, n, state: 'pending' } }, { upsert: true }));
  }
}
