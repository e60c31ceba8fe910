// The timeliness counts' increments written later (as the reports module does, once a second): none is lost
// or counted twice. A report read writes them first, the timer writes them by itself, and the rebuild's
// recount writes them before it replaces the counts, so they are not added again on top.
import { MongoReportFactRepository } from '../../../server/src/adapters/mongo/report-fact.repository';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { countFact, type CountIncrements } from '../../../server/src/domain/reports/timeliness-counts';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';
import { openTestDb } from '../../support/test-db';

const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const fact = (id: string, completedAt?: string): TaskFact => ({
  id, caseId: 'YJ-1', team: 'north', worker: 'ali', processId: 'p', processVersion: 1, elementId: 'e', taskName: 'Task',
  timescaleId: 'planReview', timescaleVersion: 1, createdAt: '2026-03-01T09:00:00.000Z', dueDate: '2026-03-10T17:00:00.000Z',
  ...(completedAt ? { state: 'completed' as const, completedAt } : { state: 'open' as const }),
});
/** [on time, late, open] in March, as the report reads them. */
const march = async (repo: MongoReportFactRepository) => {
  const [{ cells }] = await repo.monthCounts(['2026-03']);
  return [cells.reduce((a, c) => a + c.onTime, 0), cells.flatMap((c) => Object.values(c.late)).reduce((a, n) => a + n, 0), cells.flatMap((c) => Object.values(c.open)).reduce((a, n) => a + n, 0)];
};

describe('Timeliness counts written later', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  const stored = () => db.conn.collection('report_timeliness_months').countDocuments();
  beforeEach(async () => { db = await openTestDb('deferred_counts'); });
  afterEach(async () => { await db.drop(); });

  it('a report read writes the increments first; the same read from the database then agrees', async () => {
    const repo = new MongoReportFactRepository(db.conn, { calendar, counts: { deferMs: 600_000 } });
    await repo.put(fact('t1'));
    await repo.put(fact('t2'));
    await repo.put(fact('t1', '2026-03-09T10:00:00.000Z')); // done on time: open → on time
    await repo.put(fact('t3', '2026-03-12T10:00:00.000Z')); // two working days late
    expect(await stored()).toBe(0); // nothing written yet
    expect(await march(repo)).toEqual([1, 1, 1]);
    expect(await march(new MongoReportFactRepository(db.conn))).toEqual([1, 1, 1]); // another server: written
  });

  it('the timer writes them by itself', async () => {
    const repo = new MongoReportFactRepository(db.conn, { calendar, counts: { deferMs: 20 } });
    await repo.put(fact('t1', '2026-03-09T10:00:00.000Z'));
    while (!(await stored())) await new Promise((r) => setTimeout(r, 20));
    expect(await march(new MongoReportFactRepository(db.conn))).toEqual([1, 0, 0]);
  });

  it('the recount writes them before replacing the counts, so they are not added twice', async () => {
    const repo = new MongoReportFactRepository(db.conn, { calendar, counts: { deferMs: 600_000 } });
    const facts = [fact('t1', '2026-03-09T10:00:00.000Z'), fact('t2')];
    for (const f of facts) await repo.put(f);
    const counts: CountIncrements = new Map();
    for (const f of facts) countFact(counts, f, calendar);
    expect(await repo.recount(counts)).toEqual([]); // the written increments are already those of every fact
    expect(await march(repo)).toEqual([1, 0, 1]);
  });
});
