// What erasures and reductions approved in a retention review share: each case is checked for holds again (a
// hold placed after the dry run still keeps the case), then acted on, and its outcome is recorded as data —
// a held case, an action not yet available or a refused one is reported, never hidden. Infrastructure
// trouble is not an outcome: it is thrown, so the job retries.
import { DomainError } from '../../domain/errors';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';

export type NotDoneOutcome =
  | { caseId: string; outcome: 'held'; holds: string[] }
  | { caseId: string; outcome: 'not-implemented' | 'failed'; message: string };

export async function runApprovedRetention<C extends { caseId: string }, Done>(
  holds: LegalHoldChecker, cases: readonly C[], act: (c: C) => Promise<Done>,
): Promise<(Done | NotDoneOutcome)[]> {
  const outcomes: (Done | NotDoneOutcome)[] = [];
  for (const c of cases) {
    const held = await holds.holdsOnCase(c.caseId);
    if (held.length) { outcomes.push({ caseId: c.caseId, outcome: 'held', holds: held.map((h) => `${h.scope} hold: ${h.reason}`) }); continue; }
    try {
      outcomes.push(await act(c));
    } catch (e) {
      if (!(e instanceof DomainError)) throw e;
      if (e.code === 'CASE_HELD') outcomes.push({ caseId: c.caseId, outcome: 'held', holds: [e.message] });
      else outcomes.push({ caseId: c.caseId, outcome: e.code === 'NOT_IMPLEMENTED' ? 'not-implemented' : 'failed', message: e.message });
    }
  }
  return outcomes;
}
