// One date format for the whole client (issue 18): "14 March 2010" for dates and "14 March 2010, 09:30" for
// times, always in Europe/London whatever the device's zone, and ages in years. Intl does the work (no date
// library). A date-only value ("2010-03-14", a date of birth) is a calendar date, not an instant: it is
// formatted from its own year, month and day so that no time zone can move it to the 13th.

type DateInput = string | Date | undefined | null;

const ZONE = 'Europe/London';
const DATE_ONLY = /^(\d{4})-(\d{2})-(\d{2})$/;

const dateInLondon = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: ZONE });
// A calendar date built at noon UTC and formatted in UTC: the day cannot change.
const calendarDate = new Intl.DateTimeFormat('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });
const timeInLondon = new Intl.DateTimeFormat('en-GB', { hour: '2-digit', minute: '2-digit', hourCycle: 'h23', timeZone: ZONE });
const partsInLondon = new Intl.DateTimeFormat('en-GB', { year: 'numeric', month: 'numeric', day: 'numeric', timeZone: ZONE });

interface CalendarDay { year: number; month: number; day: number }

/** The calendar day of a date-only string, or undefined when the value is an instant (or not a date). */
function dateOnly(value: DateInput): CalendarDay | undefined {
  if (typeof value !== 'string') return undefined;
  const m = DATE_ONLY.exec(value.trim());
  if (!m) return undefined;
  const [year, month, day] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const check = new Date(Date.UTC(year, month - 1, day, 12));
  return check.getUTCMonth() === month - 1 && check.getUTCDate() === day ? { year, month, day } : undefined;
}

function instant(value: DateInput): Date | undefined {
  if (value === undefined || value === null || value === '') return undefined;
  // "2010-02-30" is not a day; Date would roll it over to 2 March.
  if (typeof value === 'string' && DATE_ONLY.test(value.trim()) && !dateOnly(value)) return undefined;
  const d = value instanceof Date ? value : new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d;
}

/** The calendar day in London of an instant, or the day of a date-only string. */
function londonDay(value: DateInput): CalendarDay | undefined {
  const own = dateOnly(value);
  if (own) return own;
  const d = instant(value);
  if (!d) return undefined;
  const parts = Object.fromEntries(partsInLondon.formatToParts(d).map((p) => [p.type, p.value]));
  return { year: Number(parts.year), month: Number(parts.month), day: Number(parts.day) };
}

/** "14 March 2010"; '' when there is no (valid) date. */
export function formatDate(iso: DateInput): string {
  const own = dateOnly(iso);
  if (own) return calendarDate.format(new Date(Date.UTC(own.year, own.month - 1, own.day, 12)));
  const d = instant(iso);
  return d ? dateInLondon.format(d) : '';
}

/** "14 March 2010, 09:30" in London time; a date-only value has no time, so only its date is shown. */
export function formatDateTime(iso: DateInput): string {
  if (dateOnly(iso)) return formatDate(iso);
  const d = instant(iso);
  return d ? `${dateInLondon.format(d)}, ${timeInLondon.format(d)}` : '';
}

/** "15 years" on `at` (today by default) for a date of birth; '' when either date is missing or invalid. */
export function formatAge(dob: DateInput, at: Date = new Date()): string {
  const born = londonDay(dob);
  const on = londonDay(at);
  if (!born || !on) return '';
  let years = on.year - born.year;
  if (on.month < born.month || (on.month === born.month && on.day < born.day)) years -= 1;
  if (years < 0) return '';
  return years === 1 ? '1 year' : `${years} years`;
}

// Teams are data (the teams directory): the session brings every team's name, set here when it is accepted,
// so any page can show a name without waiting for a request of its own.
let teamNames: Record<string, string> = {};

export function setTeamNames(names: Record<string, string> | undefined): void {
  teamNames = names ?? {};
}

/** "North team" for the team key "north": its name in the directory, or the key made readable as the server does. */
export const teamName = (team: string): string => teamNames[team] ?? `${team.charAt(0).toUpperCase()}${team.slice(1).replace(/[-_]+/g, ' ')} team`;
