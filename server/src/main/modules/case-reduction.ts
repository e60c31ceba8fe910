// Assembles reduceCase's dependencies from the same stores erasure uses (case-erasure.ts), so a reduction
// reaches the same repository instances and in-memory indexes; the case repository writes the basic record.
import type { ReduceCaseDeps } from '../../application/retention/reduce-case';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { type CaseErasureParts, caseErasureDeps } from './case-erasure';

export function caseReductionDeps(parts: CaseErasureParts, holds: LegalHoldChecker): ReduceCaseDeps {
  const erasure = caseErasureDeps(parts, holds);
  const { auditDetails, cases: _recordKept, ...stores } = erasure.stores;
  return {
    holds,
    caseReader: erasure.caseReader,
    stores,
    basicRecords: parts.tasks.cases,
    audit: erasure.audit,
    auditDetails,
    clock: erasure.clock,
  };
}
