// Brings one task's report fact in line with the task queue's row. Idempotent, and the same derivation the
// rebuild uses (deriveTaskFact over the queue row), so whatever the live path writes a rebuild writes too.
import { deriveTaskFact, type TimescaleOfTask } from '../../domain/reports/task-fact';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import { classifyTaskTimescale, type ClassifyDeps } from './classify-task-timescale';

export interface ProjectTaskFactDeps {
  source: Pick<ReportSourceTasks, 'findById'>;
  facts: Pick<ReportFactRepository, 'get' | 'put' | 'remove'>;
  classify: ClassifyDeps;
}

/**
 * `reclassify`: the task moved to another process version (migration), so its timescale is read again;
 * otherwise a stored fact's timescale is kept (it cannot change while the task stays where it is), which
 * spares the instance read on completions and claims.
 */
export async function projectTaskFact(deps: ProjectTaskFactDeps, taskId: string, reclassify = false): Promise<void> {
  const task = await deps.source.findById(taskId);
  if (!task || task.state === 'cancelled' || !task.dueDate) {
    await deps.facts.remove(taskId);
    return;
  }
  const stored = reclassify ? undefined : await deps.facts.get(taskId);
  const timescale = stored ? { timescaleId: stored.timescaleId, timescaleVersion: stored.timescaleVersion } : await classifyTaskTimescale(deps.classify, task);
  await write(deps, task, timescale);
}

async function write(deps: ProjectTaskFactDeps, task: QueueTask, timescale: TimescaleOfTask | undefined): Promise<void> {
  const fact = deriveTaskFact(task, timescale);
  if (fact) await deps.facts.put(fact);
  else await deps.facts.remove(task.id);
}
