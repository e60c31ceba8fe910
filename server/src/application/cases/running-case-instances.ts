// The running instances (active or stopped on an incident) of one process on one case. The engine port has no
// "instances of a case" query, so the process's running instances are paged through and filtered by their
// caseId. The closure's open-work check asks it for every deployed process and the case jobs for one; they
// run rarely (once per order or closure), so the read is acceptable.
import type { InstanceSummary, WorkflowEngine } from '../../ports/workflow-engine.port';

const PAGE = 200;

export type RunningInstancesEngine = Pick<WorkflowEngine, 'listInstances'>;

export async function runningInstancesOfCase(engine: RunningInstancesEngine, processId: string, caseId: string): Promise<InstanceSummary[]> {
  const found: InstanceSummary[] = [];
  for (const state of ['active', 'incident'] as const) {
    for (let offset = 0; ; offset += PAGE) {
      const page = await engine.listInstances({ processId, state, offset, limit: PAGE });
      found.push(...page.items.filter((i) => i.caseId === caseId));
      if (offset + PAGE >= page.total) break;
    }
  }
  return found;
}
