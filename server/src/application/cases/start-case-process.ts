// Starts a statutory process for a case (a referral's intake, an AssetPlus assessment, a victim
// contact…). The case of the instance is its `caseId` variable (called processes inherit it), so every
// task the process creates is linked to the case and appears in the queues of the case's team. The
// business key is set too, for the monitor's lists only: nothing depends on it (Zeebe has none).
import type { WorkflowEngine, Variables } from '../../ports/workflow-engine.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { CaseGuard } from '../consent/case-guard';
import { auditActor, loadVisibleCase, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';

export interface StartCaseProcessDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  engine: Pick<WorkflowEngine, 'startInstance'>;
  audit?: CaseAuditSink;
  /** Refuses a start on a restricted case, or of a process whose consent was withdrawn (application/consent). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'assertMayStart'>;
}

export interface StartCaseProcessInput {
  caseId: string;
  processId: string;
  /** Start variables the process reads (e.g. referralReceivedAt); caseId is always the case's. */
  variables?: Variables;
}

export interface StartedProcess {
  instanceKey: string;
  processId: string;
  version: number;
}

export async function startCaseProcess(deps: StartCaseProcessDeps, actor: Actor, input: StartCaseProcessInput): Promise<StartedProcess> {
  requireAction(deps.policy, actor, 'create-case', 'start a process for a case');
  const record = await loadVisibleCase(deps, actor, input.caseId);
  const variables: Variables = { ...(input.variables ?? {}), caseId: record.id };
  await deps.caseGuard?.assertMayChange(actor, record.id, `start ${input.processId} on this case`);
  await deps.caseGuard?.assertMayStart(record.id, input.processId, variables);
  const started = await deps.engine.startInstance(input.processId, variables, { businessKey: record.id });
  await deps.audit?.record({
    actor: auditActor(actor),
    action: 'case.process-started',
    recordType: 'case',
    recordId: record.id,
    after: { processId: started.processId, version: started.version, instanceKey: started.instanceKey },
  });
  return started;
}
