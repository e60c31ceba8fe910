// Timeliness against the timescales, computed in application code from task facts (FerretDB 1.24's
// aggregation has no $avg, and percentages need rounding rules a reader can check).
// The words of the figures (docs/reports.md):
// - a task falls due in the month (London time) of its due date;
// - on time: completed no later than its due instant (17:00 London time on the due day, as the queue
//   and the escalation sweep see it); late: completed after it;
// - working days late: working days after the due day up to and including the day it was completed
//   (England and Wales bank holidays excluded), so completing at 18:00 on the due day is late by 0;
// - overdue now: still open and its due instant has passed; due later: open, not yet due;
// - fell due: on time + late + overdue now — the tasks whose outcome is known or already late.
import type { WorkingCalendar } from '../calendar';
import type { TaskFact } from './task-fact';

export interface TimelinessFigures {
  fellDue: number;
  onTime: number;
  late: number;
  overdueNow: number;
  dueLater: number;
  /** Sum and maximum of the working days late of the late tasks. */
  workingDaysLate: { total: number; max: number };
  /** How many late tasks were late by each number of working days, fewest first. */
  lateBy: { workingDays: number; count: number }[];
  /** Whole per cent of those that fell due that were done on time; null when none fell due. */
  onTimePercent: number | null;
}

export type Outcome = { kind: 'onTime' } | { kind: 'late'; workingDays: number } | { kind: 'overdueNow' } | { kind: 'dueLater' };

export function outcomeOf(fact: TaskFact, now: Date, calendar: WorkingCalendar): Outcome {
  const due = Date.parse(fact.dueDate);
  if (fact.state === 'completed') {
    const done = fact.completedAt ? Date.parse(fact.completedAt) : due;
    if (done <= due) return { kind: 'onTime' };
    return { kind: 'late', workingDays: Math.max(0, calendar.workingDaysBetween(fact.dueDate, fact.completedAt ?? fact.dueDate)) };
  }
  return due < now.getTime() ? { kind: 'overdueNow' } : { kind: 'dueLater' };
}

/** Accumulates outcomes (one, or counted) into figures; `figures()` does the arithmetic once at the end. */
export class TimelinessTally {
  private onTime = 0;
  private overdueNow = 0;
  private dueLater = 0;
  /** Working days late → how many. */
  private readonly lateBy = new Map<number, number>();

  add(outcome: Outcome, n = 1): void {
    if (n <= 0) return;
    if (outcome.kind === 'late') this.lateBy.set(outcome.workingDays, (this.lateBy.get(outcome.workingDays) ?? 0) + n);
    else this[outcome.kind] += n;
  }

  /** Adds another tally's outcomes (a count cell's, tallied once, into each row it belongs to). */
  merge(other: TimelinessTally): void {
    this.onTime += other.onTime;
    this.overdueNow += other.overdueNow;
    this.dueLater += other.dueLater;
    for (const [days, n] of other.lateBy) this.lateBy.set(days, (this.lateBy.get(days) ?? 0) + n);
  }

  figures(): TimelinessFigures {
    const lateBy = [...this.lateBy].sort(([a], [b]) => a - b).map(([workingDays, count]) => ({ workingDays, count }));
    const late = lateBy.reduce((a, r) => a + r.count, 0);
    const fellDue = this.onTime + late + this.overdueNow;
    return {
      fellDue,
      onTime: this.onTime,
      late,
      overdueNow: this.overdueNow,
      dueLater: this.dueLater,
      workingDaysLate: { total: lateBy.reduce((a, r) => a + r.workingDays * r.count, 0), max: lateBy.at(-1)?.workingDays ?? 0 },
      lateBy,
      onTimePercent: fellDue ? Math.round((this.onTime / fellDue) * 100) : null,
    };
  }
}

/** "2026-03": the London month a due date falls in. */
export const monthOf = (calendar: WorkingCalendar, iso: string): string => calendar.civilDate(iso).slice(0, 7);

/** Every month from `from` to `to` inclusive ("2026-01" … "2026-03"). */
export function monthsBetween(from: string, to: string): string[] {
  const out: string[] = [];
  let [y, m] = from.split('-').map(Number);
  const [ty, tm] = to.split('-').map(Number);
  while (y < ty || (y === ty && m <= tm)) {
    out.push(`${y}-${String(m).padStart(2, '0')}`);
    m += 1;
    if (m > 12) { m = 1; y += 1; }
  }
  return out;
}
