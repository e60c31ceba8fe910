// A proposal in words for the reviewer: what kind of fact, the value proposed and the value held today.
import type { SectionValues } from '../cases/case-record';
import type { ProposalKind } from './school-proposal';

export const PROPOSAL_KIND_WORDS: Readonly<Record<ProposalKind, string>> = {
  upn: 'Unique pupil number', attendance: 'Attendance', exclusion: 'Exclusion', 'free-school-meals': 'Free school meals', send: 'Special educational needs provision',
};

/** Labels of the Education fields the import writes, kept with the section so the case page shows words. */
export const SCHOOL_FIELD_LABELS: Readonly<Record<string, string>> = {
  upn: 'Unique pupil number (UPN)', attendancePercent: 'Attendance (%)', attendanceRecordedOn: 'Attendance figure received on',
  attendanceSchool: 'Attendance reported by', freeSchoolMeals: 'Free school meals', sendProvision: 'Special educational needs provision',
  exclusionType: 'Exclusion type', startDate: 'Start date', endDate: 'End date', school: 'School',
};

const SEND_WORDS: Record<string, string> = { none: 'None', 'sen-support': 'SEN support', ehcp: 'Education, health and care plan (EHCP)' };
const EXCLUSION_WORDS: Record<string, string> = { 'fixed-term': 'Fixed-term exclusion (suspension)', permanent: 'Permanent exclusion' };

/** "31 January 2026" — the one date format of the product's pages. */
export function dateWords(iso: string): string {
  const d = new Date(`${iso}T12:00:00Z`);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** The proposed fact as a sentence ("87.5%", "Fixed-term exclusion (suspension) from 3 October 2026 to 5 October 2026"). */
export function proposalWords(kind: ProposalKind, v: SectionValues): string {
  switch (kind) {
    case 'upn': return String(v.upn);
    case 'attendance': return `${String(v.attendancePercent)}%`;
    case 'free-school-meals': return v.freeSchoolMeals === 'yes' ? 'Eligible' : 'Not eligible';
    case 'send': return SEND_WORDS[String(v.sendProvision)] ?? String(v.sendProvision);
    case 'exclusion': {
      const from = dateWords(String(v.startDate));
      return `${EXCLUSION_WORDS[String(v.exclusionType)] ?? String(v.exclusionType)} from ${from}${v.endDate ? ` to ${dateWords(String(v.endDate))}` : ''}`;
    }
  }
}

/** What the section holds now for the same fact, in the same words; undefined when nothing is recorded. */
export function heldWords(kind: ProposalKind, held: SectionValues): string | undefined {
  const key = { upn: 'upn', attendance: 'attendancePercent', 'free-school-meals': 'freeSchoolMeals', send: 'sendProvision', exclusion: '' }[kind];
  if (!key || held[key] === undefined || held[key] === null || held[key] === '') return undefined;
  return proposalWords(kind, held);
}
