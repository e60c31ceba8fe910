// The tabs of a case record. Each is a unit of access control (policies grant read/write per section),
// so every value stored on a case belongs to exactly one of them. Form fields name theirs in
// `properties.section`; a field without one is kept on the submission only, never on the record.
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

export type CaseSection = (typeof CASE_SECTIONS)[number];

export const SECTION_LABELS: Record<CaseSection, string> = {
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

export const isCaseSection = (value: unknown): value is CaseSection =>
  typeof value === 'string' && (CASE_SECTIONS as readonly string[]).includes(value);

/** Keeps only known sections, in the canonical tab order (policies may list them in any order). */
export function orderSections(sections: Iterable<string>): CaseSection[] {
  const wanted = new Set(sections);
  return CASE_SECTIONS.filter((s) => wanted.has(s));
}
