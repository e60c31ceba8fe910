// What one task's report fact must become to match the task queue's row: stored whole, removed, or left as
// it is (undefined). The same derivation the rebuild uses (deriveTaskFact over the queue row), so whatever
// the live path writes a rebuild writes too.
import { deriveTaskFact, sameFact, type TaskFact } from '../../domain/reports/task-fact';
import type { FactChange, ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import { classifyTaskTimescale, type ClassifyDeps } from './classify-task-timescale';

export interface ProjectTaskFactDeps {
  source: Pick<ReportSourceTasks, 'findById'>;
  facts: Pick<ReportFactRepository, 'get' | 'apply'> & Partial<Pick<ReportFactRepository, 'flush'>>;
  classify: ClassifyDeps;
}

/**
 * `reclassify`: the task moved to another process version (migration), so its timescale is read again;
 * otherwise a stored fact's timescale is kept (it cannot change while the task stays where it is), which
 * spares the instance read on completions and claims. A fact that would be written unchanged is not
 * written (a claim by the worker already named, a replayed event).
 */
export async function taskFactChange(deps: ProjectTaskFactDeps, taskId: string, reclassify = false): Promise<FactChange<TaskFact> | undefined> {
  const task = await deps.source.findById(taskId);
  const stored = await deps.facts.get(taskId);
  const removal = stored ? { remove: taskId } : undefined;
  if (!task || task.state === 'cancelled' || !task.dueDate) return removal;
  const timescale = stored && !reclassify
    ? { timescaleId: stored.timescaleId, timescaleVersion: stored.timescaleVersion }
    : await classifyTaskTimescale(deps.classify, task);
  const fact = deriveTaskFact(task, timescale);
  if (!fact) return removal;
  return stored && sameFact(stored, fact) ? undefined : { put: fact };
}
