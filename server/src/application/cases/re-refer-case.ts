// A new referral for a child whose case is open joins that case instead of opening a second record (two
// records split a child's history, and the duplicate check already found the match). It starts referral &
// intake on the existing case through the process's "re-referral" message start event, which skips the
// person match: the case is already the child's. A closed case is not reopened here — a new referral
// (with the duplicate check confirmed) opens a new one.
import { ConflictError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import { auditActor, loadVisibleCase, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import type { CaseGuard } from '../consent/case-guard';

export const RE_REFERRAL_MESSAGE = 're-referral';
export const INTAKE_PROCESS_ID = 'referral-intake';

export interface ReReferCaseDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  clock: Clock;
  engine: Pick<WorkflowEngine, 'publishMessage'>;
  audit?: CaseAuditSink;
  /** A re-referral starts work on the case: refused while its processing is restricted (application/consent). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
}

export interface ReReferCaseInput {
  caseId: string;
  referralSource?: string;
}

export interface ReReferral {
  caseId: string;
  processId: string;
  referralReceivedAt: string;
}

export async function reReferCase(deps: ReReferCaseDeps, actor: Actor, input: ReReferCaseInput): Promise<ReReferral> {
  requireAction(deps.policy, actor, 'create-case', 'add a referral to a case');
  const record = await loadVisibleCase(deps, actor, input.caseId);
  if (record.status !== 'open') {
    throw new ConflictError(`Case ${record.id} is closed, so a new referral cannot join it. Open a new referral and confirm it is the same child.`, 'CASE_NOT_OPEN');
  }
  await deps.caseGuard?.assertMayChange(actor, record.id, 'add a referral to this case');
  const referralReceivedAt = deps.clock.now().toISOString();
  const variables = { caseId: record.id, referralReceivedAt, ...(input.referralSource ? { referralSource: input.referralSource } : {}) };
  const published = await deps.engine.publishMessage(RE_REFERRAL_MESSAGE, record.id, variables);
  if (!published.correlated) {
    // No deployed referral & intake has the message start event: nothing started, so say so rather than 201.
    throw new ConflictError('The referral process could not be started for this case: referral & intake has no re-referral start.', 'RE_REFERRAL_NOT_STARTED');
  }
  await deps.audit?.record({
    actor: auditActor(actor),
    action: 'case.re-referral',
    recordType: 'case',
    recordId: record.id,
    after: { processId: INTAKE_PROCESS_ID, referralReceivedAt, ...(input.referralSource ? { referralSource: input.referralSource } : {}) },
  });
  return { caseId: record.id, processId: INTAKE_PROCESS_ID, referralReceivedAt };
}
