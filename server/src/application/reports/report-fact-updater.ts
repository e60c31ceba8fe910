// Keeps the reporting projection up to date from engine events without slowing the work that caused
// them: an event only notes the task's id, and the facts are written afterwards, in batches, off the
// completion's path (the engine awaits its listeners; this one returns at once). Notes of the same task
// coalesce. A failure is logged and the task left as it was: the rebuild (rebuild-report-facts.ts) heals
// what a failure or a crash between an event and its write left behind.
import type { TaskFact } from '../../domain/reports/task-fact';
import type { EngineEvent } from '../../ports/workflow-engine.port';
import { taskFactChange, type ProjectTaskFactDeps } from './project-task-fact';
import { factDrain, type DrainPacing } from './background-drain';

export interface ReportFactUpdater {
  /** The engine event listener. */
  onEvent(event: EngineEvent): void;
  /** Resolves once every noted task has been written, with the counts it changed (tests; a clean stop). */
  idle(): Promise<void>;
}

const TASK_EVENTS = new Set(['user-task.created', 'user-task.completed', 'user-task.cancelled', 'user-task.assigned', 'user-task.updated', 'user-task.migrated']);

export function createReportFactUpdater(deps: ProjectTaskFactDeps & { onError(err: unknown, taskId: string): void; pacing?: DrainPacing }): ReportFactUpdater {
  // task id → reclassify (a migrated task's timescale is looked up again)
  const queue = factDrain<TaskFact, boolean>(
    (taskId, reclassify) => taskFactChange(deps, taskId, reclassify), deps.facts, deps.onError, deps.pacing,
  );

  return {
    onEvent(event) {
      if (!TASK_EVENTS.has(event.type) || !('task' in event)) return;
      queue.note(event.task.key, queue.noted(event.task.key) || event.type === 'user-task.migrated');
    },
    async idle() {
      await queue.idle();
      await deps.facts.flush?.();
    },
  };
}
