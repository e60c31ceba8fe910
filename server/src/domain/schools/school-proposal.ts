// A change a school's data proposes to one child's Education section, waiting for a person to accept or
// reject it (nothing a school sends amends a record on its own). One proposal per kind of fact per row, so
// a reviewer can accept the attendance figure and reject, say, an exclusion the service knows is wrong.
import type { SectionState, SectionValues } from '../cases/case-record';
import type { SchoolRow } from './school-row';

export type ProposalKind = 'upn' | 'attendance' | 'exclusion' | 'free-school-meals' | 'send';
export type ProposalStatus = 'pending' | 'accepted' | 'rejected';

/** Education section fields the import writes, and the collection exclusions are items of. */
export const EXCLUSIONS_COLLECTION = 'exclusions';

export interface SchoolProposal {
  id: string;
  importId: string;
  caseId: string;
  school: string;
  row: number;
  kind: ProposalKind;
  /** Flat Education fields to set, or (exclusion) the values of a new item of the exclusions collection. */
  values: SectionValues;
  status: ProposalStatus;
  createdAt: string;
  createdBy: string;
  decidedAt?: string;
  decidedBy?: string;
  reason?: string;
}

export type ProposalDraft = Pick<SchoolProposal, 'kind' | 'values'>;

const sameValues = (a: SectionValues, b: SectionValues) => Object.entries(b).every(([k, v]) => JSON.stringify(a[k]) === JSON.stringify(v));

/**
 * What a row proposes for a child whose Education section is `education` today, leaving out what the section
 * already holds (the same exclusion is the same type starting the same day) and what is already proposed.
 */
export function draftProposals(row: SchoolRow, school: string, today: string, education: SectionState | undefined, pending: readonly ProposalDraft[]): ProposalDraft[] {
  const held = education?.values ?? {};
  const drafts: ProposalDraft[] = [];
  if (row.upn) drafts.push({ kind: 'upn', values: { upn: row.upn } });
  if (row.attendancePercent !== undefined) drafts.push({ kind: 'attendance', values: { attendancePercent: row.attendancePercent, attendanceRecordedOn: today, attendanceSchool: school } });
  if (row.freeSchoolMeals) drafts.push({ kind: 'free-school-meals', values: { freeSchoolMeals: row.freeSchoolMeals } });
  if (row.sendProvision) drafts.push({ kind: 'send', values: { sendProvision: row.sendProvision } });
  if (row.exclusion) drafts.push({ kind: 'exclusion', values: { exclusionType: row.exclusion.type, startDate: row.exclusion.startDate, ...(row.exclusion.endDate ? { endDate: row.exclusion.endDate } : {}), school } });
  const exclusions = education?.collections?.[EXCLUSIONS_COLLECTION] ?? [];
  return drafts.filter((d) => {
    if (pending.some((p) => p.kind === d.kind && sameValues(p.values, d.values) && sameValues(d.values, p.values))) return false;
    if (d.kind === 'exclusion') return !exclusions.some((e) => e.values.exclusionType === d.values.exclusionType && e.values.startDate === d.values.startDate);
    // The attendance figure is news when the percentage differs; the day it was recorded alone is not.
    if (d.kind === 'attendance') return held.attendancePercent !== d.values.attendancePercent;
    return !sameValues(held, d.values);
  });
}
