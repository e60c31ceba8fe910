// LeasedEngine's routing (TOPOLOGY=shared), with stand-in engines, an in-memory lease store and a recorded
// forwarder: the lease holder runs commands on a freshly started engine, a follower hands them to the
// holder's address and reads locally, and a holder that lost the lease stops and refuses commands.
import { EngineLease } from '../../../server/src/adapters/engine-embedded/lease/engine-lease';
import { LeasedEngine } from '../../../server/src/adapters/engine-embedded/lease/leased-engine';
import { NotEngineOwnerError } from '../../../server/src/adapters/engine-embedded/lease/engine-command-wire';
import type { EngineLeaseStore, LeaseRecord } from '../../../server/src/ports/engine-lease.port';

class MemoryLeaseStore implements EngineLeaseStore {
  readonly rows = new Map<number, LeaseRecord>();
  latestReads = 0;
  async latest() { this.latestReads++; return this.rows.get(Math.max(0, ...this.rows.keys())); }
  async claim(r: LeaseRecord) { return this.rows.has(r.epoch) ? false : (this.rows.set(r.epoch, { ...r }), true); }
  async exists(epoch: number) { return this.rows.has(epoch); }
  async extend(epoch: number, expiresAt: Date) { const r = this.rows.get(epoch); if (r) r.expiresAt = expiresAt; }
  async prune() { /* keeps all */ }
}

const TTL = 60_000;
let now = Date.parse('2026-03-14T09:30:00Z');
const clock = { now: () => new Date(now) };

function standIn(server: string, log: string[]) {
  const id = `${server}#${log.filter((l) => l.startsWith(`${server} made`)).length + 1}`;
  log.push(`${server} made ${id}`);
  return {
    start: async () => void log.push(`${id} started`),
    stop: async () => void log.push(`${id} stopped`),
    completeUserTask: async (key: string) => void log.push(`${id} completed ${key}`),
    getInstance: async (key: string) => ({ key, readBy: id }),
    registerJobHandler: (type: string) => void log.push(`${id} handles ${type}`),
    onEvent: () => undefined,
  } as never;
}

function server(name: string, store: MemoryLeaseStore, log: string[], forwarded: unknown[][]) {
  const holder = `${name}-holder`;
  const lease = new EngineLease({ store, clock, holder, address: `http://${name}`, ttlMs: TTL });
  return new LeasedEngine({
    make: () => standIn(name, log), lease, store, holder, clock, ttlMs: TTL,
    forward: async (target, command, args) => (forwarded.push([target.address, target.epoch, command, ...args]), `done by ${target.address}`),
    onError: (err) => log.push(`${name} error ${(err as Error).message}`),
  });
}

describe('LeasedEngine', () => {
  it('runs commands on the holder\'s fresh engine, forwards the follower\'s, and reads locally on both', async () => {
    const store = new MemoryLeaseStore();
    const log: string[] = [];
    const forwarded: unknown[][] = [];
    const a = server('a', store, log, forwarded);
    const b = server('b', store, log, forwarded);
    a.registerJobHandler('send-email', async () => ({ kind: 'complete' }));
    await a.start();
    await b.start();
    expect([a.isOwner, b.isOwner]).toEqual([true, false]);
    // The holder's engine is a new one, started, with the handlers registered before it existed.
    expect(log.filter((l) => l.startsWith('a'))).toEqual(['a made a#1', 'a#1 handles send-email', 'a made a#2', 'a#2 handles send-email', 'a#2 started']);

    await a.completeUserTask('t1', {}, { by: 'x' });
    const reads = store.latestReads;
    expect(await b.completeUserTask('t2', { ok: true }, { by: 'y' })).toBe('done by http://a');
    expect(store.latestReads).toBe(reads); // the holder as b's lease rounds found it: no read per command
    expect(forwarded).toEqual([['http://a', 1, 'completeUserTask', 't2', { ok: true }, { by: 'y' }]]);
    expect(log).toContain('a#2 completed t1');
    expect(log.some((l) => l.includes('completed t2'))).toBe(false); // b ran nothing itself
    expect(await b.getInstance('i1')).toEqual({ key: 'i1', readBy: 'b#1' });
    await a.stop();
    await b.stop();
  });

  it('refuses commands once its lease has lapsed (a paused holder), and its engine is stopped', async () => {
    const store = new MemoryLeaseStore();
    const log: string[] = [];
    const a = server('a', store, log, []);
    await a.start();
    now += TTL; // paused past its own deadline
    expect(a.isOwner).toBe(false);
    await expect(a.execute('cancelInstance', ['i1'])).rejects.toBeInstanceOf(NotEngineOwnerError);
    expect(log.some((l) => l.includes('cancel'))).toBe(false);
    await a.stop();
    expect(log).toContain('a#2 stopped');
  });

  it('a server starting alone takes the free lease and releases it on stop, so the next takes over at once', async () => {
    const store = new MemoryLeaseStore();
    const log: string[] = [];
    const a = server('a', store, log, []);
    await a.start();
    await a.stop();
    const b = server('b', store, log, []);
    await b.start();
    expect(b.isOwner).toBe(true);
    expect((await store.latest())?.holder).toBe('b-holder');
    await b.stop();
  });
});
