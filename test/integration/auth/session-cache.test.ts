// The in-process session store over the real connect-mongo store: lookups stop reaching the database,
// yet a destroyed or expired session is never served, and a load racing a sign-out is not kept.
import { MongoStore } from 'connect-mongo';
import type { SessionData } from 'express-session';
import mongoose, { type Connection } from 'mongoose';
import { CachedSessionStore } from '../../../server/src/http/cached-session.store';
import { freshDbName, testDbUri } from '../../support/test-db';

const TOUCH_AFTER_MS = 60_000;
const sessionOf = (userId: string, expiresInMs: number) =>
  ({ cookie: { originalMaxAge: expiresInMs, expires: new Date(Date.now() + expiresInMs), httpOnly: true, path: '/' }, userId, csrfToken: 't' }) as unknown as SessionData;

const promised = <T>(fn: (cb: (err?: unknown, v?: T) => void) => void) =>
  new Promise<T | undefined>((resolve, reject) => fn((err, v) => (err ? reject(err) : resolve(v))));

describe('cached session store', () => {
  let conn: Connection;
  const commands: { name: string; collection: string }[] = [];
  const sent = (name: string) => commands.filter((c) => c.name === name && c.collection === 'sessions').length;
  let inner: MongoStore;
  const store = () => new CachedSessionStore(inner, TOUCH_AFTER_MS, 14 * 86_400_000);
  const get = (s: CachedSessionStore, sid: string) => promised<SessionData | null>((cb) => s.get(sid, cb));

  beforeAll(async () => {
    conn = mongoose.createConnection(testDbUri(), { dbName: freshDbName('sesscache'), monitorCommands: true, retryWrites: false });
    await conn.asPromise();
    conn.getClient().on('commandStarted', (e) => commands.push({ name: e.commandName, collection: String(e.command[e.commandName]) }));
    inner = MongoStore.create({ client: conn.getClient(), dbName: conn.name, collectionName: 'sessions', autoRemove: 'disabled', touchAfter: TOUCH_AFTER_MS / 1000 });
  });
  afterAll(async () => {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  it('writes through and then answers lookups without the database', async () => {
    const s = store();
    await promised((cb) => s.set('sid-1', sessionOf('u1', 3_600_000), cb));
    expect(await conn.db!.collection('sessions').countDocuments({ _id: 'sid-1' as never })).toBe(1);
    const before = sent('find');
    for (let i = 0; i < 3; i++) expect(await get(s, 'sid-1')).toMatchObject({ userId: 'u1' });
    expect(sent('find')).toBe(before);
  });

  it('keeps touches as rare as connect-mongo does (one write per touchAfter), from the cached copy', async () => {
    const s = store();
    await promised((cb) => s.set('sid-t', sessionOf('u1', 3_600_000), cb));
    const loaded = (await get(s, 'sid-t'))!;
    const before = sent('update');
    await promised((cb) => s.touch('sid-t', loaded, cb));
    const again = (await get(s, 'sid-t'))!;
    await promised((cb) => s.touch('sid-t', again, cb));
    expect(sent('update')).toBe(before);
  });

  it('never serves a destroyed session (sign-out), from this store or a fresh one', async () => {
    const s = store();
    await promised((cb) => s.set('sid-2', sessionOf('u2', 3_600_000), cb));
    expect(await get(s, 'sid-2')).toMatchObject({ userId: 'u2' });
    await promised((cb) => s.destroy('sid-2', cb));
    expect(await get(s, 'sid-2')).toBeNull();
    expect(await get(store(), 'sid-2')).toBeNull();
  });

  it('stops serving a session when the expiry the database holds has passed', async () => {
    const s = store();
    await promised((cb) => s.set('sid-3', sessionOf('u3', 300), cb));
    expect(await get(s, 'sid-3')).toMatchObject({ userId: 'u3' });
    await new Promise((r) => setTimeout(r, 400));
    expect(await get(s, 'sid-3')).toBeNull();
  });

  it('does not keep a session whose load was overtaken by a sign-out', async () => {
    await promised((cb) => inner.set('sid-4', sessionOf('u4', 3_600_000), cb));
    const s = store();
    const loading = get(s, 'sid-4'); // not cached yet: goes to the database
    const destroying = promised((cb) => s.destroy('sid-4', cb));
    await Promise.all([loading, destroying]);
    expect(await get(s, 'sid-4')).toBeNull();
  });

  it('stores a change to a known session behind the response, in order: a sign-out right after it still leaves nothing', async () => {
    const s = store();
    await promised((cb) => s.set('sid-6', sessionOf('u6', 3_600_000), cb));
    const changed = { ...sessionOf('u6', 3_600_000), lastSeenAt: 42 } as SessionData;
    await promised((cb) => s.set('sid-6', changed, cb));
    expect(await get(s, 'sid-6')).toMatchObject({ lastSeenAt: 42 });
    await s.settled();
    expect(await get(store(), 'sid-6')).toMatchObject({ lastSeenAt: 42 });

    await promised((cb) => s.set('sid-6', { ...changed, lastSeenAt: 43 } as SessionData, cb));
    await promised((cb) => s.destroy('sid-6', cb)); // queued behind the pending write
    expect(await conn.db!.collection('sessions').countDocuments({ _id: 'sid-6' as never })).toBe(0);
    await s.settled();
    expect(await conn.db!.collection('sessions').countDocuments({ _id: 'sid-6' as never })).toBe(0);
    expect(await get(s, 'sid-6')).toBeNull();
  });

  it('hands each request its own copy (express-session mutates what it is given)', async () => {
    const s = store();
    await promised((cb) => s.set('sid-5', sessionOf('u5', 3_600_000), cb));
    const first = (await get(s, 'sid-5')) as SessionData & { userId: string };
    first.userId = 'someone-else';
    expect(await get(s, 'sid-5')).toMatchObject({ userId: 'u5' });
  });

  // Issue 15: a write whose callback never came (a driver command left hanging by a killed database) held
  // every later request of its session, once an earlier failed write had dropped the cached copy.
  it('lets no session write hold the session for ever: past the bound it counts as failed and lookups read the database', async () => {
    const outcomes: ('fail' | 'never')[] = [];
    const flaky = Object.create(inner) as MongoStore;
    flaky.set = (sid, sess, cb) => {
      const outcome = outcomes.shift();
      if (outcome === 'fail') setImmediate(() => cb?.(new Error('connection closed')));
      else if (outcome !== 'never') inner.set(sid, sess, cb);
    };
    const s = new CachedSessionStore(flaky, TOUCH_AFTER_MS, 14 * 86_400_000, 300);
    await promised((cb) => s.set('sid-h', sessionOf('uh', 3_600_000), cb));
    outcomes.push('fail', 'never');
    await promised((cb) => s.set('sid-h', { ...sessionOf('uh', 3_600_000), lastSeenAt: 1 } as SessionData, cb)); // fails: copy dropped
    await promised((cb) => s.set('sid-h', { ...sessionOf('uh', 3_600_000), lastSeenAt: 2 } as SessionData, cb)); // never answered
    await new Promise((r) => setTimeout(r, 50));
    const looked = await Promise.race([get(s, 'sid-h'), new Promise((r) => setTimeout(() => r('hung'), 10_000))]);
    expect(looked).toMatchObject({ userId: 'uh' }); // as the database holds it
    await s.settled(); // nothing left pending
  });
});
