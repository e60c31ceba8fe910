// Date values as form-js writes them: date "YYYY-MM-DD", time "HH:mm" (optionally with seconds and an
// offset), datetime an ISO timestamp. We store dates as "YYYY-MM-DD" and datetimes normalised to UTC ISO
// so that stored values compare and sort as strings.

const DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const TIME = /^([01]\d|2[0-3]):[0-5]\d(:[0-5]\d)?(Z|[+-]\d{2}:?\d{2})?$/;

export function isRealDate(s: string): boolean {
  const m = DATE.exec(s);
  if (!m) return false;
  const d = new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]));
  return d.getUTCFullYear() === +m[1] && d.getUTCMonth() === +m[2] - 1 && d.getUTCDate() === +m[3];
}

/** The canonical form of a value for a datetime subtype, or undefined when it is not one. */
export function coerceDate(subtype: string, value: unknown): string | undefined {
  if (subtype === 'time') return typeof value === 'string' && TIME.test(value) ? value : undefined;
  if (subtype === 'date') {
    if (value instanceof Date) return Number.isNaN(value.getTime()) ? undefined : localDate(value);
    if (typeof value !== 'string') return undefined;
    if (isRealDate(value)) return value;
    // A full timestamp for a date field: keep the calendar date it names.
    return /^\d{4}-\d{2}-\d{2}T/.test(value) && isRealDate(value.slice(0, 10)) ? value.slice(0, 10) : undefined;
  }
  const d = value instanceof Date ? value : typeof value === 'string' && /^\d{4}-\d{2}-\d{2}/.test(value) ? new Date(value) : undefined;
  if (!d || Number.isNaN(d.getTime())) return undefined;
  return d.toISOString();
}

/** Today's calendar date where the code runs (the service is in England: run servers with TZ=Europe/London). */
export function localDate(d: Date): string {
  const pad = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${pad(d.getMonth() + 1)}-${pad(d.getDate())}`;
}

export function dateBound(raw: string | undefined, today: string): string | undefined {
  if (!raw) return undefined;
  if (raw.trim().toLowerCase() === 'today') return today;
  return isRealDate(raw.trim()) ? raw.trim() : undefined;
}
