// The LegalHoldChecker the erasure and subject access parts use: every active hold covering a case —
// on the case, on its person (by identity keys), or on everything.
import { holdCovers, isHoldActive } from '../../domain/retention';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { type RetentionDeps, todayOf } from './retention-deps';

export function createLegalHoldChecker(deps: Pick<RetentionDeps, 'holds' | 'cases' | 'clock'>): LegalHoldChecker {
  return {
    async holdsOnCase(caseId) {
      const today = todayOf(deps.clock);
      const active = (await deps.holds.listUnlifted()).filter((h) => isHoldActive(h, today));
      if (!active.length) return [];
      // Without the case's facts (already erased, or never existed) only case and 'all' holds can match.
      const facts = (await deps.cases.caseFacts(caseId)) ?? { caseId };
      return active.filter((h) => holdCovers(h, facts)).map((h) => ({ id: h.id, scope: h.scope, reason: h.reason }));
    },
  };
}
