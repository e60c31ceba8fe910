// The cache of the version in force: another server's save is seen at the next version check once the last
// one is older than maxAgeMs (TOPOLOGY=shared, no restart), not before; a stored version that fails the
// rails is not put in force.
import { PermissionTableCache } from '../../../server/src/application/permissions/permission-table-cache';
import { shippedVersion, type PermissionVersion } from '../../../server/src/domain/permissions/permission-version';
import type { PermissionRows } from '../../../server/src/domain/policies';

function store(): { versions: PermissionVersion[]; head: number; reads: number; down?: boolean } {
  return { versions: [shippedVersion(new Date('2026-01-05T09:00:00Z'))], head: 1, reads: 0 };
}

function cacheOver(db: ReturnType<typeof store>) {
  let now = 0;
  const inForce: PermissionRows[] = [];
  const refused: number[] = [];
  const failed: (number | undefined)[] = [];
  const cache = new PermissionTableCache({
    repository: {
      current: async () => db.versions.find((v) => v.version === db.head)!,
      versionInForce: async () => {
        db.reads++;
        if (db.down) throw new Error('connection refused');
        return db.head;
      },
      getVersion: async (n) => db.versions.find((v) => v.version === n),
    },
    put: (rows) => inForce.push(rows),
    maxAgeMs: 2000,
    nowMs: () => now,
    onRefused: (v) => refused.push(v),
    onCheckFailed: (_e, v) => failed.push(v),
  });
  return { cache, inForce, refused, failed, advance: (ms: number) => { now += ms; } };
}

const withSpeech = (base: PermissionVersion, version: number): PermissionVersion => ({
  ...base, version, createdBy: 'u1', reason: 'r', rows: { ...base.rows, 'speech-language-workers': { actions: ['view-cases'], read: ['health'], write: [] } } as unknown as PermissionRows,
});

describe('PermissionTableCache', () => {
  it('sees another server\'s save at the first check after maxAgeMs, with one head read per interval', async () => {
    const db = store();
    const { cache, inForce, advance } = cacheOver(db);
    await cache.load();
    expect(cache.version).toBe(1);
    db.versions.push(withSpeech(db.versions[0]!, 2));
    db.head = 2; // saved by another server
    const readsBefore = db.reads;
    await Promise.all([cache.ensureFresh(), cache.ensureFresh()]);
    expect(cache.version).toBe(1); // checked less than 2 s ago
    expect(db.reads).toBe(readsBefore);
    advance(2000);
    await Promise.all([cache.ensureFresh(), cache.ensureFresh()]);
    expect(db.reads).toBe(readsBefore + 1);
    expect(cache.version).toBe(2);
    expect(Object.keys(inForce.at(-1)!)).toContain('speech-language-workers');
  });

  it('does not put in force a stored version that breaks the rails, nor an older one', async () => {
    const db = store();
    const { cache, refused, advance } = cacheOver(db);
    await cache.load();
    db.versions.push({ ...db.versions[0]!, version: 2, rows: { admins: { actions: [], read: [], write: [] } } as unknown as PermissionRows });
    db.head = 2;
    advance(5000);
    await cache.ensureFresh();
    expect(cache.version).toBe(1);
    expect(refused).toEqual([2]);
    cache.adopt(withSpeech(db.versions[0]!, 3));
    cache.adopt(db.versions[0]!);
    expect(cache.version).toBe(3);
  });

  it('keeps answering from the last known version while the database is down, checks again after maxAgeMs, and reports each failure', async () => {
    const db = store();
    const { cache, failed, advance } = cacheOver(db);
    await cache.load();
    db.down = true;
    advance(2000);
    await expect(cache.ensureFresh()).resolves.toBeUndefined();
    expect(cache.version).toBe(1);
    expect(failed).toEqual([1]);
    const reads = db.reads;
    await cache.ensureFresh(); // not again before maxAgeMs
    expect(db.reads).toBe(reads);
    db.down = false;
    db.versions.push(withSpeech(db.versions[0]!, 2));
    db.head = 2;
    advance(2000);
    await cache.ensureFresh();
    expect(cache.version).toBe(2);
    expect(failed).toEqual([1]);
  });
});
