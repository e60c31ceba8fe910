// Runs service-task jobs with the registered handlers. Jobs are claimed with a lease (lockedUntil), so a crash
// mid-handler only delays the job: it is delivered again when the lease runs out (at-least-once). A failure
// counts down retries with backoff; at zero the instance gets an incident.
// A job created here by a live step, of a type handled here, is leased in memory instead (job-leases.ts): no
// row is written unless it has to wait (retry backoff) or fail durably (incident).
import type { Job, JobHandler, JobOutcome } from '../../../ports/workflow-engine.port';
import type { EngineCollections } from '../store/engine-collections';
import type { JobDoc } from '../store/engine-documents';
import { insertOnce } from '../store/insert-once';
import { retry } from '../store/transient-retry';
import type { InstanceRunner } from './instance-runner';
import { JobLeases } from './job-leases';

export interface JobWorkerOptions { lockMs: number; maxConcurrent: number; defaultBackoffMs: number }
type Log = (msg: string, err?: unknown) => void;

export class JobWorker {
  private readonly handlers = new Map<string, JobHandler>();
  private draining?: Promise<void>;
  private again = false;
  /** Jobs created in this process, claimed by id (an indexed lookup) instead of a collection scan. */
  private readonly offered: string[] = [];
  /** Offered jobs not yet finished here: a job leased in memory is offered again by every later step. */
  private readonly queued = new Set<string>();
  private scanNext = true;
  private ran = 0;
  enabled = false;

  constructor(
    private readonly db: EngineCollections,
    private readonly runner: InstanceRunner,
    private readonly now: () => Date,
    private readonly opts: JobWorkerOptions,
    private readonly log: Log,
    private readonly leases = new JobLeases(),
  ) {
    leases.accepts = (type) => this.enabled && this.handlers.has(type);
  }

  register(type: string, handler: JobHandler): void {
    this.handlers.set(type, handler);
    this.kickScan();
  }

  /** A job of a handled type was created here: claim it directly by id. */
  offer(jobKey: string, type: string): void {
    if (!this.handlers.has(type) || this.queued.has(jobKey)) return;
    this.queued.add(jobKey);
    this.offered.push(jobKey);
    this.kick();
  }

  /** Periodic (or test) call: also look for due jobs by query (retries with backoff, other processes, crashes). */
  kickScan(): void {
    this.scanNext = true;
    this.kick();
  }

  /**
   * New work arrived: drain soon (in the background) when the worker runs. There is only ever one drain
   * loop per process, so a job is never claimed twice here (FerretDB's findOneAndUpdate is not atomic).
   */
  kick(force = false): void {
    if (!this.enabled && !force) return;
    if (this.draining) { this.again = true; return; }
    this.draining = (async () => {
      do { this.again = false; await this.drain(); } while (this.again);
    })().catch((e) => this.log('job drain failed', e)).finally(() => { this.draining = undefined; });
  }

  /** Runs every due job now (through the single drain loop); returns how many ran. */
  async runAll(): Promise<number> {
    const before = this.ran;
    this.scanNext = true;
    this.kick(true);
    await this.idle();
    return this.ran - before;
  }

  async idle(): Promise<void> {
    while (this.draining) await this.draining;
  }

  /** Claims and runs every due job of a registered type; returns how many ran. */
  private async drain(scan = false): Promise<number> {
    const running = new Set<Promise<void>>();
    let count = 0;
    scan = scan || this.scanNext;
    this.scanNext = false;
    for (;;) {
      const offered = this.offered.shift();
      const leased = offered !== undefined ? this.leases.get(offered) : undefined;
      const doc = leased ? { _id: offered!, ...this.leases.jobOf(leased), leased: true }
        : offered !== undefined ? await this.claim(offered).catch((e) => { this.queued.delete(offered); throw e; })
        : scan ? await this.claim() : null;
      if (offered !== undefined && !doc) { this.queued.delete(offered); continue; }
      if (!doc) break;
      count++;
      this.ran++;
      const p: Promise<void> = this.run(doc).catch((e) => this.log(`job ${doc._id} failed to settle`, e))
        .finally(() => { running.delete(p); if (offered !== undefined) this.queued.delete(offered); });
      running.add(p);
      if (running.size >= this.opts.maxConcurrent) await Promise.race(running);
    }
    await Promise.all(running);
    return count;
  }

  private async claim(id?: string): Promise<JobDoc | null> {
    if (!this.handlers.size) return null;
    const now = this.now();
    const due = { $or: [{ state: 'activatable', dueAt: { $lte: now } }, { state: 'locked', lockedUntil: { $lte: now } }] };
    return retry(() => this.db.jobs.findOneAndUpdate(
      id ? { _id: id, ...due } : { type: { $in: [...this.handlers.keys()] }, ...due },
      { $set: { state: 'locked', lockedUntil: new Date(now.getTime() + this.opts.lockMs) }, $inc: { attempts: 1 } },
      id ? { returnDocument: 'after' } : { returnDocument: 'after', sort: { dueAt: 1 } },
    ).lean<JobDoc>());
  }

  private async run(doc: JobDoc): Promise<void> {
    const job: Job = {
      key: doc._id, type: doc.type, processId: doc.processId, instanceKey: doc.instanceKey, elementId: doc.elementId,
      variables: doc.variables ?? {}, headers: doc.headers ?? {}, retries: doc.retries,
    };
    let outcome: JobOutcome;
    try {
      outcome = await this.handlers.get(job.type)!(job);
    } catch (e) {
      outcome = { kind: 'fail', message: (e as Error)?.message ?? String(e) };
    }
    let applied: boolean;
    if (outcome.kind === 'complete') {
      applied = await this.runner.execute(job.instanceKey, { kind: 'completeJob', jobKey: job.key, vars: outcome.variables ?? {}, result: outcome.result });
    } else if (outcome.kind === 'bpmnError') {
      applied = await this.runner.execute(job.instanceKey, { kind: 'jobError', jobKey: job.key, code: outcome.code, vars: outcome.variables ?? {} });
    } else {
      const retries = Math.max(0, outcome.retries ?? job.retries - 1);
      if (retries > 0) {
        const dueAt = new Date(this.now().getTime() + (outcome.backoffMs ?? this.opts.defaultBackoffMs));
        if (doc.leased) return this.persist(doc, { state: 'activatable', retries, dueAt, lastError: outcome.message });
        await retry(() => this.db.jobs.updateOne({ _id: job.key, state: 'locked' }, { $set: { state: 'activatable', retries, dueAt, lastError: outcome.message } }));
        return;
      }
      // A leased job gets its row now, locked as if claimed: a crash before the incident is saved re-runs it.
      if (doc.leased) {
        await this.persist(doc, { state: 'locked', lockedUntil: new Date(this.now().getTime() + this.opts.lockMs), retries: 0, lastError: outcome.message });
        doc.leased = false; // it has a row now, parked below like any other
      } else await retry(() => this.db.jobs.updateOne({ _id: job.key }, { $set: { lastError: outcome.message, retries: 0 } }));
      applied = await this.runner.execute(job.instanceKey, { kind: 'jobIncident', jobKey: job.key, message: outcome.message });
    }
    // A result nobody waits for (activity interrupted, or already in an incident): park the job.
    if (doc.leased && !applied) this.leases.release(job.key); // no row, and nobody waits for it
    else if (!applied || outcome.kind === 'fail') await retry(() => this.db.jobs.updateOne({ _id: job.key, state: 'locked' }, { $set: { state: 'failed' } }));
  }

  /** Writes the row of a job leased in memory (it must wait or fail durably), which ends the lease. */
  private async persist(doc: JobDoc, fields: Record<string, unknown>): Promise<void> {
    const { _id, leased, ...job } = doc;
    void leased;
    await retry(() => insertOnce(this.db.inserts.jobs, _id, { ...job, attempts: 1, dueAt: this.now(), ...fields }));
    this.leases.release(_id);
  }
}
