// Words for the report's keys: "November 2026", "62%", "late by 2 working days".
import type { TimelinessFigures } from './reports-api';

/** "2026-11" → "November 2026". */
export function monthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'long', year: 'numeric', timeZone: 'UTC' });
}

/** "2026-11" → "Nov 2026" (the chart's axis, where space is short). */
export function shortMonthName(month: string): string {
  return new Date(`${month}-01T00:00:00Z`).toLocaleDateString('en-GB', { month: 'short', year: 'numeric', timeZone: 'UTC' });
}

export const percent = (f: Pick<TimelinessFigures, 'onTimePercent'>): string => (f.onTimePercent === null ? 'None fell due' : `${f.onTimePercent}%`);

export const workingDays = (n: number): string => `${n} working day${n === 1 ? '' : 's'}`;

/** "1 by 2 working days, 1 by 3 working days"; "None" when nothing was late. */
export function lateness(f: Pick<TimelinessFigures, 'lateBy'>): string {
  if (!f.lateBy.length) return 'None';
  return f.lateBy.map((l) => (l.workingDays === 0 ? `${l.count} on the due day, after 5pm` : `${l.count} by ${workingDays(l.workingDays)}`)).join(', ');
}

/** The months a person may choose from: the last 24, newest first. */
export function recentMonths(today: Date, count = 24): string[] {
  const out: string[] = [];
  let y = today.getFullYear();
  let m = today.getMonth() + 1;
  for (let i = 0; i < count; i += 1) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m -= 1;
    if (m === 0) { m = 12; y -= 1; }
  }
  return out;
}
