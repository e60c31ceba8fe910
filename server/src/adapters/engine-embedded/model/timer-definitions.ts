// Timer values as Zeebe reads them: ISO 8601 duration (P3D, PT10M), date-time, or cycle R<n>/<duration>
// (R/<duration> repeats forever, R<n>/<start>/<duration> starts at a date). Due times are computed from the
// injected clock, never from setTimeout, so a three-month timer is just a row with a due date.

export type TimerKind = 'duration' | 'date' | 'cycle';

export interface TimerPlan {
  dueAt: Date;
  /** Remaining repetitions after this one; -1 = forever; undefined = not a cycle. */
  remaining?: number;
  interval?: string;
}

const DURATION = /^(-)?P(?:(\d+(?:\.\d+)?)Y)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)W)?(?:(\d+(?:\.\d+)?)D)?(?:T(?:(\d+(?:\.\d+)?)H)?(?:(\d+(?:\.\d+)?)M)?(?:(\d+(?:\.\d+)?)S)?)?$/;

export function isIsoDuration(text: string): boolean {
  const m = DURATION.exec(text.trim());
  return !!m && text.trim() !== 'P' && !text.trim().endsWith('T');
}

/** Adds an ISO duration to a date in UTC (calendar months/years, then fixed units). */
export function addDuration(from: Date, duration: string): Date {
  const m = DURATION.exec(duration.trim());
  if (!m || !isIsoDuration(duration)) throw new Error(`'${duration}' is not an ISO 8601 duration`);
  const sign = m[1] ? -1 : 1;
  const n = (i: number) => (m[i] ? Number(m[i]) : 0) * sign;
  const d = new Date(from.getTime());
  if (n(2) || n(3)) d.setUTCMonth(d.getUTCMonth() + n(2) * 12 + n(3));
  const ms = ((n(4) * 7 + n(5)) * 24 * 3600 + n(6) * 3600 + n(7) * 60 + n(8)) * 1000;
  return new Date(d.getTime() + ms);
}

function parseDate(text: string): Date {
  const d = new Date(text.trim());
  if (Number.isNaN(d.getTime())) throw new Error(`'${text}' is not an ISO 8601 date-time`);
  return d;
}

export function planTimer(kind: TimerKind, value: string, now: Date): TimerPlan {
  const text = value.trim();
  if (kind === 'duration') return { dueAt: addDuration(now, text) };
  if (kind === 'date') return { dueAt: parseDate(text) };
  const parts = text.split('/');
  const rep = /^R(\d*)$/.exec(parts[0] ?? '');
  if (!rep || parts.length < 2 || parts.length > 3) throw new Error(`'${value}' is not an ISO 8601 repeating interval`);
  const total = rep[1] === '' ? -1 : Number(rep[1]);
  const interval = parts[parts.length - 1];
  const dueAt = parts.length === 3 ? parseDate(parts[1]) : addDuration(now, interval);
  return { dueAt, remaining: total === -1 ? -1 : total - 1, interval };
}

/** The next occurrence of a cycle after one fired, or undefined when the repetitions are used up. */
export function nextCycle(plan: { remaining?: number; interval?: string }, firedDueAt: Date): TimerPlan | undefined {
  // Stored plans come back from MongoDB with null, not undefined, for a one-shot timer.
  if (plan.remaining == null || plan.interval == null || plan.remaining === 0) return undefined;
  return {
    dueAt: addDuration(firedDueAt, plan.interval),
    remaining: plan.remaining === -1 ? -1 : plan.remaining - 1,
    interval: plan.interval,
  };
}

/** Zeebe's FEEL timer helper: cycle(interval) repeats forever, cycle(n, interval) n times ("R3/PT1H"). */
export function feelCycle(a: unknown, b?: unknown): string {
  const iso = (d: unknown) => (typeof d === 'object' && d !== null && 'toISO' in d ? (d as { toISO(): string }).toISO() : String(d));
  return b === undefined ? `R/${iso(a)}` : `R${Number(a)}/${iso(b)}`;
}

/** Built-in functions a timer expression may call on top of the FEEL standard library. */
export const TIMER_FUNCTIONS: Record<string, unknown> = { cycle: feelCycle };
