// Keeps the KPI projection up to date from task completions without slowing them: a completion's event
// only notes its submission's id (the submission is stored before the engine moves on, complete-task.ts),
// and the fact is written afterwards, off the completion's path. Only submissions of forms that feed an
// indicator are written (the stored submission names its form). A failure is logged; the rebuild
// (rebuild-kpi-facts.ts) heals it.
import type { EngineEvent } from '../../ports/workflow-engine.port';
import { submissionIdForTask } from '../tasks/get-task';
import { projectKpiFact, type ProjectKpiFactDeps } from './project-kpi-fact';
import { backgroundDrain } from './background-drain';

export interface KpiFactUpdater {
  onEvent(event: EngineEvent): void;
  /** Resolves once every noted submission has been written (tests; a clean stop). */
  idle(): Promise<void>;
}

export function createKpiFactUpdater(deps: ProjectKpiFactDeps & { onError(err: unknown, submissionId: string): void }): KpiFactUpdater {
  const queue = backgroundDrain<true>((id) => projectKpiFact(deps, id).catch((err) => deps.onError(err, id)));

  return {
    onEvent(event) {
      if (event.type !== 'user-task.completed') return;
      queue.note(submissionIdForTask(event.task.key), true);
    },
    idle: () => queue.idle(),
  };
}
