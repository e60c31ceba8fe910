// Jobs leased in memory: a job whose type has a handler in this process is run straight from the outbox
// that created it, without writing a job row, claiming it and deleting it again (three collection scans on
// FerretDB). Durability comes from the instance document instead: its outbox keeps the job.create entry
// (pending) until a later step closes the job, and every state write of that instance carries the entry
// forward. A crash therefore replays the outbox at start-up, which writes the job row and runs it again
// (at-least-once, as a lease that ran out).
import type { Effect, JobSpec } from '../runtime/instance-state';

export type JobCreate = Extract<Effect, { type: 'job.create' }>;
export interface LeasedJob { instanceKey: string; processId: string; effect: JobCreate }

export class JobLeases {
  private readonly byJob = new Map<string, LeasedJob>();
  private readonly byInstance = new Map<string, Set<string>>();
  /** Set by the job worker: true when a job of this type can run here without a database row. */
  accepts: (type: string) => boolean = () => false;

  lease(instanceKey: string, processId: string, effect: JobCreate): void {
    this.byJob.set(effect.job.key, { instanceKey, processId, effect });
    let set = this.byInstance.get(instanceKey);
    if (!set) this.byInstance.set(instanceKey, (set = new Set()));
    set.add(effect.job.key);
  }

  get(jobKey: string): LeasedJob | undefined {
    return this.byJob.get(jobKey);
  }

  /** The row was written (failure with retries, incident) or the job is finished: memory no longer holds it. */
  release(jobKey: string): void {
    const leased = this.byJob.get(jobKey);
    if (!leased) return;
    this.byJob.delete(jobKey);
    const set = this.byInstance.get(leased.instanceKey);
    set?.delete(jobKey);
    if (set && !set.size) this.byInstance.delete(leased.instanceKey);
  }

  /** True while an instance has a job that only its pending outbox makes durable. */
  holds(instanceKey: string): boolean {
    return this.byInstance.has(instanceKey);
  }

  /** The job.create entries a new outbox of this instance must carry, minus the jobs this step closes. */
  carry(instanceKey: string, effects: Effect[]): JobCreate[] {
    const keys = this.byInstance.get(instanceKey);
    if (!keys) return [];
    const closed = new Set(effects.flatMap((e) => (e.type === 'job.close' ? [e.jobKey] : [])));
    const present = new Set(effects.flatMap((e) => (e.type === 'job.create' ? [e.job.key] : [])));
    return [...keys].filter((k) => !closed.has(k) && !present.has(k)).map((k) => this.byJob.get(k)!.effect);
  }

  /** Closed by a saved step: the job needs neither memory nor a replay any more. */
  settle(effects: Effect[]): void {
    for (const e of effects) if (e.type === 'job.close') this.release(e.jobKey);
  }

  jobOf(leased: LeasedJob): JobSpec & { processId: string; instanceKey: string } {
    return { ...leased.effect.job, processId: leased.processId, instanceKey: leased.instanceKey };
  }
}
