// The timeliness report over a set of task facts: per timescale version, per team and per worker, and
// the trend by month. Pure: the facts were already narrowed to what the reader may see.
import type { WorkingCalendar } from '../calendar';
import type { TaskFact } from './task-fact';
import { TimelinessTally, monthOf, monthsBetween, outcomeOf, type TimelinessFigures } from './timeliness';
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

/** Tasks of one timescale version, team, worker and month, their outcomes tallied. */
export interface TalliedGroup {
  timescaleId: string;
  version: number;
  team?: string;
  worker?: string;
  month: string;
  tally: TimelinessTally;
}

/** The report from the facts themselves (each one outcome): the reference the counts are tested against. */
export function buildTimelinessReport(facts: Iterable<TaskFact>, filter: TimelinessFilter, now: Date, calendar: WorkingCalendar): TimelinessReport {
  return tallyTimeliness((function* () {
    for (const f of facts) {
      const tally = new TimelinessTally();
      tally.add(outcomeOf(f, now, calendar));
      yield { timescaleId: f.timescaleId, version: f.timescaleVersion, team: f.team, worker: f.worker, month: monthOf(calendar, f.dueDate), tally };
    }
  })(), filter);
}

/** The report from the prepared counts of the period's months (timeliness-counts.ts): each cell tallied once. */
export function buildTimelinessReportFromCounts(months: Iterable<{ month: string; cells: CountCell[] }>, filter: TimelinessFilter, now: Date): TimelinessReport {
  return tallyTimeliness((function* () {
    for (const { month, cells } of months) {
      for (const c of cells) {
        const tally = new TimelinessTally();
        for (const [outcome, n] of cellOutcomes(c, now)) tally.add(outcome, n);
        yield { ...c, month, tally };
      }
    }
  })(), filter);
}

export function tallyTimeliness(groups: Iterable<TalliedGroup>, filter: TimelinessFilter): TimelinessReport {
  const versions = new Tallies<{ timescaleId: string; version: number }>();
  const teams = new Tallies<{ timescaleId: string; version: number; team: string | null }>();
  const workers = new Tallies<{ timescaleId: string; version: number; worker: string | null }>();
  const months = new Tallies<string>();
  const period = monthsBetween(filter.from, filter.to);
  for (const m of period) months.at(m, () => m);
  for (const g of groups) {
    const { month } = g;
    if (month < filter.from || month > filter.to) continue;
    if (filter.timescaleId && g.timescaleId !== filter.timescaleId) continue;
    if (filter.team && g.team !== filter.team) continue;
    if (filter.worker && g.worker !== filter.worker) continue;
    // Zero-padded version in the sort key, so version 10 sorts after version 9.
    const id = `${g.timescaleId}\u0000${String(g.version).padStart(6, '0')}`;
    const key = () => ({ timescaleId: g.timescaleId, version: g.version });
    versions.at(id, key).merge(g.tally);
    teams.at(`${id}\u0000${g.team ?? ''}`, () => ({ ...key(), team: g.team ?? null })).merge(g.tally);
    workers.at(`${id}\u0000${g.worker ?? ''}`, () => ({ ...key(), worker: g.worker ?? null })).merge(g.tally);
    months.at(month, () => month).merge(g.tally);
  }
  return {
    filter,
    timescales: versions.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byTeam: teams.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byWorker: workers.rows().map((r) => ({ ...r.key, figures: r.figures })),
    trend: months.rows().map((r) => ({ month: r.key, figures: r.figures })),
  };
}
