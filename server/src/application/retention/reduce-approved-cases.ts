// Runs the reductions to a basic record a data officer approved in the retention review, one case at a
// time through reduceCase (reduce-case.ts), which refuses a held case. As with erasures
// (erase-approved-cases.ts), each case's outcome is data, and the approval is audited once per review.
import { DomainError } from '../../domain/errors';
import type { CaseReduction } from '../../domain/cases/case-record';
import type { AuditLog } from '../../ports/audit-log.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';

export interface ReductionRequest { caseId: string; ruleId: string; basicRecordOn?: string }

export type ReductionOutcome =
  | { caseId: string; outcome: 'reduced'; reducedAt: string }
  | { caseId: string; outcome: 'held'; holds: string[] }
  | { caseId: string; outcome: 'not-implemented' | 'failed'; message: string };

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
  const outcomes: ReductionOutcome[] = [];
  for (const c of input.cases) {
    // Checked again here: a hold placed after the dry run still keeps the case as it is.
    const holds = await deps.holds.holdsOnCase(c.caseId);
    if (holds.length) { outcomes.push({ caseId: c.caseId, outcome: 'held', holds: holds.map((h) => `${h.scope} hold: ${h.reason}`) }); continue; }
    try {
      const reduction = await deps.reduce({
        caseId: c.caseId, rule: c.ruleId, approvedBy: input.approvedBy, approvalRef: input.reviewRef,
        ...(c.basicRecordOn ? { dueAt: c.basicRecordOn } : {}),
      });
      outcomes.push({ caseId: c.caseId, outcome: 'reduced', reducedAt: reduction.reducedAt });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // infrastructure trouble: the job retries
      if (e.code === 'CASE_HELD') outcomes.push({ caseId: c.caseId, outcome: 'held', holds: [e.message] });
      else outcomes.push({ caseId: c.caseId, outcome: e.code === 'NOT_IMPLEMENTED' ? 'not-implemented' : 'failed', message: e.message });
    }
  }
  return outcomes;
}
