// Runs the erasures a data officer approved in the retention review, one case at a time through
// eraseCase (erase-case.ts), which refuses a held case. Each case's outcome is recorded as data, so a
// held case, a case already gone, or an erasure not yet available is reported, never hidden. The
// approval itself is audited once per review, before any erasure runs.
import type { CaseTombstone } from '../../domain/cases/case-tombstone';
import type { AuditLog } from '../../ports/audit-log.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { runApprovedRetention, type NotDoneOutcome } from './run-approved-retention';

export interface ErasureRequest { caseId: string; ruleId: string; dueOn?: string }

/** `notErased`: what the erasure could not delete, in words (the tombstone's), said with the outcome. */
export type ErasureOutcome = { caseId: string; outcome: 'erased'; erasedAt: string; notErased?: string[] } | NotDoneOutcome;

export interface EraseApprovedDeps {
  holds: LegalHoldChecker;
  /** eraseCase (erase-case.ts); `dueAt` is kept on the tombstone. */
  erase(input: { caseId: string; rule: string; approvedBy: string; approvalRef?: string; dueAt?: string }): Promise<CaseTombstone>;
  audit: AuditLog;
}

export interface EraseApprovedInput {
  reviewRef: string;
  approvedBy: string;
  approvalNotes?: string;
  cases: readonly ErasureRequest[];
}

export async function eraseApprovedCases(deps: EraseApprovedDeps, input: EraseApprovedInput): Promise<ErasureOutcome[]> {
  await deps.audit.record({
    key: `${input.reviewRef}:retention.erasure-approved`,
    actor: { id: input.approvedBy },
    action: 'retention.erasure-approved', recordType: 'retention-review', recordId: input.reviewRef,
    after: { cases: input.cases.map((c) => `${c.caseId} (${c.ruleId})`) },
    ...(input.approvalNotes ? { reason: input.approvalNotes } : {}),
  });
  return runApprovedRetention(deps.holds, input.cases, async (c) => {
    const tombstone = await deps.erase({
      caseId: c.caseId, rule: c.ruleId, approvedBy: input.approvedBy, approvalRef: input.reviewRef, ...(c.dueOn ? { dueAt: c.dueOn } : {}),
    });
    return { caseId: c.caseId, outcome: 'erased' as const, erasedAt: tombstone.erasedAt, ...(tombstone.notErased ? { notErased: tombstone.notErased } : {}) };
  });
}
