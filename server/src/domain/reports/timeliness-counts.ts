// The timeliness report's prepared counts: per London month of the due date, one cell per timescale
// version, team and worker, holding how many tasks were done on time, how many late by each number of
// working days, and how many are open by due instant ("overdue now" depends on when the report is read).
// A report reads the months of its period — a few small documents by _id — instead of every task fact
// (FerretDB 1.24 decodes every document of a filtered query). The counts are kept by adding each
// fact change's difference (increments commute, so several servers may add at once), and recounted from
// the facts by the rebuild; both give the same counts (the feature test compares them).
import type { WorkingCalendar } from '../calendar';
import type { TaskFact } from './task-fact';
import { monthOf, outcomeOf, type Outcome } from './timeliness';

export interface CountCell {
  timescaleId: string;
  version: number;
  team?: string;
  worker?: string;
  onTime: number;
  /** Working days late → how many. */
  late: Record<string, number>;
  /** Due instant (epoch ms) → how many still open. */
  open: Record<string, number>;
}

/** Month ("YYYY-MM") → counter path within the month ("<cell key>.onTime") → how much to add. */
export type CountIncrements = Map<string, Map<string, number>>;

// A cell key is a field name: no dots and no leading $, so each part is URI-encoded with its dots too.
export const fieldKeyOf = (s: string | undefined) => encodeURIComponent(s ?? '').replace(/\./g, '%2E');
export const fromFieldKey = (s: string) => decodeURIComponent(s);
const part = fieldKeyOf;
const unpart = fromFieldKey;

export const cellKey = (f: Pick<TaskFact, 'timescaleId' | 'timescaleVersion' | 'team' | 'worker'>) =>
  [part(f.timescaleId), f.timescaleVersion, part(f.team), part(f.worker)].join('|');

/** Where one fact counts: its month and the counter it adds one to. */
export function counterOf(fact: TaskFact, calendar: WorkingCalendar): { month: string; path: string } {
  const key = cellKey(fact);
  const month = monthOf(calendar, fact.dueDate);
  if (fact.state !== 'completed') return { month, path: `${key}.open.${Date.parse(fact.dueDate)}` };
  const outcome = outcomeOf(fact, new Date(0), calendar);
  return { month, path: outcome.kind === 'late' ? `${key}.late.${outcome.workingDays}` : `${key}.onTime` };
}

/** Adds one fact to counts being made (the rebuild's recount). */
export function countFact(counts: CountIncrements, fact: TaskFact, calendar: WorkingCalendar, by = 1): void {
  const { month, path } = counterOf(fact, calendar);
  const paths = counts.get(month) ?? counts.set(month, new Map()).get(month)!;
  paths.set(path, (paths.get(path) ?? 0) + by);
}

/** What to add to the counts when facts change from `before` to `after` (undefined: none). */
export function countIncrements(changes: Iterable<[TaskFact | undefined, TaskFact | undefined]>, calendar: WorkingCalendar): CountIncrements {
  const out: CountIncrements = new Map();
  for (const [before, after] of changes) {
    if (before) countFact(out, before, calendar, -1);
    if (after) countFact(out, after, calendar);
  }
  for (const [month, paths] of out) {
    for (const [path, by] of paths) if (by === 0) paths.delete(path);
    if (!paths.size) out.delete(month);
  }
  return out;
}

/** A month's stored counters (cell key → { onTime, late, open }) as cells in key order; zero counts left out. */
export function cellsOf(counters: Record<string, { onTime?: number; late?: Record<string, number>; open?: Record<string, number> }>): CountCell[] {
  const nonZero = (r: Record<string, number> | undefined) => Object.fromEntries(Object.entries(r ?? {}).filter(([, n]) => n !== 0));
  return Object.entries(counters).sort(([a], [b]) => (a < b ? -1 : 1)).map(([key, c]) => {
    const [timescaleId, version, team, worker] = key.split('|');
    return {
      timescaleId: unpart(timescaleId), version: Number(version),
      ...(team ? { team: unpart(team) } : {}), ...(worker ? { worker: unpart(worker) } : {}),
      onTime: c.onTime ?? 0, late: nonZero(c.late), open: nonZero(c.open),
    };
  }).filter((c) => c.onTime || Object.keys(c.late).length || Object.keys(c.open).length);
}

/** A cell's outcomes with how many of each, as the report tallies them at `now`. */
export function* cellOutcomes(cell: CountCell, now: Date): Generator<[Outcome, number]> {
  if (cell.onTime) yield [{ kind: 'onTime' }, cell.onTime];
  for (const [days, n] of Object.entries(cell.late)) yield [{ kind: 'late', workingDays: Number(days) }, n];
  for (const [due, n] of Object.entries(cell.open)) yield [Number(due) < now.getTime() ? { kind: 'overdueNow' } : { kind: 'dueLater' }, n];
}
