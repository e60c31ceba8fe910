// Releasing a claim puts the task back in the team queue. Only the assignee can release it; a manager
// moves someone else's task with reassign instead (so the history says who decided).
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { TaskRepository } from '../../ports/task-repository.port';
import { auditActor, type Actor, type CaseAuditSink } from '../cases/case-access';
import { loadTaskFor } from './task-access';

export async function unclaimTask(deps: { tasks: TaskRepository; audit?: CaseAuditSink }, actor: Actor, taskId: string): Promise<QueueTask> {
  const task = await loadTaskFor(deps, actor, taskId, false);
  const released = await deps.tasks.unclaim(task.id, actor.id);
  await deps.audit?.record({ actor: auditActor(actor), action: 'task.unclaim', recordType: 'task', recordId: task.id, ...(task.caseId ? { after: { caseId: task.caseId } } : {}) });
  return released;
}
