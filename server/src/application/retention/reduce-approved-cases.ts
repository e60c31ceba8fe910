// Runs the reductions to a basic record a data officer approved in the retention review, one case at a
// time through reduceCase (reduce-case.ts), which refuses a held case. As with erasures
// (erase-approved-cases.ts), each case's outcome is data, and the approval is audited once per review.
import type { CaseReduction } from '../../domain/cases/case-record';
import type { AuditLog } from '../../ports/audit-log.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { runApprovedRetention, type NotDoneOutcome } from './run-approved-retention';

export interface ReductionRequest { caseId: string; ruleId: string; basicRecordOn?: string }

export type ReductionOutcome = { caseId: string; outcome: 'reduced'; reducedAt: string } | NotDoneOutcome;

export interface ReduceApprovedDeps {
  holds: LegalHoldChecker;
  /** reduceCase (reduce-case.ts). */
  reduce(input: { caseId: string; rule: string; approvedBy: string; approvalRef?: string; dueAt?: string }): Promise<CaseReduction>;
  audit: AuditLog;
}

export interface ReduceApprovedInput {
  reviewRef: string;
  approvedBy: string;
  approvalNotes?: string;
  cases: readonly ReductionRequest[];
}

export async function reduceApprovedCases(deps: ReduceApprovedDeps, input: ReduceApprovedInput): Promise<ReductionOutcome[]> {
  if (!input.cases.length) return [];
  await deps.audit.record({
    key: `${input.reviewRef}:retention.reduction-approved`,
    actor: { id: input.approvedBy },
    action: 'retention.reduction-approved', recordType: 'retention-review', recordId: input.reviewRef,
    after: { cases: input.cases.map((c) => `${c.caseId} (${c.ruleId})`) },
    ...(input.approvalNotes ? { reason: input.approvalNotes } : {}),
  });
  return runApprovedRetention(deps.holds, input.cases, async (c) => {
    const reduction = await deps.reduce({
      caseId: c.caseId, rule: c.ruleId, approvedBy: input.approvedBy, approvalRef: input.reviewRef,
      ...(c.basicRecordOn ? { dueAt: c.basicRecordOn } : {}),
    });
    return { caseId: c.caseId, outcome: 'reduced' as const, reducedAt: reduction.reducedAt };
  });
}
