// Who may act on a task. A task is offered to its candidate groups (roles) and candidate users; once
// claimed it belongs to its assignee. Managers (the 'allocate' action) may move work between people.
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { Actor } from '../cases/case-access';

export const isCandidate = (actor: Actor, task: Pick<QueueTask, 'candidateGroups' | 'candidateUsers'>): boolean =>
  task.candidateUsers.includes(actor.id) || task.candidateGroups.some((g) => actor.roles.includes(g));

/** Seeing a task: its assignee, its candidates, and managers. Others get "not found" (no probing). */
export async function loadTaskFor(deps: { tasks: TaskRepository }, actor: Actor, taskId: string, managerView: boolean): Promise<QueueTask> {
  const task = await deps.tasks.findById(taskId);
  if (!task || !(task.assignee === actor.id || task.completedBy === actor.id || isCandidate(actor, task) || managerView)) {
    throw new NotFoundError(`No task ${taskId}`, 'TASK_NOT_FOUND');
  }
  return task;
}

export function assertCandidate(actor: Actor, task: QueueTask): void {
  if (!isCandidate(actor, task)) {
    throw new ForbiddenError(`This task is for ${task.candidateGroups.join(', ') || 'named people'}; your roles do not include it`, 'NOT_A_CANDIDATE');
  }
}
