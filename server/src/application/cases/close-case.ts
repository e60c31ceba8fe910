// Closes a case at the end of its closure process: checks again what is still running (work may have
// started since the closure began), refuses while other work is open, otherwise cancels the work the
// closure is configured to cancel — recording why on each instance — and sets the case's status to
// closed, audited. Safe to repeat: a job retried after a crash finds the case closed and does no more.
// A case whose processing is restricted (UK GDPR Art 18) is not closed: closing cancels its work and changes
// its record, which only the DPO may do meanwhile; the job then waits as an incident (close-case.job.ts).
import type { CaseRepository } from '../../ports/case-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { CaseAuditSink } from './case-access';
import type { CaseGuard } from '../consent/case-guard';
import { listOpenCaseWork, type ListOpenWorkEngine, type ListOpenWorkInput, type OpenWorkItem } from './list-open-case-work';

export interface CloseCaseDeps {
  cases: Pick<CaseRepository, 'findById' | 'setOwnership'>;
  engine: ListOpenWorkEngine & Pick<WorkflowEngine, 'cancelInstance' | 'setVariables'>;
  audit?: CaseAuditSink;
  now: () => Date;
  caseGuard?: Pick<CaseGuard, 'restrictionRefusal'>;
}

export interface CloseCaseInput extends ListOpenWorkInput {
  closureReason?: string;
  closureDate?: string;
}

export type CloseCaseResult =
  | { kind: 'closed'; cancelled: OpenWorkItem[]; alreadyClosed: boolean }
  | { kind: 'blocked'; blocking: OpenWorkItem[] }
  | { kind: 'restricted'; message: string }
  | { kind: 'not-found' };

/** Who closes: the process, on the manager's confirmation (the confirming task's completion is audited). */
const SYSTEM_ACTOR = { id: 'system:case-closure', roles: [] as string[] };

export async function closeCase(deps: CloseCaseDeps, input: CloseCaseInput): Promise<CloseCaseResult> {
  const record = await deps.cases.findById(input.caseId);
  if (!record) return { kind: 'not-found' };
  if (record.status === 'closed') return { kind: 'closed', cancelled: [], alreadyClosed: true };
  const refusal = await deps.caseGuard?.restrictionRefusal(SYSTEM_ACTOR, record.id, 'close this case');
  if (refusal) return { kind: 'restricted', message: refusal };

  const work = await listOpenCaseWork(deps.engine, input);
  if (work.blocking.length) return { kind: 'blocked', blocking: work.blocking };

  const reason = `Case closed${input.closureReason ? `: ${input.closureReason}` : ''}`;
  for (const item of work.toCancel) {
    // The embedded engine keeps no cancel reason of its own: the reason stays in the instance's variables.
    await deps.engine.setVariables(item.instanceKey, {
      cancelledAtClosure: { reason, closureInstanceKey: input.closureInstanceKey, at: deps.now().toISOString() },
    });
    await deps.engine.cancelInstance(item.instanceKey, { by: SYSTEM_ACTOR.id, reason });
  }
  // Audited before the status changes, under a key: a retry after a crash in between records it once.
  await deps.audit?.record({
    key: `${input.closureInstanceKey}:case.closed`,
    actor: SYSTEM_ACTOR,
    action: 'case.closed',
    recordType: 'case',
    recordId: record.id,
    before: { status: record.status },
    after: {
      status: 'closed',
      closureInstanceKey: input.closureInstanceKey,
      ...(input.closureDate ? { closureDate: input.closureDate } : {}),
      cancelled: work.toCancel.map((w) => `${w.processId} ${w.instanceKey}`),
      leftRunning: work.awaitingEnd.map((w) => `${w.processId} ${w.instanceKey}`),
    },
    reason,
  });
  await deps.cases.setOwnership(record.id, { status: 'closed' });
  return { kind: 'closed', cancelled: work.toCancel, alreadyClosed: false };
}
