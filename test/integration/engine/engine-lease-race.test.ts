// The engine lease on the real embedded database (FerretDB 1.24, where conditional updates are not atomic):
// servers racing on their own connections for a free or expired lease end with exactly one owner each time.
import type { Connection } from 'mongoose';
import { connectMongo } from '../../../server/src/adapters/mongo/mongo-connection';
import { EngineLease } from '../../../server/src/adapters/engine-embedded/lease/engine-lease';
import { MongoEngineLeaseStore } from '../../../server/src/adapters/engine-embedded/lease/mongo-engine-lease.store';
import { freshDbName, testDbUri } from '../../support/test-db';

const SERVERS = 4;
const ROUNDS = 8;
const TTL = 10_000;

describe('engine lease on FerretDB', () => {
  const dbName = freshDbName('lease');
  const conns: Connection[] = [];
  let now = Date.parse('2026-03-14T09:30:00Z');
  const clock = { now: () => new Date(now) };

  beforeAll(async () => {
    for (let i = 0; i < SERVERS; i++) conns.push(await connectMongo(testDbUri(), dbName));
  });
  afterAll(async () => {
    await conns[0]?.dropDatabase().catch(() => undefined);
    await Promise.all(conns.map((c) => c.close()));
  });

  it('gives each race for a free or expired lease exactly one owner, with a new epoch each time', async () => {
    const epochs: number[] = [];
    for (let round = 0; round < ROUNDS; round++) {
      const leases = conns.map((conn, i) => new EngineLease({ store: new MongoEngineLeaseStore(conn), clock, holder: `s${i}-r${round}`, address: `http://s${i}`, ttlMs: TTL }));
      const states = await Promise.all(leases.map((l) => l.step()));
      const owners = states.flatMap((s) => (s.kind === 'owner' ? [s.grant.epoch] : []));
      expect(owners).toHaveLength(1);
      epochs.push(owners[0]);
      // Everyone else names that owner.
      const named = states.flatMap((s) => (s.kind === 'follower' ? [s.owner?.epoch] : []));
      expect(named).toEqual(Array(SERVERS - 1).fill(owners[0]));
      now += TTL; // the owner dies: its lease expires
    }
    expect(epochs).toEqual(Array.from({ length: ROUNDS }, (_, i) => i + 1));
  });

  it('renews on the database and hands over on release', async () => {
    const store = new MongoEngineLeaseStore(conns[0]);
    const a = new EngineLease({ store, clock, holder: 'renewing', address: 'http://a', ttlMs: TTL });
    const b = new EngineLease({ store: new MongoEngineLeaseStore(conns[1]), clock, holder: 'waiting', address: 'http://b', ttlMs: TTL });
    const first = await a.step();
    expect(first.kind).toBe('owner');
    now += 3_000;
    expect((await a.step()).kind).toBe('owner');
    expect((await store.latest())?.expiresAt.getTime()).toBe(now + TTL);
    now += 9_000; // past the first expiry, not the renewed one
    expect((await b.step()).kind).toBe('follower');
    await a.release();
    expect(await b.step()).toMatchObject({ kind: 'owner' });
  });
});
