// Deadline arithmetic for statutory timescales: working days are Monday–Friday excluding England & Wales
// bank holidays, counted on London civil dates. A deadline is the end of the working day it falls on
// (configurable, default 17:00 London time), returned as an ISO instant for timers and task due dates.
import { createBankHolidays, type BankHolidayRegion } from './bank-holidays';
import { type CivilDate, assertCivilDate, compareCivil, isWeekend, plusDays, plusMonths } from './civil-date';
import { civilDateOf, zonedInstant } from './london-time';

export type DateInput = Date | string;

export interface WorkingCalendarOptions {
  region?: BankHolidayRegion;
  timeZone?: string;
  /** Wall-clock time a deadline falls due on its day, "HH:mm". */
  endOfDay?: string;
}

export interface WorkingCalendar {
  /** The London civil date of an instant; a bare "YYYY-MM-DD" is taken as already a London date. */
  civilDate(input: DateInput): CivilDate;
  isWorkingDay(input: DateInput): boolean;
  /** Counts n working days after the start day (the start day itself never counts); n < 0 counts back. */
  addWorkingDays(start: DateInput, n: number): string;
  addCalendarDays(start: DateInput, n: number): string;
  /** Months clamp to the month end: 31 January + 1 month is 28 (or 29) February. */
  addMonths(start: DateInput, n: number): string;
  addYears(start: DateInput, n: number): string;
  /** Working days after `from` up to and including `to` (negative when `to` is earlier). */
  workingDaysBetween(from: DateInput, to: DateInput): number;
  /** The deadline instant (end of day) of a civil date, as ISO. */
  dueOn(date: CivilDate): string;
  holidayName(input: DateInput): string | undefined;
}

const CIVIL = /^\d{4}-\d{2}-\d{2}$/;

/** How many dates and day counts a calendar remembers before it starts again (a few MB at most). */
const MEMO_LIMIT = 100_000;

export function createWorkingCalendar(options: WorkingCalendarOptions = {}): WorkingCalendar {
  const timeZone = options.timeZone ?? 'Europe/London';
  const endOfDay = options.endOfDay ?? '17:00';
  if (!/^([01]\d|2[0-3]):[0-5]\d$/.test(endOfDay)) throw new RangeError(`endOfDay must be HH:mm, got ${endOfDay}`);
  const holidays = createBankHolidays(options.region ?? 'GB-ENG');

  // Reports classify 100,000 facts a read, and the zone's date of an instant costs ~5 µs (Intl): remembered
  // per quarter hour (every zone's offset is a whole number of quarter hours), a bounded number of them.
  const civilOfQuarter = new Map<number, CivilDate>();
  const civilDate = (input: DateInput): CivilDate => {
    if (typeof input === 'string' && CIVIL.test(input)) return assertCivilDate(input);
    const instant = typeof input === 'string' ? new Date(input) : input;
    const ms = instant.getTime();
    if (Number.isNaN(ms)) throw new RangeError(`Not a date: ${String(input)}`);
    const quarter = Math.floor(ms / 900_000);
    let found = civilOfQuarter.get(quarter);
    if (found === undefined) {
      if (civilOfQuarter.size >= MEMO_LIMIT) civilOfQuarter.clear();
      civilOfQuarter.set(quarter, (found = civilDateOf(instant, timeZone)));
    }
    return found;
  };
  const workingBetween = new Map<string, number>();
  const working = (d: CivilDate) => !isWeekend(d) && !holidays.isBankHoliday(d);
  const countWorkingDays = (a: CivilDate, b: CivilDate): number => {
    const sign = compareCivil(a, b) <= 0 ? 1 : -1;
    const [lo, hi] = sign > 0 ? [a, b] : [b, a];
    let count = 0;
    for (let d = plusDays(lo, 1); compareCivil(d, hi) <= 0; d = plusDays(d, 1)) if (working(d)) count += 1;
    return sign * count;
  };
  const dueOn = (d: CivilDate) => zonedInstant(d, endOfDay, timeZone).toISOString();

  const stepWorkingDays = (from: CivilDate, n: number): CivilDate => {
    const step = n < 0 ? -1 : 1;
    let day = from;
    let left = Math.abs(n);
    // n = 0 means "today if it is a working day, else the next one".
    if (left === 0) {
      while (!working(day)) day = plusDays(day, 1);
      return day;
    }
    while (left > 0) {
      day = plusDays(day, step);
      if (working(day)) left -= 1;
    }
    return day;
  };

  const requireInteger = (n: number) => {
    if (!Number.isInteger(n)) throw new RangeError(`Expected a whole number, got ${n}`);
  };

  return {
    civilDate,
    isWorkingDay: (input) => working(civilDate(input)),
    addWorkingDays(start, n) {
      requireInteger(n);
      return dueOn(stepWorkingDays(civilDate(start), n));
    },
    addCalendarDays(start, n) {
      requireInteger(n);
      return dueOn(plusDays(civilDate(start), n));
    },
    addMonths(start, n) {
      requireInteger(n);
      return dueOn(plusMonths(civilDate(start), n));
    },
    addYears(start, n) {
      requireInteger(n);
      return dueOn(plusMonths(civilDate(start), n * 12));
    },
    workingDaysBetween(from, to) {
      const a = civilDate(from);
      const b = civilDate(to);
      const key = `${a}|${b}`;
      const known = workingBetween.get(key);
      if (known !== undefined) return known;
      if (workingBetween.size >= MEMO_LIMIT) workingBetween.clear();
      const counted = countWorkingDays(a, b);
      workingBetween.set(key, counted);
      return counted;
    },
    dueOn,
    holidayName: (input) => holidays.nameOf(civilDate(input)),
  };
}
