// Keeps the KPI projection up to date from task completions without slowing them: a completion's event
// only notes its submission's id (the submission is stored before the engine moves on, complete-task.ts),
// and the facts are written afterwards, in batches, off the completion's path. A completion of a task whose
// form feeds no indicator is not noted (its submission records the task's form, complete-task.ts), so most
// completions cost the projection nothing; a task naming no form is read, as its submission says which.
// A failure is logged; the rebuild (rebuild-kpi-facts.ts) heals it.
import type { KpiFact } from '../../domain/reports/kpi-fact';
import { KPI_FORMS } from '../../domain/reports/kpi-sources';
import type { EngineEvent } from '../../ports/workflow-engine.port';
import { submissionIdForTask } from '../tasks/get-task';
import { kpiFactChange, type ProjectKpiFactDeps } from './project-kpi-fact';
import { factDrain, type DrainPacing } from './background-drain';

export interface KpiFactUpdater {
  onEvent(event: EngineEvent): void;
  /** Resolves once every noted submission has been written (tests; a clean stop). */
  idle(): Promise<void>;
}

export function createKpiFactUpdater(deps: ProjectKpiFactDeps & { onError(err: unknown, submissionId: string): void; pacing?: DrainPacing }): KpiFactUpdater {
  const queue = factDrain<KpiFact, true>((id) => kpiFactChange(deps, id), deps.facts, deps.onError, deps.pacing);

  return {
    onEvent(event) {
      if (event.type !== 'user-task.completed' || (event.task.formId && !Object.hasOwn(KPI_FORMS, event.task.formId))) return;
      queue.note(submissionIdForTask(event.task.key), true);
    },
    idle: () => queue.idle(),
  };
}
