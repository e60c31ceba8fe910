// Tasks of called processes used to be projected without a case (the projection read the instance's
// business key, which only the root instance has). Their instances hold `caseId` all along (start-case-
// process sets it and a call activity copies the parent's variables), so at start-up each open or completed
// task without a case is given its instance's case and team: the queues and the case rule then treat them
// like any other, and their submissions (stored without a case) take the task's case when read
// (get-submissions.ts). Idempotent; tasks of processes started without a caseId are looked at and left alone.
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { caseOfInstance } from '../monitor/instance-scope';

export interface FillTaskCasesDeps {
  tasks: Pick<TaskRepository, 'withoutCase' | 'recordCase'>;
  engine: Pick<WorkflowEngine, 'getInstance'>;
  teamOfCase(caseId: string): Promise<string | undefined>;
}

/** Returns how many tasks were given their case. */
export async function fillTaskCases(deps: FillTaskCasesDeps, stop: () => boolean = () => false, limit = 10_000): Promise<number> {
  let filled = 0;
  for (const t of await deps.tasks.withoutCase(limit)) {
    if (stop()) break;
    const instance = await deps.engine.getInstance(t.instanceKey);
    const caseId = instance ? await caseOfInstance(deps.engine, instance) : undefined;
    if (!caseId) continue;
    await deps.tasks.recordCase(t.id, caseId, await deps.teamOfCase(caseId));
    filled++;
  }
  return filled;
}
