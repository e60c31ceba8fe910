// Jobs of the embedded engine behind the fake wait here until the adapter activates them through
// /v2/jobs/activation and reports an outcome: the fake registers a handler per job type the adapter asks
// for, and that handler's promise settles with the outcome the adapter sends.
import type { Job, JobOutcome, WorkflowEngine } from '../../../server/src/ports/workflow-engine.port';

export interface ParkedJob { job: Job; activated: boolean; settle(outcome: JobOutcome): void }

export class FakeJobs {
  private readonly parked = new Map<string, ParkedJob>();
  private readonly types = new Set<string>();
  /** Retries set through PATCH /v2/jobs/{key} (incident resolution), applied when the job runs again. */
  readonly retriesSet = new Map<string, number>();

  constructor(private readonly inner: WorkflowEngine) {}

  /** The adapter asked for this type: from now on the inner engine hands such jobs to the fake. */
  watch(type: string): void {
    if (this.types.has(type)) return;
    this.types.add(type);
    this.inner.registerJobHandler(type, (job) => new Promise<JobOutcome>((settle) => {
      this.parked.set(job.key, { job, activated: false, settle: (o) => { this.parked.delete(job.key); settle(o); } });
    }));
  }

  activate(type: string, max: number): ParkedJob[] {
    const out = [...this.parked.values()].filter((p) => !p.activated && p.job.type === type).slice(0, max);
    for (const p of out) p.activated = true;
    return out;
  }

  get(innerKey: string): ParkedJob | undefined { return this.parked.get(innerKey); }
  get waiting(): number { return this.parked.size; }

  /**
   * The cluster goes away: jobs still parked (their instance cancelled, or nobody asked for them again) are
   * let go, so the inner engine can stop. A real cluster drops a cancelled instance's jobs by itself.
   */
  releaseAll(): void {
    for (const p of [...this.parked.values()]) p.settle({ kind: 'fail', message: 'the contract fake closed', retries: 0 });
  }
}
