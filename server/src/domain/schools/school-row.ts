// One pupil's row of a school's export, read and checked (school-csv.ts), and the value rules it uses.
export type ExclusionType = 'fixed-term' | 'permanent';
/** The DfE's SEN provision codes: N no special provision, K SEN support, E an education, health and care plan. */
export type SendProvision = 'none' | 'sen-support' | 'ehcp';

export interface SchoolRow {
  /** The row's number as a spreadsheet shows it (the headings are row 1). */
  row: number;
  upn?: string;
  givenName: string;
  familyName: string;
  /** YYYY-MM-DD. */
  dateOfBirth: string;
  attendancePercent?: number;
  exclusion?: { type: ExclusionType; startDate: string; endDate?: string };
  freeSchoolMeals?: 'yes' | 'no';
  sendProvision?: SendProvision;
}

export const SEND_CODES: Readonly<Record<string, SendProvision>> = {
  n: 'none', none: 'none', k: 'sen-support', sensupport: 'sen-support', sendsupport: 'sen-support', e: 'ehcp', ehcp: 'ehcp', ehc: 'ehcp', ehcplan: 'ehcp',
};

/** Unique pupil numbers: a check letter, 11 digits, then a digit (or a letter for a temporary UPN). */
export function normaliseUpn(raw: string): string | undefined {
  const upn = raw.replace(/\s+/g, '').toUpperCase();
  return /^[A-Z]\d{11}[0-9A-Z]$/.test(upn) ? upn : undefined;
}

export function yesNo(raw: string): 'yes' | 'no' | undefined {
  const v = raw.trim().toLowerCase();
  if (['y', 'yes', 'true', '1', 'eligible'].includes(v)) return 'yes';
  if (['n', 'no', 'false', '0', 'not eligible'].includes(v)) return 'no';
  return undefined;
}

/** A real calendar date written DD/MM/YYYY (as UK exports write it) or YYYY-MM-DD, as YYYY-MM-DD. */
export function civilDate(raw: string): string | undefined {
  const uk = /^(\d{1,2})\/(\d{1,2})\/(\d{4})$/.exec(raw.trim());
  const iso = /^(\d{4})-(\d{2})-(\d{2})$/.exec(raw.trim());
  const [y, m, d] = uk ? [uk[3], uk[2], uk[1]] : iso ? [iso[1], iso[2], iso[3]] : [];
  if (!y) return undefined;
  const date = new Date(Date.UTC(Number(y), Number(m) - 1, Number(d)));
  if (date.getUTCFullYear() !== Number(y) || date.getUTCMonth() !== Number(m) - 1 || date.getUTCDate() !== Number(d)) return undefined;
  return date.toISOString().slice(0, 10);
}
