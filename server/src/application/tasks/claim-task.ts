// Claiming takes a task from the team queue into My tasks. Two people claiming at once: the repository
// lets exactly one win and tells the other (ConflictError TASK_ALREADY_CLAIMED → 409).
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { auditActor, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { assertCandidate, loadTaskFor } from './task-access';

export interface ClaimTaskDeps {
  tasks: TaskRepository;
  policy: AccessPolicy;
  clock: Clock;
  audit?: CaseAuditSink;
}

export async function claimTask(deps: ClaimTaskDeps, actor: Actor, taskId: string): Promise<QueueTask> {
  requireAction(deps.policy, actor, 'claim', 'claim tasks');
  const task = await loadTaskFor(deps, actor, taskId, false);
  assertCandidate(actor, task);
  const claimed = await deps.tasks.claim(task.id, actor.id, deps.clock.now().toISOString());
  await deps.audit?.record({ actor: auditActor(actor), action: 'task.claim', recordType: 'task', recordId: task.id, ...(task.caseId ? { after: { caseId: task.caseId } } : {}) });
  return claimed;
}
