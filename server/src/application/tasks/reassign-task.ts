// Managers allocate work: give a task to a named person (who must be able to do it) or put it back in
// the team queue (toUserId omitted). The engine's assigning listeners run too; a refusal restores the
// previous assignee.
import { ValidationError } from '../../domain/errors';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { auditActor, mayActOnCase, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { assignInEngine, followEngineAssignee, type AssignEngine } from './claim-task';
import { isCandidate, loadTaskToActOn } from './task-access';
import type { CaseRepository } from '../../ports/case-repository.port';

export interface ReassignTaskDeps {
  tasks: TaskRepository;
  engine: AssignEngine;
  users: Pick<UserRepository, 'findById'>;
  policy: AccessPolicy;
  cases: Pick<CaseRepository, 'labelsOf'>;
  clock: Clock;
  audit?: CaseAuditSink;
}

export async function reassignTask(deps: ReassignTaskDeps, actor: Actor, taskId: string, toUserId: string | undefined): Promise<QueueTask> {
  requireAction(deps.policy, actor, 'reassign', 'reassign tasks');
  const task = await loadTaskToActOn(deps, actor, taskId, true);
  if (toUserId) {
    const user = await deps.users.findById(toUserId);
    if (!user || !user.active) throw new ValidationError('Choose an active user', { toUserId: `No active user ${toUserId}` }, 'UNKNOWN_USER');
    const assignee = { id: user.id, roles: user.roles, teams: user.teams };
    if (!isCandidate(assignee, task)) {
      throw new ValidationError(`${user.displayName} cannot do this task`, {
        toUserId: `${user.displayName} is not in ${task.candidateGroups.join(', ') || 'the task\'s candidates'}`,
      }, 'NOT_A_CANDIDATE');
    }
    // The same case rule as for the manager: work of a case goes only to members of the case's team.
    if (!(await mayActOnCase(deps, assignee, task.caseId))) {
      throw new ValidationError(`${user.displayName} cannot do this task`, {
        toUserId: `${user.displayName} is not in the team of this task's case`,
      }, 'NOT_IN_CASE_TEAM');
    }
  }
  const at = deps.clock.now().toISOString();
  const moved = await deps.tasks.reassign(task.id, toUserId, at);
  const result = await assignInEngine(deps.engine, task.id, toUserId ?? null, { by: actor.id, action: toUserId ? 'assign' : 'unassign', verb: 'Reassigning' },
    () => deps.tasks.reassign(task.id, task.assignee, task.claimedAt ?? at));
  const corrected = await followEngineAssignee(deps.tasks, task.id, toUserId ?? null, result, at);
  await deps.audit?.record({
    actor: auditActor(actor), action: 'task.reassign', recordType: 'task', recordId: task.id,
    before: { assignee: task.assignee ?? null }, after: { assignee: corrected ? corrected.assignee ?? null : toUserId ?? null, ...(task.caseId ? { caseId: task.caseId } : {}) },
  });
  return corrected ?? moved;
}
