// Start-up recovery of completions a crash interrupted after their answers were stored. A client that
// retries finishes its own completion (complete-task.ts), but someone who closed the browser never does:
// their task would stay open and claimed, their answers stored but not in the case, no audit trail.
// Such a completion is decided (its submission is stored), so it is finished here as its author would
// have finished it, through the same idempotent steps (finish-completion.ts). What to look at is small:
// a completion claims its task before storing the submission and stores its audit events before the
// engine moves on, so only an open, claimed task can have a stored submission with something missing.
// The consents its form captured are recorded too (capture-completion-consents.ts, once by the submission):
// without this a completion nobody retried left a consent only in its submission, with no consent record,
// so neither the case header nor a later withdrawal knew of it.
import type { AuditActor } from '../../domain/audit/audit-event';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { SubmissionRepository } from '../../ports/form-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { captureCompletionConsents, type CaptureConsents } from './capture-completion-consents';
import { finishCompletion, type FinishCompletionDeps } from './finish-completion';
import { submissionIdForTask } from './get-task';

export interface RecoverCompletionsDeps extends FinishCompletionDeps {
  tasks: Pick<TaskRepository, 'recordClosed' | 'findById' | 'search'>;
  engine: Pick<WorkflowEngine, 'completeUserTask' | 'getInstance'>;
  /** The consent module's capture (absent where consent is not wired). */
  captureConsents?: CaptureConsents;
  submissions: Pick<SubmissionRepository, 'get'>;
  /** The author's roles for the audit event, as a request would have recorded them. */
  users?: { findById(id: string): Promise<{ roles: readonly string[] } | undefined> };
}

export interface RecoveryOutcome {
  /** Open, claimed tasks looked at. */
  checked: number;
  /** Completions finished here. */
  finished: number;
  /** Tasks whose completion could not be finished (the next start tries again). */
  failed: { taskId: string; error: unknown }[];
}

const PAGE = 500;

export async function recoverCompletions(deps: RecoverCompletionsDeps, stopping: () => boolean = () => false): Promise<RecoveryOutcome> {
  const claimed = await openClaimedTasks(deps);
  const outcome: RecoveryOutcome = { checked: claimed.length, finished: 0, failed: [] };
  for (const task of claimed) {
    if (stopping()) break;
    try {
      const submission = await deps.submissions.get(submissionIdForTask(task.id));
      if (!submission) continue; // claimed, not completed: nothing was decided
      const user = await deps.users?.findById(submission.submittedBy);
      const actor: AuditActor = { id: submission.submittedBy, ...(user ? { roles: [...user.roles] } : {}) };
      // Read while the instance still waits at this task, as the request read them before completing it.
      const variables = deps.captureConsents ? (await deps.engine.getInstance(task.instanceKey))?.variables : undefined;
      await finishCompletion(deps, actor, task.id, submission, { fresh: false });
      await captureCompletionConsents(deps, actor, submission, variables);
      outcome.finished++;
    } catch (error) {
      outcome.failed.push({ taskId: task.id, error });
    }
  }
  return outcome;
}

/** Collected before anything is finished: finishing closes tasks, which would shift later pages. */
async function openClaimedTasks(deps: RecoverCompletionsDeps): Promise<QueueTask[]> {
  const found: QueueTask[] = [];
  for (let offset = 0; ; offset += PAGE) {
    const page = await deps.tasks.search({ state: 'open' }, { field: 'createdAt', direction: 'asc' }, { offset, limit: PAGE });
    found.push(...page.items.filter((t) => t.assignee));
    if (page.items.length < PAGE) return found;
  }
}
