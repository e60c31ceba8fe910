// Runs the shared job handlers (server/src/jobs) and the task-sync listener as Zeebe job workers: jobs are
// activated by polling /v2/jobs/activation with back-pressure (never more jobs held than maxActive; a type
// whose handler is busy asks for fewer), and each outcome is reported explicitly: complete, fail with the
// retries left and a back-off, or a BPMN error. A handler that throws fails the job like an explicit fail.
/* eslint-disable @typescript-eslint/no-explicit-any -- activated job records are read field by field */
import type { Job, JobOutcome } from '../../ports/workflow-engine.port';
import type { ZeebeApi } from './zeebe-client';

export type RawJobHandler = (raw: any) => Promise<JobOutcome>;

export interface JobWorkerOptions {
  worker: string;
  /** Jobs held at once across all types (back-pressure): polling asks only for the free capacity. */
  maxActive: number;
  /** How long an activated job stays ours before Zeebe hands it to another worker. */
  jobTimeoutMs: number;
  defaultBackoffMs: number;
  pollIntervalMs: number;
  log: (msg: string, err?: unknown) => void;
}

/**
 * The port's job. A task listener's job carries the task as the port has it on every engine: the `userTask`
 * variable (Camunda's user task properties) and the `listenerEventType` header, in lower case.
 */
export function toPortJob(raw: any): Job {
  const listener = raw.kind === 'TASK_LISTENER';
  return {
    key: String(raw.jobKey), type: raw.type, processId: raw.processDefinitionId, instanceKey: String(raw.processInstanceKey),
    elementId: raw.elementId,
    variables: listener ? { ...(raw.variables ?? {}), userTask: { ...(raw.userTask ?? {}), elementId: raw.elementId } } : raw.variables ?? {},
    headers: listener ? { ...(raw.customHeaders ?? {}), listenerEventType: String(raw.listenerEventType).toLowerCase() } : raw.customHeaders ?? {},
    retries: raw.retries,
  };
}

export class ZeebeJobWorker {
  private readonly handlers = new Map<string, RawJobHandler>();
  private readonly running = new Set<Promise<void>>();
  private timer?: NodeJS.Timeout;
  private polling?: Promise<number>;

  constructor(private readonly api: ZeebeApi, private readonly opts: JobWorkerOptions) {}

  register(type: string, handler: RawJobHandler): void { this.handlers.set(type, handler); }

  /** Polls every pollIntervalMs while there is work; an idle round doubles the wait, up to 8 times it. */
  start(): void {
    let wait = this.opts.pollIntervalMs;
    const tick = () => {
      this.timer = setTimeout(async () => {
        const activated = await this.pollOnce().catch((e) => { this.opts.log('job activation failed', e); return 0; });
        wait = activated ? this.opts.pollIntervalMs : Math.min(wait * 2, this.opts.pollIntervalMs * 8);
        if (this.timer) tick();
      }, wait);
      this.timer.unref?.();
    };
    tick();
  }

  async stop(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    await this.polling;
    await this.idle();
  }

  /** Activates what there is capacity for, runs it in the background; returns how many jobs were activated. */
  pollOnce(): Promise<number> {
    this.polling ??= this.activateAll().finally(() => { this.polling = undefined; });
    return this.polling;
  }

  async idle(): Promise<void> {
    while (this.running.size) await Promise.all([...this.running]);
  }

  private async activateAll(): Promise<number> {
    let activated = 0;
    for (const [type, handler] of this.handlers) {
      const free = this.opts.maxActive - this.running.size;
      if (free <= 0) break;
      const res: any = await this.api.activateJobs({
        type, worker: this.opts.worker, timeout: this.opts.jobTimeoutMs, maxJobsToActivate: free, requestTimeout: -1,
      } as never);
      for (const raw of res.jobs ?? []) {
        activated++;
        const run = this.run(raw, handler).finally(() => this.running.delete(run));
        this.running.add(run);
      }
    }
    return activated;
  }

  private async run(raw: any, handler: RawJobHandler): Promise<void> {
    let outcome: JobOutcome;
    try { outcome = await handler(raw); } catch (e) { outcome = { kind: 'fail', message: (e as Error)?.message ?? String(e) }; }
    try {
      await this.report(raw, outcome);
    } catch (e) {
      // The job stays activated until its timeout, then Zeebe hands it out again (at-least-once).
      this.opts.log(`reporting job ${raw.jobKey} (${raw.type}) failed`, e);
    }
  }

  private async report(raw: any, o: JobOutcome): Promise<void> {
    const jobKey = String(raw.jobKey);
    switch (o.kind) {
      case 'complete': {
        const result = o.result ? { type: 'userTask', ...o.result } : undefined;
        await this.api.completeJob({ jobKey, ...(o.variables ? { variables: o.variables } : {}), ...(result ? { result } : {}) } as never);
        return;
      }
      case 'fail': {
        const retries = o.retries ?? Math.max(0, Number(raw.retries) - 1);
        await this.api.failJob({ jobKey, retries, errorMessage: o.message, retryBackOff: retries > 0 ? (o.backoffMs ?? this.opts.defaultBackoffMs) : 0 } as never);
        return;
      }
      case 'bpmnError':
        await this.api.throwJobError({ jobKey, errorCode: o.code, ...(o.message ? { errorMessage: o.message } : {}), ...(o.variables ? { variables: o.variables } : {}) } as never);
        return;
    }
  }
}
