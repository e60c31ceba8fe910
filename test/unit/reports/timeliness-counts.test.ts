// The timeliness counts a report reads instead of the facts: a change adds its difference, names with dots
// survive as field names, and the report from the counts is the report from the facts. Worked by hand:
// a task due Thursday 24 December 2026 done on Tuesday 29th is late by 1 working day (25th, 28th are
// bank holidays, 26th–27th a weekend).
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { cellsOf, countIncrements } from '../../../server/src/domain/reports/timeliness-counts';
import { buildTimelinessReport, buildTimelinessReportFromCounts } from '../../../server/src/domain/reports/timeliness-report';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';

const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const fact = (id: string, over: Partial<TaskFact> = {}): TaskFact => ({
  id, team: 'north.east', worker: 'ann.smith|2', processId: 'p', processVersion: 1, elementId: 'e', taskName: 'T', timescaleId: 'planReview',
  timescaleVersion: 2, createdAt: '2026-12-01T09:00:00.000Z', dueDate: '2026-12-24T17:00:00.000Z', state: 'open', ...over,
});

/** Applies increments as $inc would, nested by the dotted path. */
function applied(changes: Parameters<typeof countIncrements>[0]): Map<string, Record<string, any>> {
  const months = new Map<string, Record<string, any>>();
  for (const [month, paths] of countIncrements(changes, calendar)) {
    const doc = months.get(month) ?? months.set(month, {}).get(month)!;
    for (const [path, by] of paths) {
      const parts = path.split('.');
      let at = doc;
      for (const p of parts.slice(0, -1)) at = (at[p] ??= {});
      at[parts.at(-1)!] = (at[parts.at(-1)!] ?? 0) + by;
    }
  }
  return months;
}

describe('timeliness counts', () => {
  it('move a task from open to late, by working days, in the month it fell due', () => {
    const open = fact('t1');
    const done = fact('t1', { state: 'completed', completedAt: '2026-12-29T10:00:00.000Z' });
    const months = applied([[undefined, open], [open, done]]);
    expect([...months.keys()]).toEqual(['2026-12']);
    expect(cellsOf(months.get('2026-12')!)).toEqual([
      { timescaleId: 'planReview', version: 2, team: 'north.east', worker: 'ann.smith|2', onTime: 0, late: { 1: 1 }, open: {} },
    ]);
    expect(Object.keys(months.get('2026-12')!)[0]).not.toContain('.'); // a field name, not a path
  });

  it('give the report the facts give, overdue now included', () => {
    const facts = [
      fact('a', { state: 'completed', completedAt: '2026-12-23T10:00:00.000Z' }),
      fact('b', { state: 'completed', completedAt: '2027-01-04T10:00:00.000Z', worker: 'bob' }),
      fact('c'),
      fact('d', { dueDate: '2027-01-20T17:00:00.000Z', team: undefined, worker: undefined }),
    ];
    const filter = { from: '2026-12', to: '2027-01' };
    const now = new Date('2027-01-15T12:00:00Z');
    const months = applied(facts.map((f) => [undefined, f]));
    const fromCounts = buildTimelinessReportFromCounts([...months].map(([month, cells]) => ({ month, cells: cellsOf(cells) })), filter, now);
    expect(fromCounts).toEqual(buildTimelinessReport(facts, filter, now, calendar));
    expect(fromCounts.trend.map((m) => [m.month, m.figures.onTime, m.figures.late, m.figures.overdueNow, m.figures.dueLater]))
      .toEqual([['2026-12', 1, 1, 1, 0], ['2027-01', 0, 0, 0, 1]]);
  });
});
