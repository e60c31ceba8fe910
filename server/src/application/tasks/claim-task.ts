// Claiming takes a task from the team queue into My tasks. Two people claiming at once: the repository
// lets exactly one win and tells the other (ConflictError TASK_ALREADY_CLAIMED → 409). The engine is told
// afterwards, so the process's `assigning` task listeners run; if one refuses, the claim is undone.
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { TaskChangeDeniedError, type UserTaskChangeResult, type WorkflowEngine } from '../../ports/workflow-engine.port';
import { auditActor, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import { assertCandidate, loadTaskToActOn } from './task-access';
import type { CaseRepository } from '../../ports/case-repository.port';

export type AssignEngine = Pick<WorkflowEngine, 'assignUserTask'>;

export interface ClaimTaskDeps {
  tasks: TaskRepository;
  engine: AssignEngine;
  policy: AccessPolicy;
  cases: Pick<CaseRepository, 'labelsOf'>;
  clock: Clock;
  audit?: CaseAuditSink;
}

export async function claimTask(deps: ClaimTaskDeps, actor: Actor, taskId: string): Promise<QueueTask> {
  requireAction(deps.policy, actor, 'claim', 'claim tasks');
  const task = await loadTaskToActOn(deps, actor, taskId, false);
  assertCandidate(actor, task);
  const { claimed, corrected } = await takeClaim(deps, actor.id, task.id, deps.clock.now().toISOString());
  await deps.audit?.record({
    actor: auditActor(actor), action: 'task.claim', recordType: 'task', recordId: task.id,
    ...(task.caseId || corrected ? { after: { ...(task.caseId ? { caseId: task.caseId } : {}), ...(corrected ? { assignee: corrected.assignee ?? null } : {}) } } : {}),
  });
  return corrected ?? claimed;
}

/**
 * The claim itself, shared by claiming and by completing an unclaimed task: the queue's race-safe write
 * (someone faster → 409), then the engine's assigning listeners (a refusal undoes it → 409). `corrected` is
 * the row when a listener gave the task to someone else.
 */
export async function takeClaim(
  deps: Pick<ClaimTaskDeps, 'tasks' | 'engine'>, userId: string, taskId: string, at: string,
): Promise<{ claimed: QueueTask; corrected?: QueueTask }> {
  const claimed = await deps.tasks.claim(taskId, userId, at);
  const result = await assignInEngine(deps.engine, taskId, userId, { by: userId, action: 'claim', verb: 'Claiming' }, () => deps.tasks.unclaim(taskId, userId));
  const corrected = await followEngineAssignee(deps.tasks, taskId, userId, result, at);
  return { claimed, ...(corrected ? { corrected } : {}) };
}

/**
 * Tells the engine about an assignment the queue has just made (the queue's race-safe write decides who
 * wins; the engine runs the process's assigning listeners). When the engine refuses — a listener denied it,
 * another change of the task is under way, or the task closed meanwhile — the queue change is undone and
 * the caller gets a 409 saying why. A task the engine does not know (imported into the queue) stays
 * queue-only.
 */
export async function assignInEngine(
  engine: AssignEngine, taskId: string, assignee: string | null, how: { by: string; action: string; verb: string }, undo: () => Promise<unknown>,
): Promise<UserTaskChangeResult | undefined> {
  try {
    return await engine.assignUserTask(taskId, assignee, { by: how.by, action: how.action });
  } catch (e) {
    if (e instanceof NotFoundError && e.code === 'TASK_NOT_FOUND') return undefined;
    await undo();
    if (e instanceof TaskChangeDeniedError) {
      throw new ConflictError(`${how.verb} this task was refused by the process${e.reason ? `: ${e.reason}` : ''}. Nothing was changed.`, e.code);
    }
    if (e instanceof ConflictError && e.code === 'TASK_BUSY') {
      throw new ConflictError(`${how.verb} this task has to wait: the process is still handling an earlier change. Try again in a moment.`, e.code);
    }
    throw e;
  }
}

/** A listener may correct the assignee (Camunda 8.8 corrections): the queue then follows the engine. */
export async function followEngineAssignee(
  tasks: TaskRepository, taskId: string, requested: string | null, result: UserTaskChangeResult | undefined, at: string,
): Promise<QueueTask | undefined> {
  if (result?.status !== 'applied' || !result.task) return undefined;
  const actual = result.task.assignee ?? null;
  return actual === requested ? undefined : tasks.reassign(taskId, actual ?? undefined, at);
}
