// Releasing a claim puts the task back in the team queue. Only the assignee can release it; a manager
// moves someone else's task with reassign instead (so the history says who decided). The engine is told
// too (its assigning listeners may refuse, and then the claim is restored).
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { auditActor, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { assignInEngine, followEngineAssignee, type AssignEngine } from './claim-task';
import { loadTaskToActOn } from './task-access';
import type { CaseRepository } from '../../ports/case-repository.port';

export interface UnclaimTaskDeps {
  tasks: TaskRepository;
  engine: AssignEngine;
  policy: AccessPolicy;
  cases: Pick<CaseRepository, 'labelsOf'>;
  clock: Clock;
  audit?: CaseAuditSink;
}

export async function unclaimTask(deps: UnclaimTaskDeps, actor: Actor, taskId: string): Promise<QueueTask> {
  const task = await loadTaskToActOn(deps, actor, taskId, false);
  const released = await deps.tasks.unclaim(task.id, actor.id);
  const at = deps.clock.now().toISOString();
  const result = await assignInEngine(deps.engine, task.id, null, { by: actor.id, action: 'unassign', verb: 'Releasing' },
    () => deps.tasks.claim(task.id, actor.id, task.claimedAt ?? at));
  const corrected = await followEngineAssignee(deps.tasks, task.id, null, result, at);
  await deps.audit?.record({ actor: auditActor(actor), action: 'task.unclaim', recordType: 'task', recordId: task.id, ...(task.caseId ? { after: { caseId: task.caseId } } : {}) });
  return corrected ?? released;
}
