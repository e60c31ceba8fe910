// The engine lease's rules (TOPOLOGY=shared), on an in-memory store with the same atomic-insert contract as
// the Mongo one and a clock the test moves: one owner, renewal, takeover after expiry, a paused owner fenced.
import { EngineLease } from '../../../server/src/adapters/engine-embedded/lease/engine-lease';
import type { EngineLeaseStore, LeaseRecord } from '../../../server/src/ports/engine-lease.port';

class MemoryLeaseStore implements EngineLeaseStore {
  readonly rows = new Map<number, LeaseRecord>();
  /** Runs between a holder's extend and its check for a newer epoch (a rival's insert landing just then). */
  afterExtend?: () => void;
  async latest() { return this.rows.get(Math.max(0, ...this.rows.keys())); }
  async claim(r: LeaseRecord) {
    if (this.rows.has(r.epoch)) return false;
    this.rows.set(r.epoch, { ...r });
    return true;
  }
  reads = 0;
  async exists(epoch: number) { this.reads++; return this.rows.has(epoch); }
  async extend(epoch: number, expiresAt: Date) {
    const r = this.rows.get(epoch);
    if (r) r.expiresAt = expiresAt;
    this.afterExtend?.();
  }
  async prune(below: number) { for (const e of [...this.rows.keys()]) if (e < below) this.rows.delete(e); }
}

const TTL = 15_000;
let now: number;
const clock = { now: () => new Date(now) };
const lease = (store: EngineLeaseStore, holder: string) => new EngineLease({ store, clock, holder, address: `http://${holder}`, ttlMs: TTL });

beforeEach(() => { now = Date.parse('2026-03-14T09:30:00Z'); });

describe('engine lease', () => {
  it('gives the first server epoch 1 and tells the next who owns it', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    const b = lease(store, 'b');
    expect(await a.step()).toMatchObject({ kind: 'owner', grant: { epoch: 1 } });
    expect(await b.step()).toMatchObject({ kind: 'follower', owner: { holder: 'a', address: 'http://a', epoch: 1 } });
    expect(a.held()?.epoch).toBe(1);
    expect(b.held()).toBeUndefined();
  });

  it('keeps the owner while it renews, and stops it a margin before the expiry it wrote', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    const b = lease(store, 'b');
    await a.step();
    for (let i = 0; i < 5; i++) {
      now += 5_000;
      expect(await a.step()).toMatchObject({ kind: 'owner', grant: { epoch: 1 } });
      expect((await b.step()).kind).toBe('follower');
    }
    expect(store.rows.get(1)?.expiresAt.getTime()).toBe(now + TTL);
    expect(store.reads).toBe(5); // one check for a newer epoch per renewal, after its write
    // The follower knows the holder from its rounds (a command is forwarded without reading the store).
    expect(b.knownHolder()).toMatchObject({ holder: 'a', epoch: 1 });
    now += TTL - 5_000; // the holder's own deadline (ttl - margin) has passed; the written expiry has not
    expect(a.held()).toBeUndefined();
    expect((await b.step()).kind).toBe('follower');
  });

  it('lets another server take over once the owner stops renewing, and fences the old owner', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    const b = lease(store, 'b');
    await a.step();
    now += TTL; // a paused (or dead): no renewal
    expect(await b.step()).toMatchObject({ kind: 'owner', grant: { epoch: 2 } });
    // a resumes: past its deadline it neither acts nor renews, and sees b as the owner.
    expect(a.held()).toBeUndefined();
    expect(await a.step()).toMatchObject({ kind: 'follower', owner: { holder: 'b', epoch: 2 } });
    expect(store.rows.get(1)?.expiresAt.getTime()).toBe(Date.parse('2026-03-14T09:30:15Z')); // not renewed
  });

  it('gives up when a rival takes the next epoch while its renewal is being written', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    await a.step();
    now += 4_000;
    store.afterExtend = () => void store.claim({ epoch: 2, holder: 'b', address: 'http://b', acquiredAt: clock.now(), expiresAt: new Date(now + TTL) });
    expect(await a.step()).toMatchObject({ kind: 'follower', owner: { holder: 'b' } });
    expect(a.held()).toBeUndefined();
  });

  it('lets exactly one of several racing servers take a free lease', async () => {
    const store = new MemoryLeaseStore();
    const states = await Promise.all(['a', 'b', 'c', 'd'].map((h) => lease(store, h).step()));
    expect(states.filter((s) => s.kind === 'owner')).toHaveLength(1);
    expect(store.rows.size).toBe(1);
  });

  it('hands over at once when the owner releases it (shutdown)', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    const b = lease(store, 'b');
    await a.step();
    await a.release();
    expect(a.held()).toBeUndefined();
    expect(await b.step()).toMatchObject({ kind: 'owner', grant: { epoch: 2 } });
  });

  it('keeps a few rows only', async () => {
    const store = new MemoryLeaseStore();
    const a = lease(store, 'a');
    for (let i = 0; i < 6; i++) {
      await a.step();
      now += TTL;
    }
    expect([...store.rows.keys()]).toEqual([5, 6]);
  });
});
