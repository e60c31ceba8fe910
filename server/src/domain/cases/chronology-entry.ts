/**
 * One entry of a case's chronology: everything that happened to a case, in words.
 * Each source (referral, submissions, amendments, process milestones, emails, access, documents,
 * contacts, consent) turns its own records into entries; the chronology use case merges, filters
 * and pages them. `section` names the case section the entry reveals, so an entry about a section
 * the reader may not see is left out rather than shown with a gap.
 */
export type ChronologyKind =
  | 'referral'
  | 'contact'
  | 'submission'
  | 'amendment'
  | 'milestone'
  | 'email'
  | 'access'
  | 'document'
  | 'consent';

export interface ChronologyEntry {
  /** ISO date-time of the event. */
  at: string;
  kind: ChronologyKind;
  /** What happened, in words ("Referral received", "Date of birth changed"). */
  title: string;
  /** More words, if any. */
  detail?: string;
  /** Case section key the entry reveals; the reader must be allowed to see it. */
  section?: string;
  /** Who did it, by name. */
  by?: string;
  /** Client path to follow for more (a task, a document). */
  link?: string;
}

export const CHRONOLOGY_KINDS: readonly ChronologyKind[] = [
  'referral',
  'contact',
  'submission',
  'amendment',
  'milestone',
  'email',
  'access',
  'document',
  'consent',
];

/** Newest first; ties keep a stable order by kind then title so pages do not shuffle. */
export function compareChronologyEntries(a: ChronologyEntry, b: ChronologyEntry): number {
  if (a.at !== b.at) return a.at < b.at ? 1 : -1;
  if (a.kind !== b.kind) return a.kind < b.kind ? -1 : 1;
  return a.title < b.title ? -1 : a.title > b.title ? 1 : 0;
}
