// The KPI month summaries a server keeps parsed (kpi-month-cache.ts) are used again only while their month is
// unchanged, whichever server changed it: two repositories on one database stand for two servers of a
// shared topology. A month written by the other server, a database from before the months had stamps, and
// a rebuild are each seen at the next read, as a server that never read the months before sees them.
import { MongoKpiFactRepository } from '../../../server/src/adapters/mongo/kpi-fact.repository';
import type { KpiFact } from '../../../server/src/domain/reports/kpi-fact';
import { openTestDb } from '../../support/test-db';

const sentence = (id: string, caseId: string, on: string, team: string): KpiFact => ({
  id, caseId, team, formId: 'court-outcome', on, submittedAt: `${on}T12:00:00.000Z`,
  values: { hearing: { result: 'sentenced' }, outcome: { type: 'yro', offenceCategory: 'robbery', offenceGravity: 6 } },
});
const MONTHS = ['2026-03', '2026-04'];

describe('KPI month summaries kept parsed between reads', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let one: MongoKpiFactRepository;
  let other: MongoKpiFactRepository;
  /** What a server that never read these months reads now: the cases of each month, and their teams. */
  const fresh = async () => summaries(new MongoKpiFactRepository(db.conn));
  const summaries = async (repo: MongoKpiFactRepository) =>
    (await repo.caseMonths(MONTHS)).map((m) => [...m].map(([caseId, s]) => `${caseId}:${s.teams.join('+')}`).sort());

  beforeAll(async () => {
    db = await openTestDb('kpi_month_cache');
    one = new MongoKpiFactRepository(db.conn);
    other = new MongoKpiFactRepository(db.conn);
    await one.put(sentence('f1', 'c1', '2026-03-02', 'north'));
    await one.put(sentence('f2', 'c2', '2026-04-09', 'south'));
  });
  afterAll(async () => { await db.drop(); });

  it('reads a month again once the other server wrote it, and keeps the month nobody changed', async () => {
    const [march, april] = await one.caseMonths(MONTHS);
    expect(await summaries(one)).toEqual([['c1:north'], ['c2:south']]);
    await other.put(sentence('f3', 'c3', '2026-03-20', 'south'));
    const [marchAgain, aprilAgain] = await one.caseMonths(MONTHS);
    expect(aprilAgain).toBe(april); // unchanged: the copy already parsed
    expect(marchAgain).not.toBe(march);
    expect(await summaries(one)).toEqual([['c1:north', 'c3:south'], ['c2:south']]);
    // A fact moved from one month to the other changes both.
    await other.put(sentence('f1', 'c1', '2026-04-01', 'north'));
    expect(await summaries(one)).toEqual(await fresh());
    expect(await summaries(one)).toEqual([['c3:south'], ['c1:north', 'c2:south']]);
  });

  it('a database from before the stamps: the reader stamps the month before reading it, so a later write is seen', async () => {
    await db.conn.collection('report_kpi_month_stamps').deleteMany({});
    const reader = new MongoKpiFactRepository(db.conn);
    expect(await summaries(reader)).toEqual([['c3:south'], ['c1:north', 'c2:south']]);
    expect(await db.conn.collection('report_kpi_month_stamps').countDocuments()).toBe(2);
    await other.eraseOfCase('c3');
    expect(await summaries(reader)).toEqual([[], ['c1:north', 'c2:south']]);
  });

  it('the rebuild stamps every month again: a server\'s copy made stale behind its back is read again', async () => {
    expect(await summaries(one)).toEqual([[], ['c1:north', 'c2:south']]);
    // A fact written with no summary kept (as after a stop between the two writes), then the rebuild's recount.
    const f4 = sentence('f4', 'c4', '2026-03-05', 'north');
    const { id, ...rest } = f4;
    await db.conn.collection('report_kpi_facts').insertOne({ _id: id as never, ...rest });
    expect(await summaries(one)).toEqual([[], ['c1:north', 'c2:south']]);
    const all: KpiFact[] = [];
    for (let page = await other.page(undefined, 100); page.length; page = await other.page(page.at(-1)!.id, 100)) all.push(...page);
    await other.recount(all);
    expect(await summaries(one)).toEqual([['c4:north'], ['c1:north', 'c2:south']]);
    expect(await summaries(one)).toEqual(await fresh());
  });
});
