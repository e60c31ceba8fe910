// Job types of processes/retention-review.bpmn:
//   retention-dry-run         → retentionReview (the list as data), retentionReviewText (in words), dueCount
//   retention-erase-approved  → reductionOutcomes, reductionSummary: runs the approved reductions to a basic
//                               record (reduce-case.ts), then erasureOutcomes, erasureSummary: the approved
//                               erasures, case by case (one approval covers both lists)
// Who approved is read from the completed review task of the instance (the engine records its completer),
// not from a form field a person could type.
import { dryRunText } from '../domain/retention';
import { runRetentionDryRun } from '../application/retention/run-retention-dry-run';
import { type EraseApprovedDeps, type ErasureRequest, eraseApprovedCases } from '../application/retention/erase-approved-cases';
import { type ReduceApprovedDeps, type ReductionRequest, reduceApprovedCases } from '../application/retention/reduce-approved-cases';
import { BusinessError } from '../domain/errors';
import type { RetentionDeps } from '../application/retention/retention-deps';
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';

export const RETENTION_DRY_RUN_JOB_TYPE = 'retention-dry-run';
export const RETENTION_ERASE_JOB_TYPE = 'retention-erase-approved';
export const REVIEW_TASK_ELEMENT = 'reviewErasures';

export function createRetentionDryRunJob(deps: Pick<RetentionDeps, 'schedule' | 'holds' | 'cases' | 'clock'>): JobHandler {
  return async () => {
    const result = await runRetentionDryRun(deps);
    const slim = (i: (typeof result.due)[number]) => ({
      caseId: i.caseId, action: i.action, ruleId: i.ruleId, code: i.code, anchorOn: i.anchorOn, dueOn: i.dueOn,
      ...(i.basicRecordOn ? { basicRecordOn: i.basicRecordOn } : {}), text: i.text, holds: i.holds.length,
    });
    return {
      kind: 'complete',
      variables: {
        retentionReview: { today: result.today, scheduleVersion: result.scheduleVersion, checked: result.checked, due: result.due.map(slim), reduce: result.reduce.map(slim), held: result.held.map(slim), unruled: result.unruled.length },
        retentionReviewText: dryRunText(result),
        dueCount: result.due.length,
        reduceCount: result.reduce.length,
        heldCount: result.held.length,
      },
    };
  };
}

const reductionNotWired: ReduceApprovedDeps['reduce'] = async () => {
  throw new BusinessError('NOT_IMPLEMENTED', 'Reduction to a basic record is not wired into the retention review');
};

type JobDeps = EraseApprovedDeps & { engine: Pick<WorkflowEngine, 'listUserTasks'>; reduce?: ReduceApprovedDeps['reduce'] };

export function createRetentionEraseJob(deps: JobDeps): JobHandler {
  return async (job) => {
    const review = job.variables.retentionReview as { due?: ErasureRequest[]; reduce?: ReductionRequest[] } | undefined;
    const due = Array.isArray(review?.due) ? review.due : [];
    const tasks = await deps.engine.listUserTasks({ instanceKey: job.instanceKey, state: 'completed' });
    const approvedBy = tasks.filter((t) => t.elementId === REVIEW_TASK_ELEMENT).map((t) => t.completedBy).pop();
    if (!approvedBy) return { kind: 'fail', message: 'No completed review task records who approved the erasures', retries: 0 };
    const notes = job.variables.approvalNotes;
    const approval = { reviewRef: `retention-review:${job.instanceKey}`, approvedBy, ...(typeof notes === 'string' && notes ? { approvalNotes: notes } : {}) };
    // Reductions first: a case is in one list only, and a reduced case's erasure comes in a later review.
    const toReduce = Array.isArray(review?.reduce) ? review.reduce : [];
    const reductions = await reduceApprovedCases({ holds: deps.holds, audit: deps.audit, reduce: deps.reduce ?? reductionNotWired }, {
      ...approval, cases: toReduce.map((r) => ({ caseId: r.caseId, ruleId: r.ruleId, ...(r.basicRecordOn ? { basicRecordOn: r.basicRecordOn } : {}) })),
    });
    const outcomes = due.length || !toReduce.length
      ? await eraseApprovedCases(deps, { ...approval, cases: due.map((d) => ({ caseId: d.caseId, ruleId: d.ruleId, dueOn: d.dueOn })) })
      : [];
    const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
    const leftBehind = [...new Set(outcomes.flatMap((o) => ('notErased' in o && o.notErased) || []))];
    const summary = `${count('erased')} erased, ${count('held')} held and kept, ${count('not-implemented')} not erased because erasure is not implemented yet, ${count('failed')} failed`
      + leftBehind.map((l) => `. Not deleted: ${l}`).join('');
    const reduced = (o: string) => reductions.filter((x) => x.outcome === o).length;
    const reductionSummary = `${reduced('reduced')} reduced to a basic record, ${reduced('held')} held and kept, ${reduced('not-implemented') + reduced('failed')} not reduced`;
    return { kind: 'complete', variables: { erasureOutcomes: outcomes, erasureSummary: summary, reductionOutcomes: reductions, reductionSummary } };
  };
}
