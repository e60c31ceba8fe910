// The tabs of a case record. Each is a unit of access control (policies grant read/write per section),
// so every value stored on a case belongs to exactly one of them. Form fields name theirs in
// `properties.section`; a field without one is kept on the submission only, never on the record.
// These are the shipped sections; a permission version may add more (a speech and language tab), which
// caseSections() lists after them, so a section is a string wherever one is asked about.
import { configInForce } from '../policies/table-in-force';

export const CASE_SECTIONS = [
  'personal',
  'family',
  'education',
  'health',
  'offending',
  'assessments',
  'plans',
  'victims',
  'agencies',
] as const;

export type ShippedCaseSection = (typeof CASE_SECTIONS)[number];
export type CaseSection = string;

export const SECTION_LABELS: Record<ShippedCaseSection, string> = {
  personal: 'Personal',
  family: 'Family & relationships',
  education: 'Education',
  health: 'Health',
  offending: 'Offending',
  assessments: 'Assessments',
  // The contacts log is kept here too, but has its own tab ("Contacts and appointments"): naming this
  // section after its plans and reviews keeps the two tabs apart.
  plans: 'Plans and reviews',
  victims: 'Victims',
  agencies: 'Agencies involved',
};

/** The sections of a case record in tab order: the shipped ones, then those the permission version in force adds. */
export function caseSections(): CaseSection[] {
  return [...CASE_SECTIONS, ...configInForce().sections.map((s) => s.key)];
}

/** The tab's name for people; a section no longer configured keeps its key rather than vanish from history. */
export function sectionLabel(section: string): string {
  if (Object.hasOwn(SECTION_LABELS, section)) return SECTION_LABELS[section as ShippedCaseSection];
  return configInForce().sections.find((s) => s.key === section)?.label ?? section;
}

export const isCaseSection = (value: unknown): value is CaseSection =>
  typeof value === 'string' && caseSections().includes(value);

/** Keeps only known sections, in the canonical tab order (policies may list them in any order). */
export function orderSections(sections: Iterable<string>): CaseSection[] {
  const wanted = new Set(sections);
  return caseSections().filter((s) => wanted.has(s));
}
