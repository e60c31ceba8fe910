// A civil date is a calendar day with no time or zone ("2026-12-25"). Working-day arithmetic is done on
// civil dates in Europe/London, never on UTC instants, so a DST change can never shift a deadline by a day.

export type CivilDate = string; // YYYY-MM-DD

const DAY_MS = 86_400_000;

function parts(d: CivilDate): [number, number, number] {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(d);
  if (!m) throw new RangeError(`Not a civil date (YYYY-MM-DD): ${d}`);
  return [Number(m[1]), Number(m[2]), Number(m[3])];
}

function fromUtcMs(ms: number): CivilDate {
  return new Date(ms).toISOString().slice(0, 10);
}

function toUtcMs(d: CivilDate): number {
  const [y, m, day] = parts(d);
  return Date.UTC(y, m - 1, day);
}

export function plusDays(d: CivilDate, n: number): CivilDate {
  return fromUtcMs(toUtcMs(d) + n * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday. */
export function dayOfWeek(d: CivilDate): number {
  return new Date(toUtcMs(d)).getUTCDay();
}

export function isWeekend(d: CivilDate): boolean {
  const dow = dayOfWeek(d);
  return dow === 0 || dow === 6;
}

function daysInMonth(year: number, month1: number): number {
  return new Date(Date.UTC(year, month1, 0)).getUTCDate();
}

/** Adds calendar months; a day that does not exist in the target month clamps to its last day (31 Jan + 1 → 28/29 Feb). */
export function plusMonths(d: CivilDate, n: number): CivilDate {
  const [y, m, day] = parts(d);
  const index = y * 12 + (m - 1) + n;
  const ty = Math.floor(index / 12);
  const tm = (index % 12) + 1;
  const td = Math.min(day, daysInMonth(ty, tm));
  return `${String(ty).padStart(4, '0')}-${String(tm).padStart(2, '0')}-${String(td).padStart(2, '0')}`;
}

export function compareCivil(a: CivilDate, b: CivilDate): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

export function yearOf(d: CivilDate): number {
  return parts(d)[0];
}

export function assertCivilDate(d: CivilDate): CivilDate {
  parts(d);
  return d;
}
