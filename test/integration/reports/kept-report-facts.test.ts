// The task facts kept in memory on the one server that writes them (single topology): a
// report's period read answers from memory — FerretDB would decode every fact for it — with the same rows
// the database gives; writes made while the first scan runs are not lost; an erasure is never answered
// from stale memory.
import type { Collection, Document } from 'mongodb';
import { KeptRows } from '../../../server/src/adapters/mongo/kept-rows';
import { MongoReportFactRepository } from '../../../server/src/adapters/mongo/report-fact.repository';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';
import { openTestDb } from '../../support/test-db';

const fact = (id: string, dueDate: string, team?: string, caseId = 'YJ-1'): TaskFact => ({
  id, caseId, ...(team ? { team } : {}), processId: 'p', processVersion: 1, elementId: 'e', taskName: 'Task', timescaleId: 'planReview',
  timescaleVersion: 1, createdAt: '2026-01-01T09:00:00.000Z', dueDate, state: 'open',
});
const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

describe('Task facts kept in memory (single topology)', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('kept_facts'); });
  afterAll(async () => { await db.drop(); });

  it('answers a period read with the rows the database gives, then from memory alone', async () => {
    const stored = new MongoReportFactRepository(db.conn);
    const kept = new MongoReportFactRepository(db.conn, { keep: true });
    await kept.put(fact('t1', '2026-03-10T17:00:00.000Z', 'north'));
    await kept.put(fact('t2', '2026-04-02T17:00:00.000Z', 'south'));
    await stored.put(fact('t3', '2026-03-20T17:00:00.000Z')); // written before the kept rows are read: found by the scan
    await kept.put(fact('t4', '2026-05-01T17:00:00.000Z', 'north'));
    const march = { dueFrom: '2026-03-01T00:00:00.000Z', dueBefore: '2026-04-01T00:00:00.000Z' };
    expect(ids(await kept.find(march))).toEqual(ids(await stored.find(march)));
    expect(ids(await kept.find(march))).toEqual(['t1', 't3']);
    const northSpring = { dueFrom: '2026-03-01T00:00:00.000Z', dueBefore: '2026-06-01T00:00:00.000Z', teamsAny: ['north'] };
    expect(ids(await kept.find(northSpring))).toEqual(ids(await stored.find(northSpring)));
    // From memory: a row removed behind its back is still there; its own removal is seen.
    await stored.remove('t1');
    expect(ids(await kept.find(march))).toEqual(['t1', 't3']);
    expect((await kept.get('t1'))?.team).toBe('north'); // the updater's read of a stored fact: no database read
    await kept.remove('t3');
    expect(ids(await kept.find(march))).toEqual(['t1']);
  });

  it('an erasure reads the facts again rather than answer from memory', async () => {
    const kept = new MongoReportFactRepository(db.conn, { keep: true });
    await kept.put(fact('e1', '2027-02-03T17:00:00.000Z', 'north', 'YJ-7'));
    await kept.put(fact('e2', '2027-02-04T17:00:00.000Z', 'south', 'YJ-8'));
    await kept.put(fact('e3', '2026-11-04T17:00:00.000Z', 'north', 'YJ-7'));
    const winter = { dueFrom: '2026-11-01T00:00:00.000Z', dueBefore: '2027-03-01T00:00:00.000Z' };
    expect(ids(await kept.find(winter))).toEqual(['e1', 'e2', 'e3']);
    expect(ids(await kept.find({ ...winter, teamsAny: ['south'] }))).toEqual(['e2']);
    expect(await kept.eraseOfCase('YJ-7')).toBe(2);
    expect(ids(await kept.find(winter))).toEqual(['e2']);
  });
});

describe('KeptRows', () => {
  it('keeps the writes made while its first scan runs (the write wins over what the scan read)', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const col = {
      find: () => (async function* scan() {
        yield { id: 'a', v: 'scanned' };
        await gate;
        yield { id: 'b', v: 'scanned' };
        yield { id: 'c', v: 'scanned' };
      })(),
    } as unknown as Collection<Document>;
    const rows = new KeptRows<{ id: string; v: string }>(col, (d) => d as { id: string; v: string });
    const first = rows.all();
    await new Promise((r) => setImmediate(r));
    rows.put({ id: 'a', v: 'written' }); // the scan read it before this write
    rows.put({ id: 'b', v: 'written' }); // the scan reads it after (an older copy in a real scan)
    rows.remove('c');
    release();
    expect([...(await first)].map((r) => `${r.id}=${r.v}`).sort()).toEqual(['a=written', 'b=written']);
    expect([...(await rows.all())]).toHaveLength(2);
  });
});
