import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { MongoTimescaleRepository } from '../../../server/src/adapters/mongo/timescale.repository';
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { ConflictError } from '../../../server/src/domain/errors';
import { createCalculateDeadlinesJob } from '../../../server/src/jobs/calculate-deadlines.job';
import { openTestDb } from '../../support/test-db';

const defaults = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));
const manager = { id: 'manager-1', roles: ['team-managers'] };
const clock = { now: () => new Date('2026-11-24T10:00:00Z') };

describe('MongoTimescaleRepository (real database)', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => {
    db = await openTestDb('timescales');
  });
  afterAll(async () => db.drop());

  it('seeds version 1 from the file once, even when asked concurrently', async () => {
    const repo = new MongoTimescaleRepository(db.conn, { defaults, now: clock.now });
    // Both racers share the clock: whichever seeds first, version 1 has the same timestamp.
    const [a, b] = await Promise.all([repo.current(), new MongoTimescaleRepository(db.conn, { defaults, now: clock.now }).current()]);
    expect(a.version).toBe(1);
    expect(b.version).toBe(1);
    expect(a.timescales).toHaveLength(defaults.length);
    expect(await db.conn.collection('timescale_versions').countDocuments()).toBe(1);
    expect(await repo.history()).toEqual([
      { version: 1, createdAt: '2026-11-24T10:00:00.000Z', createdBy: 'system', reason: expect.stringContaining('timescales.json') },
    ]);
  });

  it('an edit creates version 2; deadlines calculated after use it while a stored computation keeps version 1', async () => {
    const repo = new MongoTimescaleRepository(db.conn, { defaults });
    const handler = createCalculateDeadlinesJob({ timescales: repo, calendar: createWorkingCalendar(), clock });
    const vars = { referralReceivedAt: '2026-11-24T09:00:00Z' };
    const headers = { timescales: 'oocdAssessment', from: 'referralReceivedAt' };
    const job = (variables: Record<string, unknown>) =>
      handler({ key: 'k', type: 'calculate-deadlines', processId: 'p', instanceKey: 'i', elementId: 'e', retries: 3, headers, variables });

    const before = await job(vars);
    expect(before).toMatchObject({ variables: { deadlines: { oocdAssessment: '2026-12-08T17:00:00.000Z' }, timescalesVersion: 1 } });

    const v2 = await updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'oocdAssessment', value: 15, unit: 'workingDays', reason: 'Joint protocol with police, Nov 2026',
    });
    expect(v2.version).toBe(2);
    expect((await repo.current()).version).toBe(2);

    const storedInstance = (before as { variables: Record<string, unknown> }).variables;
    expect(await job({ ...vars, ...storedInstance })).toMatchObject({
      variables: { deadlines: { oocdAssessment: '2026-12-08T17:00:00.000Z' }, timescalesVersion: 1 },
    });
    expect(await job(vars)).toMatchObject({
      variables: { deadlines: { oocdAssessment: '2026-12-15T17:00:00.000Z' }, timescalesVersion: 2 },
    });
  });

  it('keeps history newest first with who/when/why, filterable by timescale', async () => {
    const repo = new MongoTimescaleRepository(db.conn, { defaults });
    await updateTimescale({ timescales: repo, clock }, manager, {
      timescaleId: 'planReview', value: 2, unit: 'months', reason: 'Inspection recommendation',
    });
    const all = await repo.history();
    expect(all.map((h) => h.version)).toEqual([3, 2, 1]);
    expect(all[0]).toMatchObject({
      createdBy: 'manager-1', reason: 'Inspection recommendation',
      change: { timescaleId: 'planReview', before: { value: 3, unit: 'months' }, after: { value: 2, unit: 'months' } },
    });
    expect((await repo.history('planReview')).map((h) => h.version)).toEqual([3, 1]);
    expect((await repo.getVersion(2))?.timescales.find((t) => t.id === 'planReview')?.value).toBe(3);
    expect(await repo.getVersion(42)).toBeUndefined();
  });

  it('refuses a second version with the same number (two managers saving at once)', async () => {
    const repo = new MongoTimescaleRepository(db.conn, { defaults });
    const current = await repo.current();
    await expect(repo.append({ ...current, reason: 'race' })).rejects.toBeInstanceOf(ConflictError);
  });
});
