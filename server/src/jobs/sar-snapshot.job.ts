// The subject access request's two jobs on its gathered snapshot:
//  - "sar-gather-records" (step "Gather everything held about the person"): finds the person across every
//    case and keeps everything gathered as the request's snapshot, once. A redelivered job (a crash after
//    the gather, before the step completed) finds the snapshot already there and keeps it: gathering again
//    is the DPO's explicit act, never a side effect of a retry.
//  - "sar-drop-gathered-copy" (after the response was sent and the copy's retention ran out): deletes the
//    gathered personal data, keeping the decision record.
// Failures (the database away) are retried with back-off like any job, then an incident the monitor shows.
import { dropGatheredCopy, type DropCopyDeps } from '../application/sar/drop-gathered-copy';
import { GATHERED_AUTOMATICALLY, gatherSarSnapshot, type GatherSnapshotDeps } from '../application/sar/gather-sar-snapshot';
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';

export const SAR_GATHER_JOB_TYPE = 'sar-gather-records';
export const SAR_DROP_COPY_JOB_TYPE = 'sar-drop-gathered-copy';
export const SAR_JOB_TYPES = [SAR_GATHER_JOB_TYPE, SAR_DROP_COPY_JOB_TYPE] as const;

const failure = (err: unknown) => ({ kind: 'fail' as const, message: err instanceof Error ? err.message : String(err) });

export function createSarGatherJob(deps: GatherSnapshotDeps): JobHandler {
  return async (job) => {
    try {
      const existing = await deps.snapshots.head(job.instanceKey);
      const snapshot = existing ?? (await gatherSarSnapshot(deps, job.instanceKey, { id: 'system', name: GATHERED_AUTOMATICALLY })).snapshot;
      return { kind: 'complete', variables: { sarGatheredAt: snapshot.gatheredAt } };
    } catch (err) {
      return failure(err);
    }
  };
}

export function createSarDropCopyJob(deps: DropCopyDeps): JobHandler {
  return async (job) => {
    try {
      await dropGatheredCopy(deps, job.instanceKey, 'The gathered copy\'s retention after the response ran out');
      return { kind: 'complete' };
    } catch (err) {
      return failure(err);
    }
  };
}

export function registerSarJobs(engine: Pick<WorkflowEngine, 'registerJobHandler'>, deps: GatherSnapshotDeps): void {
  engine.registerJobHandler(SAR_GATHER_JOB_TYPE, createSarGatherJob(deps));
  engine.registerJobHandler(SAR_DROP_COPY_JOB_TYPE, createSarDropCopyJob(deps));
}
