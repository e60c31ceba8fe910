// Keeps the task queue projection in step with the engine. Engine events are delivered at least
// once, so every step here is idempotent (see TaskRepository). The case of a task is its instance's
// `caseId` variable (design.md): Zeebe has no business key, and a called process inherits the variable
// from its parent (or, when its input mappings left it out, takes its caller's: caseOfInstance), so tasks
// of called processes carry their case and team like any other.
import type { EngineEvent, WorkflowEngine } from '../../ports/workflow-engine.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { caseOfInstance } from '../monitor/instance-scope';

export interface ProjectEngineEventDeps {
  tasks: TaskRepository;
  engine: Pick<WorkflowEngine, 'getInstance'>;
  /** Team owning a case, when the case record knows it; tasks of unknown cases have no team. */
  teamOfCase?: (caseId: string) => Promise<string | undefined>;
  now: () => Date;
  /** The case's allocated worker for case-manager work (route-to-allocated-worker.ts); absent: team queue only. */
  allocatedWorkerFor?: (task: { caseId?: string; candidateGroups: readonly string[]; assignee?: string }) => Promise<string | undefined>;
  /** Tells the engine about that assignment once its step is over. */
  assignLater?: (taskId: string, worker: string) => void;
}

export async function projectEngineEvent(deps: ProjectEngineEventDeps, event: EngineEvent): Promise<void> {
  switch (event.type) {
    case 'user-task.created': {
      const t = event.task;
      const instance = await deps.engine.getInstance(t.instanceKey);
      const caseId = instance ? await caseOfInstance(deps.engine, instance) : undefined;
      const routed = deps.allocatedWorkerFor ? await deps.allocatedWorkerFor({ caseId, candidateGroups: t.candidateGroups, assignee: t.assignee }) : undefined;
      const inserted = await deps.tasks.recordCreated({
        id: t.key,
        instanceKey: t.instanceKey,
        processId: t.processId,
        processVersion: t.processVersion,
        elementId: t.elementId,
        name: t.name,
        candidateGroups: t.candidateGroups,
        candidateUsers: t.candidateUsers,
        assignee: t.assignee ?? routed,
        dueDate: t.dueDate,
        followUpDate: t.followUpDate,
        formId: t.formId,
        priority: t.priority,
        caseId,
        team: caseId && deps.teamOfCase ? await deps.teamOfCase(caseId) : undefined,
        createdAt: t.createdAt,
      });
      // A replay (reconciliation announces every open task a server has not seen) finds the row and must
      // not route again: the task may since have been released, reassigned or freshly claimed.
      if (routed && inserted) deps.assignLater?.(t.key, routed);
      return;
    }
    case 'user-task.completed':
      // The one close of a completed task's row (finish-completion.ts leaves it here); a replayed event finds
      // the row closed and changes nothing.
      await deps.tasks.recordClosed(event.task.key, 'completed', event.task.completedAt ?? deps.now().toISOString(), event.task.completedBy);
      return;
    case 'user-task.cancelled':
      await deps.tasks.recordClosed(event.task.key, 'cancelled', deps.now().toISOString());
      return;
    case 'user-task.migrated':
      await deps.tasks.recordMigrated(event.task.key, { processVersion: event.task.processVersion, elementId: event.task.elementId, name: event.task.name });
      return;
    default:
      return;
  }
}
