// The timeliness report over a set of task facts: per timescale version, per team and per worker, and
// the trend by month. Pure: the facts were already narrowed to what the reader may see.
import type { WorkingCalendar } from '../calendar';
import type { TaskFact } from './task-fact';
import { TimelinessTally, monthOf, monthsBetween, outcomeOf, type Outcome, type TimelinessFigures } from './timeliness';
import { cellOutcomes, type CountCell } from './timeliness-counts';

export interface TimelinessFilter {
  /** First and last month of the period, "YYYY-MM" (London time). */
  from: string;
  to: string;
  timescaleId?: string;
  team?: string;
  worker?: string;
}

export interface TimescaleVersionRow { timescaleId: string; version: number; figures: TimelinessFigures }
export interface TeamRow extends TimescaleVersionRow { team: string | null }
export interface WorkerRow extends TimescaleVersionRow { worker: string | null }
export interface MonthRow { month: string; figures: TimelinessFigures }

export interface TimelinessReport {
  filter: TimelinessFilter;
  /** Every timescale version with a task due in the period, in timescale then version order. */
  timescales: TimescaleVersionRow[];
  byTeam: TeamRow[];
  byWorker: WorkerRow[];
  /** One row per month of the period, empty months included (a trend has no gaps). */
  trend: MonthRow[];
}

class Tallies<K> {
  private readonly map = new Map<string, { key: K; tally: TimelinessTally }>();
  /** The tally of `id`; `key` is called only for a new row (a report adds 100,000 facts, most to existing rows). */
  at(id: string, key: () => K): TimelinessTally {
    let entry = this.map.get(id);
    if (!entry) this.map.set(id, (entry = { key: key(), tally: new TimelinessTally() }));
    return entry.tally;
  }
  rows(): { key: K; figures: TimelinessFigures }[] {
    return [...this.map.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, e]) => ({ key: e.key, figures: e.tally.figures() }));
  }
}

/** An outcome of tasks of one timescale version, team, worker and month, with how many had it. */
export interface CountedOutcome {
  timescaleId: string;
  version: number;
  team?: string;
  worker?: string;
  month: string;
  outcome: Outcome;
  n: number;
}

/** The report from the facts themselves (each one outcome). */
export function buildTimelinessReport(facts: Iterable<TaskFact>, filter: TimelinessFilter, now: Date, calendar: WorkingCalendar): TimelinessReport {
  return tallyTimeliness((function* () {
    for (const f of facts) {
      yield { timescaleId: f.timescaleId, version: f.timescaleVersion, team: f.team, worker: f.worker, month: monthOf(calendar, f.dueDate), outcome: outcomeOf(f, now, calendar), n: 1 };
    }
  })(), filter);
}

/** The report from the prepared counts of the period's months (timeliness-counts.ts). */
export function buildTimelinessReportFromCounts(months: Iterable<{ month: string; cells: CountCell[] }>, filter: TimelinessFilter, now: Date): TimelinessReport {
  return tallyTimeliness((function* () {
    for (const { month, cells } of months) {
      for (const c of cells) for (const [outcome, n] of cellOutcomes(c, now)) yield { ...c, month, outcome, n };
    }
  })(), filter);
}

export function tallyTimeliness(outcomes: Iterable<CountedOutcome>, filter: TimelinessFilter): TimelinessReport {
  const versions = new Tallies<{ timescaleId: string; version: number }>();
  const teams = new Tallies<{ timescaleId: string; version: number; team: string | null }>();
  const workers = new Tallies<{ timescaleId: string; version: number; worker: string | null }>();
  const months = new Tallies<string>();
  const period = monthsBetween(filter.from, filter.to);
  for (const m of period) months.at(m, () => m);
  for (const o of outcomes) {
    const { month } = o;
    if (month < filter.from || month > filter.to) continue;
    if (filter.timescaleId && o.timescaleId !== filter.timescaleId) continue;
    if (filter.team && o.team !== filter.team) continue;
    if (filter.worker && o.worker !== filter.worker) continue;
    // Zero-padded version in the sort key, so version 10 sorts after version 9.
    const id = `${o.timescaleId}\u0000${String(o.version).padStart(6, '0')}`;
    const key = () => ({ timescaleId: o.timescaleId, version: o.version });
    versions.at(id, key).add(o.outcome, o.n);
    teams.at(`${id}\u0000${o.team ?? ''}`, () => ({ ...key(), team: o.team ?? null })).add(o.outcome, o.n);
    workers.at(`${id}\u0000${o.worker ?? ''}`, () => ({ ...key(), worker: o.worker ?? null })).add(o.outcome, o.n);
    months.at(month, () => month).add(o.outcome, o.n);
  }
  return {
    filter,
    timescales: versions.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byTeam: teams.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byWorker: workers.rows().map((r) => ({ ...r.key, figures: r.figures })),
    trend: months.rows().map((r) => ({ month: r.key, figures: r.figures })),
  };
}
