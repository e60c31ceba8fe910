// Who may act on a task. A task is offered to its candidate groups (roles) and candidate users; once
// claimed it belongs to its assignee. Managers (the 'allocate' action) may move work between people.
// Above all that sits the case rule (case-access.ts): a task of a case is another team's work unless the
// case is in one of the actor's teams; break-glass lets its page be read, never acted on.
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { TaskRepository } from '../../ports/task-repository.port';
import { caseReach, type Actor, type CaseReach, type CaseScopeDeps } from '../cases/case-access';

export type TaskAccessDeps = { tasks: TaskRepository } & CaseScopeDeps;

export const isCandidate = (actor: Actor, task: Pick<QueueTask, 'candidateGroups' | 'candidateUsers'>): boolean =>
  task.candidateUsers.includes(actor.id) || task.candidateGroups.some((g) => actor.roles.includes(g));

const notFound = (taskId: string) => new NotFoundError(`No task ${taskId}`, 'TASK_NOT_FOUND');

/**
 * Seeing a task: its assignee, its candidates, and managers — of the case's teams; another team's task
 * only with a break-glass reason. Others get "not found" (no probing). Returns how the case was reached.
 */
export async function loadTaskFor(
  deps: TaskAccessDeps, actor: Actor, taskId: string, managerView: boolean, reason?: string,
): Promise<{ task: QueueTask; reach: CaseReach }> {
  const task = await deps.tasks.findById(taskId);
  if (!task || !(task.assignee === actor.id || task.completedBy === actor.id || isCandidate(actor, task) || managerView)) throw notFound(taskId);
  const reach = await caseReach(deps, actor, task.caseId, reason);
  if (reach === 'none') throw notFound(taskId);
  return { task, reach };
}

/** Acting on a task (claim, unclaim, reassign, complete): as seeing it, and never across teams. */
export async function loadTaskToActOn(deps: TaskAccessDeps, actor: Actor, taskId: string, managerView: boolean): Promise<QueueTask> {
  const { task, reach } = await loadTaskFor(deps, actor, taskId, managerView);
  if (reach !== 'team' && reach !== 'unscoped') throw notFound(taskId);
  return task;
}

export function assertCandidate(actor: Actor, task: QueueTask): void {
  if (!isCandidate(actor, task)) {
    throw new ForbiddenError(`This task is for ${task.candidateGroups.join(', ') || 'named people'}; your roles do not include it`, 'NOT_A_CANDIDATE');
  }
}
