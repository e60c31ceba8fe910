// Sessions in MongoDB (connect-mongo). Expired sessions are removed by adapters/mongo/session-cleanup.ts
// with acknowledged deletes, never by connect-mongo's interval (it deletes with w: 0; FerretDB has no TTL
// indexes). The cookie is httpOnly, SameSite=strict and secure in production. Idle and absolute
// expiry are enforced here against the injected clock, not only by the cookie, so an old cookie
// replayed after its time is refused and the expiry is recorded in the audit log.
import { MongoStore } from 'connect-mongo';
import type { RequestHandler } from 'express';
import session from 'express-session';
import type { Connection } from 'mongoose';
import { signOut } from '../application/auth/sign-out';
import type { AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { UserRepository } from '../ports/user-repository.port';
import { CachedSessionStore } from './cached-session.store';
import { csrfProtection } from './csrf.middleware';
import { markSessionExpired, setSessionUser } from './session-user';

declare module 'express-session' {
  interface SessionData {
    userId: string;
    csrfToken: string;
    signedInAt: number; // epoch ms, from the clock
    /** When this session last proved the password (sign-in, own password change). */
    authAt: number;
    lastSeenAt: number;
  }
}

export const SESSION_COOKIE = 'yjs.sid';

export interface SecurityDeps {
  conn: Connection;
  users: UserRepository;
  audit: AuditLog;
  clock: Clock;
  /** At least 32 random characters; SESSION_SECRET. Rotating it signs everyone out. */
  secret: string;
  /** true when NODE_ENV=production (the cookie is then only sent over HTTPS). */
  secureCookies: boolean;
  /** Minutes without a request after which the session ends (default 30). */
  idleTimeoutMinutes?: number;
  /** Hours after sign-in after which the session ends regardless (default 12, a working day). */
  absoluteTimeoutHours?: number;
  /**
   * Serve session lookups from memory (cached-session.store.ts); default true. Only when this process is
   * the one server on its database — false when several servers share a MongoDB.
   */
  cacheSessions?: boolean;
}

// lastSeenAt and the stored expiry are written at most this often, so a busy user does not cost a session
// write per request. At most a tenth of the idle timeout: the stored expiry (what the clean-up deletes by)
// lags the last request by up to this much, and must never pass while the session is still in use.
const lastSeenResolutionMs = (idleMs: number) => Math.min(60_000, Math.floor(idleMs / 10));
/** connect-mongo's expiry for a session whose cookie has none (ours always has one: maxAge). */
const SESSION_TTL_S = 14 * 24 * 3600;

export interface SecurityMiddleware {
  /** Mount under /api before the routers, in this order: session, user loading, CSRF check. */
  handlers: RequestHandler[];
  cookieOptions: session.CookieOptions;
  store: MongoStore;
  /** Resolves once session writes accepted behind responses (last seen, expiry) have reached the database. */
  settled(): Promise<void>;
}

export function createSecurityMiddleware(deps: SecurityDeps): SecurityMiddleware {
  const idleMs = (deps.idleTimeoutMinutes ?? 30) * 60_000;
  const absoluteMs = (deps.absoluteTimeoutHours ?? 12) * 3_600_000;
  const LAST_SEEN_RESOLUTION_MS = lastSeenResolutionMs(idleMs);
  const cookieOptions: session.CookieOptions = { httpOnly: true, sameSite: 'strict', secure: deps.secureCookies, path: '/', maxAge: idleMs };
  // The store shares mongoose's client; never call store.close(), which would close that client too.
  const store = MongoStore.create({
    client: deps.conn.getClient(),
    dbName: deps.conn.name,
    collectionName: 'sessions',
    // 'interval' would delete with w: 0, which desynchronises FerretDB's replies (session-cleanup.ts).
    autoRemove: 'disabled',
    touchAfter: LAST_SEEN_RESOLUTION_MS / 1000,
    ttl: SESSION_TTL_S,
  });
  const cached = deps.cacheSessions === false ? undefined : new CachedSessionStore(store, LAST_SEEN_RESOLUTION_MS, SESSION_TTL_S * 1000);
  const sessions = session({
    name: SESSION_COOKIE,
    secret: deps.secret,
    store: cached ?? store,
    resave: false,
    saveUninitialized: false, // no session (and no cookie) until someone signs in
    rolling: true,
    unset: 'destroy',
    cookie: cookieOptions,
  });

  const loadUser: RequestHandler = async (req, _res, next) => {
    const s = req.session;
    if (!s?.userId) return next();
    const now = deps.clock.now().getTime();
    const user = await deps.users.findById(s.userId);
    const timedOut = now - (s.lastSeenAt ?? 0) > idleMs || now - (s.signedInAt ?? 0) > absoluteMs;
    const superseded = !!user?.credentialsChangedAt && (s.authAt ?? 0) < Date.parse(user.credentialsChangedAt);
    if (timedOut || superseded || !user || !user.active) {
      if (timedOut && user) await signOut(deps, user, req.ip, 'idle-timeout');
      if (timedOut) markSessionExpired(req);
      await new Promise<void>((resolve, reject) => s.destroy((e) => (e ? reject(e) : resolve())));
      return next();
    }
    setSessionUser(req, user);
    if (now - (s.lastSeenAt ?? 0) > LAST_SEEN_RESOLUTION_MS) s.lastSeenAt = now;
    next();
  };

  return { handlers: [sessions, loadUser, csrfProtection], cookieOptions, store, settled: async () => cached?.settled() };
}
