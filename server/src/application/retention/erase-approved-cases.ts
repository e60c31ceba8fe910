// Runs the erasures a data officer approved in the retention review, one case at a time through
// eraseCase (erase-case.ts), which refuses a held case. Each case's outcome is recorded as data, so a
// held case, a case already gone, or an erasure not yet available is reported, never hidden. The
// approval itself is audited once per review, before any erasure runs.
import { DomainError } from '../../domain/errors';
import type { CaseTombstone } from '../../domain/cases/case-tombstone';
import type { AuditLog } from '../../ports/audit-log.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';

export interface ErasureRequest { caseId: string; ruleId: string; dueOn?: string }

export type ErasureOutcome =
  | { caseId: string; outcome: 'erased'; erasedAt: string }
  | { caseId: string; outcome: 'held'; holds: string[] }
  | { caseId: string; outcome: 'not-implemented' | 'failed'; message: string };

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
  const outcomes: ErasureOutcome[] = [];
  for (const c of input.cases) {
    // Checked again here: a hold placed after the dry run still keeps the case.
    const holds = await deps.holds.holdsOnCase(c.caseId);
    if (holds.length) { outcomes.push({ caseId: c.caseId, outcome: 'held', holds: holds.map((h) => `${h.scope} hold: ${h.reason}`) }); continue; }
    try {
      const tombstone = await deps.erase({
        caseId: c.caseId, rule: c.ruleId, approvedBy: input.approvedBy, approvalRef: input.reviewRef, ...(c.dueOn ? { dueAt: c.dueOn } : {}),
      });
      outcomes.push({ caseId: c.caseId, outcome: 'erased', erasedAt: tombstone.erasedAt });
    } catch (e) {
      if (!(e instanceof DomainError)) throw e; // infrastructure trouble: the job retries
      if (e.code === 'CASE_HELD') outcomes.push({ caseId: c.caseId, outcome: 'held', holds: [e.message] });
      else outcomes.push({ caseId: c.caseId, outcome: e.code === 'NOT_IMPLEMENTED' ? 'not-implemented' : 'failed', message: e.message });
    }
  }
  return outcomes;
}
