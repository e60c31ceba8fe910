// Sessions read from memory, written through to the database. Every request looks its session up;
// connect-mongo's lookup ({_id, $or: expiry}) is not pushed down by FerretDB, so each request scanned
// the sessions collection (14 ms under load with 50 sessions). Valid only when this process is the one
// server on its database (the embedded setup): every set, touch and destroy then passes through here,
// so a sign-out or an expiry is seen at once. With several servers sharing MongoDB it is left out.
//
// What is kept mirrors what the database holds (or is about to: see set and touch): the session as
// stored (JSON), its lastModified (so touchAfter keeps skipping writes) and the expiry last written, not
// the cookie's rolling one — a session the database would have expired is not served from here either.
import session from 'express-session';

type Stored = session.SessionData & { lastModified?: Date };
type Callback<T = void> = (err?: unknown, value?: T) => void;

const MAX_ENTRIES = 10_000;
/**
 * The longest one session write may hold the writes and lookups queued behind it. A write whose callback
 * never comes (a driver command that never settled after the embedded database was killed: issue 15,
 * closed-connection-guard.ts) would otherwise hold every later request of that session for ever, since a
 * lookup that misses the cache waits for the session's pending writes. Past the bound the write counts as
 * failed: the cached copy is dropped (the next lookup reads the database) and the chain moves on. Far above
 * a real write (milliseconds; seconds under load), below any client's patience.
 */
export const SESSION_WRITE_BOUND_MS = 15_000;

export class CachedSessionStore extends session.Store {
  private readonly entries = new Map<string, { sess: Stored; expires: number }>();
  /** Loads in flight by session id; a write or destroy meanwhile withdraws the load's right to cache. */
  private readonly loads = new Map<string, object>();
  /** The tail of each session's database writes, kept in order. */
  private readonly writes = new Map<string, Promise<void>>();

  /** `touchAfterMs` must equal the inner MongoStore's touchAfter. */
  constructor(
    private readonly inner: session.Store,
    private readonly touchAfterMs: number,
    private readonly defaultTtlMs: number,
    private readonly writeBoundMs = SESSION_WRITE_BOUND_MS,
  ) {
    super();
  }

  override get(sid: string, cb: Callback<session.SessionData | null>): void {
    const hit = this.entries.get(sid);
    if (hit && hit.expires > Date.now()) return cb(null, structuredClone(hit.sess));
    if (hit) this.entries.delete(sid);
    const token = {};
    this.loads.set(sid, token);
    const load = () => this.inner.get(sid, (err, sess) => {
      const mine = this.loads.get(sid) === token;
      if (mine) this.loads.delete(sid);
      if (!err && sess && mine) this.remember(sid, structuredClone(sess as Stored));
      cb(err, sess ?? null);
    });
    const writing = this.writes.get(sid);
    if (writing) void writing.then(load);
    else load();
  }

  /**
   * A new session (a sign-in) is stored before the response; a change to a known one (lastSeenAt, once a
   * minute) is kept here at once and stored behind the response, in order per session. Losing such a
   * write in a crash only makes the session look idle sooner.
   */
  override set(sid: string, sess: session.SessionData, cb: Callback = () => undefined): void {
    this.loads.delete(sid);
    const stored = JSON.parse(JSON.stringify(sess)) as Stored;
    delete stored.lastModified;
    const known = this.entries.has(sid) || this.writes.has(sid);
    const written = this.persist(sid, (done) => this.inner.set(sid, structuredClone(stored), done));
    if (known) {
      this.remember(sid, { ...stored, lastModified: new Date() });
      written.catch(() => this.entries.delete(sid));
      return cb();
    }
    written.then(() => {
      this.remember(sid, { ...stored, lastModified: new Date() });
      cb();
    }, cb);
  }

  /** Extends the stored expiry, as connect-mongo does (at most once per touchAfter), behind the response. */
  override touch(sid: string, sess: session.SessionData, cb: Callback = () => undefined): void {
    const lastModified = (sess as Stored).lastModified;
    if (lastModified instanceof Date && Date.now() - lastModified.getTime() < this.touchAfterMs) return cb();
    const entry = this.entries.get(sid);
    const cookie = JSON.parse(JSON.stringify(sess.cookie)) as session.Cookie;
    if (entry) {
      entry.sess = { ...entry.sess, cookie, lastModified: new Date() };
      entry.expires = this.expiryOf(entry.sess);
    }
    const touch = this.inner.touch as (sid: string, sess: session.SessionData, cb: (err?: unknown) => void) => void;
    this.persist(sid, (done) => touch.call(this.inner, sid, { cookie } as session.SessionData, done)).catch(() => this.entries.delete(sid));
    cb();
  }

  /** Sign-out: answered only once the session is gone from the database (after its pending writes). */
  override destroy(sid: string, cb: Callback = () => undefined): void {
    this.loads.delete(sid);
    this.entries.delete(sid);
    this.persist(sid, (done) => this.inner.destroy(sid, done)).then(() => {
      this.entries.delete(sid);
      cb();
    }, cb);
  }

  /** Resolves once every write accepted so far has reached the database (tests, shutdown). */
  async settled(): Promise<void> {
    while (this.writes.size) await Promise.all([...this.writes.values()]);
  }

  /**
   * Runs a database write for a session after the ones before it; the chain itself never rejects, and no
   * write holds it longer than writeBoundMs (see SESSION_WRITE_BOUND_MS). A write given up on may still land
   * later, out of order; its session is then read from the database, and lastSeenAt at worst looks older.
   */
  private persist(sid: string, op: (done: (err?: unknown) => void) => void): Promise<void> {
    const previous = this.writes.get(sid) ?? Promise.resolve();
    const bounded = () =>
      new Promise<void>((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`session write unanswered after ${this.writeBoundMs} ms`)), this.writeBoundMs);
        timer.unref?.();
        op((err) => {
          clearTimeout(timer);
          if (err) reject(err);
          else resolve();
        });
      });
    const written = previous.then(bounded);
    const chain = written.catch(() => undefined);
    this.writes.set(sid, chain);
    void chain.then(() => {
      if (this.writes.get(sid) === chain) this.writes.delete(sid);
    });
    return written;
  }

  override clear(cb: Callback = () => undefined): void {
    this.entries.clear();
    this.loads.clear();
    if (this.inner.clear) this.inner.clear(cb);
    else cb();
  }

  override length(cb: (err: unknown, length?: number) => void): void {
    if (this.inner.length) this.inner.length(cb);
    else cb(null, this.entries.size);
  }

  override all(cb: (err: unknown, obj?: session.SessionData[] | { [sid: string]: session.SessionData } | null) => void): void {
    if (this.inner.all) this.inner.all(cb);
    else cb(null, null);
  }

  private remember(sid: string, sess: Stored): void {
    this.entries.delete(sid); // re-inserted last, so the oldest entry is the first to go
    this.entries.set(sid, { sess, expires: this.expiryOf(sess) });
    if (this.entries.size > MAX_ENTRIES) this.entries.delete(this.entries.keys().next().value!);
  }

  /** As connect-mongo computes `expires`: the cookie's expiry, else its default ttl from now. */
  private expiryOf(sess: Stored): number {
    const expires = sess.cookie?.expires ? Date.parse(String(sess.cookie.expires)) : NaN;
    return Number.isFinite(expires) ? expires : Date.now() + this.defaultTtlMs;
  }
}
