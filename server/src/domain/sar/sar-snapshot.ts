// The gathered snapshot of a subject access request: everything held about the person, found and gathered
// once when the request reaches gathering, so the DPO's views, redaction decisions and the export read one
// stored copy instead of searching every case again. Gathering again is the DPO's explicit act (new data
// arrived before approval): decisions follow the item ids that still exist and new items need a decision.
// After approval or export the copy is frozen: what was approved is what is sent.
import type { DpoDecision, Proposal, SarItem } from './redaction-rules';

export type SnapshotRole = 'subject' | 'family-member' | 'victim';

/** A record the person was found in (displayName is the child of that case, personal data itself). */
export interface SnapshotMatch {
  caseId: string;
  team: string;
  displayName: string;
  role: SnapshotRole;
  reasons: string[];
  flaggedForReview: boolean;
}

export interface SnapshotItem extends SarItem {
  /** Where it came from, in words: "Case record", "Amendment history", "Form submission"… */
  source: string;
  /** About someone else (a family or victims section, or free text naming another person). */
  thirdParty: boolean;
  proposal: Proposal;
}

export interface SarSnapshot {
  key: string;
  /** 1 for the first gather, one more for each gather again; the stored items carry it in their ids. */
  generation: number;
  gatheredAt: string;
  /** Who gathered, in words ("Automatically, when the request reached gathering", or the DPO's name). */
  gatheredBy: string;
  previousGatheredAt?: string;
  matches: SnapshotMatch[];
  /** Every case an item came from, and the cases where the person is the child (erasure finds them here). */
  caseIds: string[];
  subjectCaseIds: string[];
  /** The person's own cases erased since the gather: once none is left, the request keeps no personal data. */
  erasedSubjectCaseIds: string[];
  itemCount: number;
  /** Items that were not in the previous gather: each needs a decision. */
  newItemIds: string[];
  /** Set on approval or export: gathering again is refused from then on. */
  frozenAt?: string;
  /** The gathered personal data was deleted (the copy's retention ran out, or the person's cases were erased). */
  droppedAt?: string;
  droppedBecause?: string;
  /** Stored chunks of items (read by _id, one at a time). */
  chunks: number;
}

const SOURCES: Record<SarItem['kind'], string> = {
  field: 'Case record', item: 'Case record', amendment: 'Amendment history', submission: 'Form submission',
  task: 'Task history', email: 'Email about their work', access: 'Who accessed their record', document: 'Documents on their case',
};
export const sourceWords = (kind: SarItem['kind']): string => SOURCES[kind] ?? 'Case record';

/** What a gather again keeps: decisions on items that still exist; the items new since the last gather. */
export function regather(previousIds: ReadonlySet<string>, currentIds: readonly string[], decisions: readonly DpoDecision[]): { kept: DpoDecision[]; dropped: number; newItemIds: string[] } {
  const current = new Set(currentIds);
  const kept = decisions.filter((d) => current.has(d.itemId));
  return { kept, dropped: decisions.length - kept.length, newItemIds: currentIds.filter((id) => !previousIds.has(id)) };
}

/** Steps before the process's own gather: the DPO cannot gather (the identity is not checked yet). */
const BEFORE_GATHERING = ['calcSarReceived', 'verifyIdentity', 'calcSarClock', 'gatherSnapshot'];

/**
 * Why gathering again is refused, in words the DPO can act on (undefined: allowed). A request already past
 * gathering with no snapshot (started before snapshots existed) may be gathered by the DPO the first time.
 */
export function gatherAgainRefusal(snapshot: SarSnapshot | undefined, request: { approved: boolean; state: string; activeSteps?: readonly string[]; erased?: string }): string | undefined {
  if (request.erased) return 'The records of this request were erased: there is nothing to gather';
  if (request.state !== 'active') return 'The request is closed: its gathered records cannot change';
  if (!snapshot && (request.activeSteps ?? []).some((s) => BEFORE_GATHERING.includes(s))) {
    return 'The records have not been gathered yet: they are gathered once the requester\'s identity is checked';
  }
  if (request.approved || snapshot?.frozenAt) {
    return 'The response was approved or exported: what was approved is what is sent, so the records cannot be gathered again. If new information must go out, record a new request';
  }
  if (snapshot?.droppedAt) return 'The gathered copy was deleted: there is nothing to gather again';
  return undefined;
}

/** The request's own cases are all erased: the request keeps no more personal data than a case tombstone. */
export const subjectErased = (s: SarSnapshot): boolean => s.erasedSubjectCaseIds.length > 0 && s.subjectCaseIds.length === 0;
