// Answers (a submission or a draft) filed against a task or a case follow the case rule (case-access.ts):
// only work of the actor's own teams, never another team's case, whatever the request claims. A task's
// case is the task's, not the client's: a draft or submission naming a task records that task's case.
import { NotFoundError, ValidationError } from '../domain/errors';
import type { FormActor } from '../domain/forms/form-version';

export interface FormWorkScopeDeps {
  /** Case visibility from the cases module: filing answers against a case one cannot see is refused. */
  canSeeCase?(actor: FormActor, caseId: string): Promise<boolean>;
  /**
   * The case of a task the actor may work on (undefined: a task without a case); throws "not found" for a
   * task that is not theirs to work on (another team's, or no task at all).
   */
  caseOfTask?(actor: FormActor, taskId: string): Promise<string | undefined>;
}

/** The case to file the answers against, after checking the actor may work on it. */
export async function scopeFormWork(
  deps: FormWorkScopeDeps, actor: FormActor, ref: { taskId?: string; caseId?: string },
): Promise<string | undefined> {
  let caseId = ref.caseId;
  if (ref.taskId && deps.caseOfTask) {
    const ofTask = await deps.caseOfTask(actor, ref.taskId);
    if (caseId && caseId !== ofTask) {
      throw new ValidationError('These answers name another case than their task\'s', { caseId: 'Not the case of this task' }, 'CASE_NOT_OF_TASK');
    }
    caseId = ofTask;
  }
  if (caseId && deps.canSeeCase && !(await deps.canSeeCase(actor, caseId))) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  return caseId;
}
