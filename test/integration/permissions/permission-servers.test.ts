// Two servers over one database (TOPOLOGY=shared), each with its own repository and cache: a version saved
// through one is in force on the other at its next version check — no restart — and two saves based on the
// same version cannot both succeed. Real FerretDB: the head document is an upsert with $max.
import { MongoPermissionVersionRepository } from '../../../server/src/adapters/mongo/permission-version.repository';
import { PermissionTableCache } from '../../../server/src/application/permissions/permission-table-cache';
import { ConflictError } from '../../../server/src/domain/errors';
import type { PermissionRows } from '../../../server/src/domain/policies';
import { openTestDb } from '../../support/test-db';

describe('a permission version reaches every server', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  beforeAll(async () => { db = await openTestDb('perm'); });
  afterAll(() => db?.drop());

  function server() {
    let now = 0;
    let rows: PermissionRows | undefined;
    const repository = new MongoPermissionVersionRepository(db.conn, () => new Date('2026-03-14T09:30:00Z'));
    const cache = new PermissionTableCache({ repository, put: (r) => { rows = r; }, maxAgeMs: 2000, nowMs: () => now });
    return { repository, cache, rowsInForce: () => rows!, advance: (ms: number) => { now += ms; } };
  }

  it('a save on server A is in force on server B after B\'s next check; a second save of the same version is a conflict', async () => {
    const [a, b] = [server(), server()];
    await Promise.all([a.cache.load(), b.cache.load()]); // both seed version 1; one insert wins
    expect([a.cache.version, b.cache.version]).toEqual([1, 1]);
    expect(await a.repository.history()).toHaveLength(1);

    const v1 = await a.repository.current();
    const next = { ...v1, version: 2, createdBy: 'u1', reason: 'Speech and language workers', rows: { ...v1.rows, 'speech-language-workers': { actions: ['view-cases'], read: ['health'], write: [] } } as unknown as PermissionRows };
    await a.repository.append(next);
    a.cache.adopt(next);
    await expect(b.repository.append({ ...next, reason: 'someone else' })).rejects.toBeInstanceOf(ConflictError);

    await b.cache.ensureFresh();
    expect(b.cache.version).toBe(1); // checked less than two seconds ago
    b.advance(2000);
    await b.cache.ensureFresh();
    expect(b.cache.version).toBe(2);
    expect(Object.keys(b.rowsInForce())).toContain('speech-language-workers');
    expect(await b.repository.versionInForce()).toBe(2);
  });
});
