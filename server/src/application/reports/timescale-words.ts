// A timescale's standard in words for reports: "10 working days", "3 months", "2 working days before".
import type { Timescale } from '../../domain/timescales';

const UNIT_WORDS: Record<string, [string, string]> = {
  workingDays: ['working day', 'working days'],
  calendarDays: ['day', 'days'],
  weeks: ['week', 'weeks'],
  months: ['month', 'months'],
  years: ['year', 'years'],
};

export function describeStandard(t: Pick<Timescale, 'value' | 'unit' | 'direction'>): string {
  const words = UNIT_WORDS[t.unit];
  if (!words) return String(t.value);
  return `${t.value} ${t.value === 1 ? words[0] : words[1]}${t.direction === 'before' ? ' before' : ''}`;
}
