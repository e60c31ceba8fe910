// Keeps the KPI projection up to date from task completions without slowing them: a completion's event
// only notes its submission's id (the submission is stored before the engine moves on, complete-task.ts),
// and the fact is written afterwards, off the completion's path. Only submissions of forms that feed an
// indicator are written (the stored submission names its form). A failure is logged; the rebuild
// (rebuild-kpi-facts.ts) heals it.
import type { EngineEvent } from '../../ports/workflow-engine.port';
import { submissionIdForTask } from '../tasks/get-task';
import { projectKpiFact, type ProjectKpiFactDeps } from './project-kpi-fact';

export interface KpiFactUpdater {
  onEvent(event: EngineEvent): void;
  /** Resolves once every noted submission has been written (tests; a clean stop). */
  idle(): Promise<void>;
}

export function createKpiFactUpdater(deps: ProjectKpiFactDeps & { onError(err: unknown, submissionId: string): void }): KpiFactUpdater {
  const pending = new Set<string>();
  let draining: Promise<void> | undefined;

  async function drain(): Promise<void> {
    await new Promise((resolve) => setImmediate(resolve));
    for (const id of pending) {
      pending.delete(id);
      await projectKpiFact(deps, id).catch((err) => deps.onError(err, id));
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
      if (event.type !== 'user-task.completed') return;
      pending.add(submissionIdForTask(event.task.key));
      kick();
    },
    async idle() {
      while (draining) await draining;
    },
  };
}
