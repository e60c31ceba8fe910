// The demo children's work (SEED_DEMO_CASES=true): a process started for some of them through the engine,
// as a referral or a court's order starts one, with its deadlines counted from a day weeks ago — so their
// teams' managers find overdue work on the timeliness report (and in their queues), kept by the reporting
// projection from the engine's own task events like any other work. Run once, after the engine started,
// on the start that seeded the children.
import { localDate } from '../../forms-core/form-dates';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { DEMO_CHILDREN } from './demo-children';

export interface StartDemoWorkDeps {
  engine: Pick<WorkflowEngine, 'startInstance'>;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
}

export async function startDemoWork(deps: StartDemoWorkDeps): Promise<{ started: number }> {
  const today = localDate(deps.clock.now());
  const started: { caseId: string; processId: string; instanceKey: string }[] = [];
  for (const child of DEMO_CHILDREN) {
    for (const { processId, variables } of child.work?.(today) ?? []) {
      const { instanceKey } = await deps.engine.startInstance(processId, { ...variables, caseId: child.id }, { businessKey: child.id });
      started.push({ caseId: child.id, processId, instanceKey });
    }
  }
  await deps.audit.record({ actor: { id: 'system', username: 'system' }, action: 'demo.work-started', after: { started } });
  return { started: started.length };
}
