// Civil-date arithmetic for retention. Dates are YYYY-MM-DD strings (no time zone can shift a day).
// The UK financial year ends on 31 March; councils that round use "N years from the end of the financial
// year of the last change" (domain.md, the "6+ rule").

const CIVIL = /^(\d{4})-(\d{2})-(\d{2})$/;

export function isCivilDate(text: unknown): text is string {
  if (typeof text !== 'string') return false;
  const m = CIVIL.exec(text);
  if (!m) return false;
  const d = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3])));
  return d.toISOString().slice(0, 10) === text;
}

/** The civil date of an ISO date or date-time, or undefined. */
export function civilDate(value: unknown): string | undefined {
  if (typeof value !== 'string' || value.length < 10) return undefined;
  const day = value.slice(0, 10);
  return isCivilDate(day) ? day : undefined;
}

/** Adds whole years; 29 February becomes 28 February in a year without it (the right is not delayed). */
export function addYears(date: string, years: number): string {
  const [y, m, d] = date.split('-').map(Number);
  const year = y + years;
  const last = new Date(Date.UTC(year, m, 0)).getUTCDate();
  return `${String(year).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(Math.min(d, last)).padStart(2, '0')}`;
}

/** 31 March on or after the date: the end of the financial year the date falls in. */
export function endOfFinancialYear(date: string): string {
  const [y, m] = date.split('-').map(Number);
  return `${m <= 3 ? y : y + 1}-03-31`;
}
