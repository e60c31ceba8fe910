// The timeliness report over a set of task facts: per timescale version, per team and per worker, and
// the trend by month. Pure: the facts were already narrowed to what the reader may see.
import type { WorkingCalendar } from '../calendar';
import type { TaskFact } from './task-fact';
import { TimelinessTally, monthOf, monthsBetween, outcomeOf, type TimelinessFigures } from './timeliness';

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

export function buildTimelinessReport(facts: Iterable<TaskFact>, filter: TimelinessFilter, now: Date, calendar: WorkingCalendar): TimelinessReport {
  const versions = new Tallies<{ timescaleId: string; version: number }>();
  const teams = new Tallies<{ timescaleId: string; version: number; team: string | null }>();
  const workers = new Tallies<{ timescaleId: string; version: number; worker: string | null }>();
  const months = new Tallies<string>();
  const period = monthsBetween(filter.from, filter.to);
  for (const m of period) months.at(m, () => m);
  // Zero-padded version in the sort key, so version 10 sorts after version 9.
  const v = (f: TaskFact) => `${f.timescaleId}\u0000${String(f.timescaleVersion).padStart(6, '0')}`;
  for (const fact of facts) {
    const month = monthOf(calendar, fact.dueDate);
    if (month < filter.from || month > filter.to) continue;
    if (filter.timescaleId && fact.timescaleId !== filter.timescaleId) continue;
    if (filter.team && fact.team !== filter.team) continue;
    if (filter.worker && fact.worker !== filter.worker) continue;
    const outcome = outcomeOf(fact, now, calendar);
    const id = v(fact);
    const key = () => ({ timescaleId: fact.timescaleId, version: fact.timescaleVersion });
    versions.at(id, key).add(outcome);
    teams.at(`${id}\u0000${fact.team ?? ''}`, () => ({ ...key(), team: fact.team ?? null })).add(outcome);
    workers.at(`${id}\u0000${fact.worker ?? ''}`, () => ({ ...key(), worker: fact.worker ?? null })).add(outcome);
    months.at(month, () => month).add(outcome);
  }
  return {
    filter,
    timescales: versions.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byTeam: teams.rows().map((r) => ({ ...r.key, figures: r.figures })),
    byWorker: workers.rows().map((r) => ({ ...r.key, figures: r.figures })),
    trend: months.rows().map((r) => ({ month: r.key, figures: r.figures })),
  };
}
