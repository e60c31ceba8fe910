// A service that first started on an older release keeps its timescales in the database. When a release ships
// new processes with new timescales, or corrects a source, the service adopts them at start as one new version
// — and a manager's value stays the manager's.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { MongoTimescaleRepository } from '../../../server/src/adapters/mongo/timescale.repository';
import { adoptTimescaleDefaults } from '../../../server/src/application/adopt-timescale-defaults';
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { openTestDb } from '../../support/test-db';

const shipped = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));
const clock = { now: () => new Date('2026-12-01T10:00:00Z') };
const manager = { id: 'manager-1', roles: ['team-managers'] };

describe('adopting a new release of timescales.json (real database)', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('ts-adopt'); });
  afterAll(async () => db.drop());

  it('adds the new timescales and new wording as one version, keeping the values managers set', async () => {
    // The service first started when the file had only the first three timescales, one with an older source.
    const older = shipped.slice(0, 3).map((t, i) => (i === 1 ? { ...t, source: 'superseded source', status: 'old status' } : t));
    const repo = new MongoTimescaleRepository(db.conn, { defaults: older, now: clock.now });
    expect((await repo.current()).timescales).toHaveLength(3);
    await updateTimescale({ timescales: repo, clock }, manager, { timescaleId: shipped[1].id, value: 17, unit: 'workingDays', reason: 'Local protocol' });

    const result = await adoptTimescaleDefaults({ timescales: repo, clock, defaults: shipped });
    expect(result.version).toBe(3);
    expect(result.added).toEqual(shipped.slice(3).map((t) => t.id));
    expect(result.reworded).toEqual([shipped[1].id]);

    const current = await repo.current();
    expect(current.timescales.map((t) => t.id)).toEqual(shipped.map((t) => t.id));
    const edited = current.timescales[1];
    expect([edited.value, edited.unit, edited.source, edited.status]).toEqual([17, 'workingDays', shipped[1].source, shipped[1].status]);
    expect(current).toMatchObject({ createdBy: 'system', reason: expect.stringContaining(`added ${shipped[3].id}`) });
  });

  it('does nothing when the service already has this release, and keeps a timescale the file no longer ships', async () => {
    const repo = new MongoTimescaleRepository(db.conn, { defaults: shipped, now: clock.now });
    const before = await repo.current();
    expect(await adoptTimescaleDefaults({ timescales: repo, clock, defaults: shipped })).toEqual({ added: [], reworded: [] });
    expect((await repo.current()).version).toBe(before.version);

    const withoutFirst = shipped.slice(1);
    expect(await adoptTimescaleDefaults({ timescales: repo, clock, defaults: withoutFirst })).toEqual({ added: [], reworded: [] });
    expect((await repo.current()).timescales.some((t) => t.id === shipped[0].id)).toBe(true);
  });
});
