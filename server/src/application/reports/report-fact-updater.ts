// Keeps the reporting projection up to date from engine events without slowing the work that caused
// them: an event only notes the task's id, and the facts are written afterwards, one task at a time, off
// the completion's path (the engine awaits its listeners; this one returns at once). Notes of the same
// task coalesce. A failure is logged and the task left as it was: the rebuild (rebuild-report-facts.ts)
// heals what a failure or a crash between an event and its write left behind.
import type { EngineEvent } from '../../ports/workflow-engine.port';
import { projectTaskFact, type ProjectTaskFactDeps } from './project-task-fact';

export interface ReportFactUpdater {
  /** The engine event listener. */
  onEvent(event: EngineEvent): void;
  /** Resolves once every noted task has been written (tests; a clean stop). */
  idle(): Promise<void>;
}

const TASK_EVENTS = new Set(['user-task.created', 'user-task.completed', 'user-task.cancelled', 'user-task.assigned', 'user-task.updated', 'user-task.migrated']);

export function createReportFactUpdater(deps: ProjectTaskFactDeps & { onError(err: unknown, taskId: string): void }): ReportFactUpdater {
  const pending = new Map<string, boolean>(); // task id → reclassify
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    // Let the listeners after this one (the task queue's own write, for one) run before reading the row.
    await new Promise((resolve) => setImmediate(resolve));
    for (const [taskId, reclassify] of pending) {
      pending.delete(taskId);
      await projectTaskFact(deps, taskId, reclassify).catch((err) => deps.onError(err, taskId));
    }
  }

  const kick = () => {
    draining ??= drain().finally(() => {
      draining = undefined;
      if (pending.size) kick();
    });
  };

  return {
    onEvent(event) {
      if (!TASK_EVENTS.has(event.type) || !('task' in event)) return;
      pending.set(event.task.key, pending.get(event.task.key) || event.type === 'user-task.migrated');
      kick();
    },
    async idle() {
      while (draining) await draining;
    },
  };
}
