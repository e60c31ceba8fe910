// Later work of an allocated case goes to its allocated worker: a new case-manager task of any of the
// case's processes (intake's next steps, a called assessment, a process started from the case page) is
// projected into the queue already assigned to the case's caseManagerId — if that person is still an
// active case manager of the case's team; otherwise it waits in the team queue as before. The engine is
// told afterwards (tellEngine): the projection runs inside the engine's step, which holds the instance,
// so the assignment is queued behind it instead of awaited there.
import { isCaseManagerWork, mayBeAllocated } from '../../domain/cases/allocation';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { assignInEngine, type AssignEngine } from './claim-task';

export interface RouteDeps {
  cases: Pick<CaseRepository, 'findById'>;
  users: Pick<UserRepository, 'findById'>;
}

/** The allocated worker a new task goes to, when it is case-manager work of an allocated case. */
export async function allocatedWorkerFor(
  deps: RouteDeps, task: { caseId?: string; candidateGroups: readonly string[]; assignee?: string },
): Promise<string | undefined> {
  if (task.assignee || !task.caseId || !isCaseManagerWork(task)) return undefined;
  const record = await deps.cases.findById(task.caseId);
  if (!record?.caseManagerId || record.status !== 'open') return undefined;
  const worker = await deps.users.findById(record.caseManagerId);
  return mayBeAllocated(worker, record.team) ? worker.id : undefined;
}

/**
 * After the engine's step: assigns the task in the engine too (its assigning listeners run). A refusal puts
 * the task back in the team queue, as the engine has it; failures are reported, never thrown.
 */
export function tellEngine(
  deps: { engine: AssignEngine; tasks: Pick<TaskRepository, 'reassign'>; now: () => Date; onError(e: unknown): void },
  taskId: string, worker: string,
): void {
  setImmediate(() => {
    const at = deps.now().toISOString();
    assignInEngine(deps.engine, taskId, worker, { by: 'system', action: 'assign', verb: 'Routing to the allocated worker' },
      () => deps.tasks.reassign(taskId, undefined, at)).catch(deps.onError);
  });
}
