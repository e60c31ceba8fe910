// Job types of processes/retention-review.bpmn:
//   retention-dry-run         → retentionReview (the list as data), retentionReviewText (in words), dueCount
//   retention-erase-approved  → erasureOutcomes, erasureSummary: runs the approved erasures, case by case
// Who approved is read from the completed review task of the instance (the engine records its completer),
// not from a form field a person could type.
import { dryRunText } from '../domain/retention';
import { runRetentionDryRun } from '../application/retention/run-retention-dry-run';
import { type EraseApprovedDeps, type ErasureRequest, eraseApprovedCases } from '../application/retention/erase-approved-cases';
import type { RetentionDeps } from '../application/retention/retention-deps';
import type { JobHandler, WorkflowEngine } from '../ports/workflow-engine.port';

export const RETENTION_DRY_RUN_JOB_TYPE = 'retention-dry-run';
export const RETENTION_ERASE_JOB_TYPE = 'retention-erase-approved';
export const REVIEW_TASK_ELEMENT = 'reviewErasures';

export function createRetentionDryRunJob(deps: Pick<RetentionDeps, 'schedule' | 'holds' | 'cases' | 'clock'>): JobHandler {
  return async () => {
    const result = await runRetentionDryRun(deps);
    const slim = (i: (typeof result.due)[number]) => ({ caseId: i.caseId, ruleId: i.ruleId, code: i.code, anchorOn: i.anchorOn, dueOn: i.dueOn, text: i.text, holds: i.holds.length });
    return {
      kind: 'complete',
      variables: {
        retentionReview: { today: result.today, scheduleVersion: result.scheduleVersion, checked: result.checked, due: result.due.map(slim), held: result.held.map(slim), unruled: result.unruled.length },
        retentionReviewText: dryRunText(result),
        dueCount: result.due.length,
        heldCount: result.held.length,
      },
    };
  };
}

export function createRetentionEraseJob(deps: EraseApprovedDeps & { engine: Pick<WorkflowEngine, 'listUserTasks'> }): JobHandler {
  return async (job) => {
    const review = job.variables.retentionReview as { due?: ErasureRequest[] } | undefined;
    const due = Array.isArray(review?.due) ? review.due : [];
    const tasks = await deps.engine.listUserTasks({ instanceKey: job.instanceKey, state: 'completed' });
    const approvedBy = tasks.filter((t) => t.elementId === REVIEW_TASK_ELEMENT).map((t) => t.completedBy).pop();
    if (!approvedBy) return { kind: 'fail', message: 'No completed review task records who approved the erasures', retries: 0 };
    const notes = job.variables.approvalNotes;
    const outcomes = await eraseApprovedCases(deps, {
      reviewRef: `retention-review:${job.instanceKey}`, approvedBy, cases: due.map((d) => ({ caseId: d.caseId, ruleId: d.ruleId, dueOn: d.dueOn })),
      ...(typeof notes === 'string' && notes ? { approvalNotes: notes } : {}),
    });
    const count = (o: string) => outcomes.filter((x) => x.outcome === o).length;
    const summary = `${count('erased')} erased, ${count('held')} held and kept, ${count('not-implemented')} not erased because erasure is not implemented yet, ${count('failed')} failed`;
    return { kind: 'complete', variables: { erasureOutcomes: outcomes, erasureSummary: summary } };
  };
}
