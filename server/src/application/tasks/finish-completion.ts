// The decided part of a completion. Once its submission is stored the answers are final, and every step
// here is keyed by that submission, so it may run any number of times — the request itself, the same
// person's retry, start-up recovery when nobody retries (recover-completions.ts) — and leaves each effect
// once: the case amendments (per section), the `case.write` and `task.complete` audit events (keyed
// `<submissionId>:case.write` / `<submissionId>:task.complete`, stored once by the audit log), the engine's
// step (completing twice completes once) and the queue row.
// The audit events are stored before the engine moves on: a task the engine has completed has its trail,
// so a crash leaves work only where a submission is stored and its task is still open — which is exactly
// what a retry meets and what recovery looks for. (Before, they were stored alongside the engine step,
// and a kill in between left a completed task with no trail that nothing would ever write.)
// The queue row is closed by the engine's own `user-task.completed` event (project-engine-event.ts), which
// both engines announce before their completion returns — and, with `completing` task listeners, only once
// the task really closes. A first attempt leaves it to that event, and closes the row only when it is still
// open once the engine returned (the event's projection failed: listeners' errors are logged, not thrown);
// a repeat closes the row itself, because the attempt it repeats may have stopped after the engine's step
// was stored but before it was announced.
import type { AuditActor } from '../../domain/audit/audit-event';
import type { CaseRecord } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import type { FormSubmission, FormVersion } from '../../domain/forms/form-version';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { FormRepository } from '../../ports/form-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { CaseAuditSink } from '../cases/case-access';
import { amendCase } from '../cases/apply-submission-to-case';
import { getForm } from '../get-form';
import { allocationFields } from '../../domain/cases/allocation';

export interface FinishCompletionDeps {
  tasks: Pick<TaskRepository, 'recordClosed' | 'findById'>;
  engine: Pick<WorkflowEngine, 'completeUserTask'>;
  forms: FormRepository;
  cases: CaseRepository;
  audit?: CaseAuditSink;
  /**
   * Makes an allocation the form recorded real (allocate-case.ts): the case names its worker and its
   * case-manager work goes to them — before the engine moves on, so the next tasks are created for them.
   */
  allocate?: (actor: AuditActor, a: { caseId: string; toUserId: string; key: string; via: 'task' }) => Promise<unknown>;
}

export interface FinishOptions {
  /** This attempt stored the submission itself: nothing of it can have been applied yet (no lookups). */
  fresh: boolean;
  /** The form version just validated against, when this attempt stored the submission. */
  form?: FormVersion;
  /** The case as read while the submission was being stored. */
  record?: CaseRecord;
}

/** Returns the sections this attempt amended (a retry that finds them applied amends none). */
export async function finishCompletion(
  deps: FinishCompletionDeps, actor: AuditActor, taskId: string, submission: FormSubmission, opts: FinishOptions,
): Promise<CaseSection[]> {
  const form = opts.form ?? (submission.formId ? await getForm(deps, submission.formId, submission.version) : undefined);
  const { applied, caseWrite } = form && submission.caseId
    ? await amendCase(deps, { ...submission, caseId: submission.caseId }, form.schema, { fresh: opts.fresh, record: opts.record })
    : { applied: [], caseWrite: undefined };
  // Recorded side by side, so the two events share one batch of the audit log (one commit).
  await Promise.all([
    caseWrite && deps.audit?.record(caseWrite),
    deps.audit?.record({
      key: `${submission.id}:task.complete`,
      actor, action: 'task.complete', recordType: 'task', recordId: taskId, sections: caseWrite?.sections ?? [],
      after: {
        submissionId: submission.id,
        ...(submission.formId ? { formId: submission.formId, version: submission.version } : {}),
        ...(submission.caseId ? { caseId: submission.caseId } : {}),
      },
    }),
  ]);
  if (deps.allocate && submission.caseId) {
    for (const field of allocationFields(form?.schema)) {
      const to = submission.data[field.key];
      if (typeof to === 'string' && to) await deps.allocate(actor, { caseId: submission.caseId, toUserId: to, key: `${submission.id}:case.allocate`, via: 'task' });
    }
  }
  await deps.engine.completeUserTask(taskId, submission.data, { by: submission.submittedBy });
  // A first attempt heals a row its event left open (the engine logs and swallows a failed projection): the
  // normal path finds it closed and writes nothing; a repeat closes it anyway (see the top of this file).
  const close = !opts.fresh || (await deps.tasks.findById(taskId))?.state === 'open';
  if (close) await deps.tasks.recordClosed(taskId, 'completed', submission.submittedAt, submission.submittedBy);
  return applied.map((a) => a.section);
}
