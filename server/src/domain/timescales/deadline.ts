// Turns a timescale and a start date into a due instant. Pure: the calendar is passed in.
import type { DateInput, WorkingCalendar } from '../calendar';
import { type Timescale, isDurationUnit } from './timescale';

export function computeDeadline(calendar: WorkingCalendar, timescale: Timescale, start: DateInput): string {
  if (!isDurationUnit(timescale.unit)) {
    throw new RangeError(`Timescale ${timescale.id} is a ${timescale.unit}, not a duration: it has no deadline`);
  }
  const n = timescale.direction === 'before' ? -timescale.value : timescale.value;
  switch (timescale.unit) {
    case 'workingDays':
      return calendar.addWorkingDays(start, n);
    case 'calendarDays':
      return calendar.addCalendarDays(start, n);
    case 'weeks':
      return calendar.addCalendarDays(start, n * 7);
    case 'months':
      return calendar.addMonths(start, n);
    case 'years':
      return calendar.addYears(start, n);
  }
}
