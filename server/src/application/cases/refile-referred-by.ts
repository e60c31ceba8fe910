// Cases opened before "Referred by" was filed where the intake's form asks it (REFERRED_BY_SECTION) hold it
// under Personal: a reader of Offending did not see it and a task writing Offending could not correct it.
// At start, once, each such value moves: appended to Offending (unless Offending already holds one — the
// intake form's answer is the newer word), then cleared from Personal, each as an amendment by the system
// with its reason, so the history says what happened and the record can still be rebuilt from amendments.
// The value keeps its source (who recorded it at referral, when). Offending is written first: an interrupted
// run leaves the value in both places, never in neither, and the next start finishes it.
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseRecord, SectionState } from '../../domain/cases/case-record';
import { REFERRED_BY_SECTION } from '../../domain/cases/referral-start-variables';
import type { ReferredByStore } from '../../ports/referred-by-store.port';

const FIELD = 'referralSource';
const REASON = 'Filed under Offending, where the intake form records who referred the child (moved from Personal)';

export interface RefileOutcome { skipped: boolean; casesRead: number; casesRefiled: number; casesLeft: number }

export async function refileReferredBy(deps: { store: ReferredByStore; now(): Date }): Promise<RefileOutcome> {
  const outcome: RefileOutcome = { skipped: false, casesRead: 0, casesRefiled: 0, casesLeft: 0 };
  if (await deps.store.done()) return { ...outcome, skipped: true };
  for await (const id of deps.store.casesToRefile()) {
    outcome.casesRead++;
    const record = await deps.store.findById(id);
    if (!record) continue;
    if (await refileOne(deps, record)) outcome.casesRefiled++;
    else outcome.casesLeft++;
  }
  // Recorded only when nothing was left behind (a writer got in between): the next start tries those again.
  if (outcome.casesLeft === 0) await deps.store.recordDone(deps.now().toISOString());
  return outcome;
}

async function refileOne(deps: { store: ReferredByStore; now(): Date }, record: CaseRecord): Promise<boolean> {
  const personal = record.sections.personal;
  const value = personal?.values[FIELD];
  if (!personal || value === undefined) return true;
  const at = deps.now().toISOString();
  const amend = (section: CaseAmendment['section'], before: SectionState | undefined, next: Omit<SectionState, 'revision' | 'updatedAt' | 'updatedBy'>, change: CaseAmendment['changes'][number]) => {
    const seq = (before?.revision ?? 0) + 1;
    const amendment: CaseAmendment = { caseId: record.id, section, seq, at, by: 'system', source: { kind: 'manual', reason: REASON }, changes: [change], after: next.values, ...(next.collections ? { afterCollections: next.collections } : {}) };
    return { amendment, next: { ...next, revision: seq, updatedAt: at, updatedBy: 'system' } };
  };

  const writes = [];
  const target = record.sections[REFERRED_BY_SECTION];
  if (target?.values[FIELD] === undefined) {
    const source = personal.sources?.[FIELD];
    const seq = (target?.revision ?? 0) + 1;
    writes.push(amend(REFERRED_BY_SECTION, target, {
      ...(target ?? {}), values: { ...(target?.values ?? {}), [FIELD]: value },
      sources: { ...(target?.sources ?? {}), [FIELD]: { ...(source ?? { at: record.createdAt, by: record.createdBy }), amendmentSeq: seq } },
    }, { field: FIELD, value }));
  }
  const { [FIELD]: _moved, ...values } = personal.values;
  const { [FIELD]: _source, ...sources } = personal.sources ?? {};
  writes.push(amend('personal', personal, { ...personal, values, sources }, { field: FIELD, previous: value }));
  return (await deps.store.appendAmendments(writes)) === writes.length;
}
