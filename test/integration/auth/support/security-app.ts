// The security feature mounted in the real createApp over a fresh database, with a controllable
// clock and cheap argon2 parameters, plus a tiny cookie-keeping client.
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../../server/src/adapters/crypto/argon2.password-hasher';
import { MongoAuditRepository } from '../../../../server/src/adapters/mongo/audit.repository';
import { MongoUserRepository } from '../../../../server/src/adapters/mongo/user.repository';
import { seedDemoUsers } from '../../../../server/src/application/users/seed-demo-users';
import { createApp } from '../../../../server/src/http/app';
import { MongoPermissionRequestRepository } from '../../../../server/src/adapters/mongo/permission-request.repository';
import { MongoPermissionVersionRepository } from '../../../../server/src/adapters/mongo/permission-version.repository';
import { createPermissionsRouter } from '../../../../server/src/http/permissions.routes';
import { currentUser } from '../../../../server/src/http/session-user';
import { createSecurityFeature } from '../../../../server/src/http/security-routers';
import { listen, silentLogger } from '../../../support/http-app';
import { openTestDb } from '../../../support/test-db';

export { DEMO_PASSWORD } from '../../../../server/src/application/users/seed-demo-users';

// The security routes' tests never reach a second administrator's approval: no process runs here.
const notHere = () => Promise.reject(new Error('the approval process does not run in the security app'));
const noApprovalEngine = { startInstance: notHere, listUserTasks: async () => [], assignUserTask: notHere, completeUserTask: notHere, getInstance: async () => undefined };

export async function startSecurityApp(options: { loginMaxAttempts?: number; trustProxy?: false | number | string[] } = {}) {
  const db = await openTestDb('auth');
  let now = new Date('2026-11-24T09:00:00Z');
  const clock = { now: () => new Date(now) };
  const users = new MongoUserRepository(db.conn);
  await users.init();
  const audit = new MongoAuditRepository(db.conn, { clock });
  await audit.init();
  const hasher = new Argon2PasswordHasher(TEST_ARGON2ID);
  await seedDemoUsers({ users, hasher, audit });
  const feature = createSecurityFeature({
    conn: db.conn, users, hasher, audit, clock, secret: 'test-secret-'.padEnd(40, 'x'), secureCookies: false,
    idleTimeoutMinutes: 30, loginRateLimit: { maxAttempts: options.loginMaxAttempts ?? 1000 },
  });
  const app = createApp({
    logger: silentLogger, bodyLimit: '100kb', trustProxy: options.trustProxy,
    health: { isDatabaseReady: async () => true, databaseKind: 'external', version: 'test' },
    apiMiddleware: feature.apiMiddleware,
    apiRouters: {
      ...feature.apiRouters,
      // The permissions API (docs/permissions.md) is administrators' security configuration too.
      '/admin/permissions': createPermissionsRouter({
        currentActor: currentUser, permissions: new MongoPermissionVersionRepository(db.conn, clock.now), users, audit, now: clock.now, adopt: () => undefined,
        requests: new MongoPermissionRequestRepository(db.conn), engine: noApprovalEngine,
      }),
    },
  });
  const server = await listen(app);
  return {
    db, users, audit, hasher, url: server.url,
    /** What the security module's stop waits for: session writes made behind responses. */
    settled: feature.settled,
    advance(minutes: number) {
      now = new Date(now.getTime() + minutes * 60_000);
    },
    client: () => new Client(server.url),
    async auditActions(): Promise<string[]> {
      const page = await audit.search({}, { offset: 0, limit: 200 });
      return page.items.map((e) => e.action).reverse();
    },
    async close() {
      await server.close();
      await db.drop();
    },
  };
}

/** Keeps the session cookie between calls like a browser would (one cookie is all we set). */
export class Client {
  cookie?: string;
  csrf?: string;
  constructor(private readonly base: string) {}

  async call(method: string, path: string, body?: unknown, headers: Record<string, string> = {}) {
    const res = await fetch(this.base + path, {
      method,
      headers: {
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...(this.cookie ? { cookie: this.cookie } : {}),
        ...headers,
      },
      body: body === undefined ? undefined : typeof body === 'string' ? body : JSON.stringify(body),
    });
    const set = res.headers.getSetCookie();
    for (const c of set) {
      const pair = c.split(';')[0];
      this.cookie = /=$/.test(pair) || /Expires=Thu, 01 Jan 1970/i.test(c) ? undefined : pair;
    }
    const json = res.status === 204 ? undefined : await res.json().catch(() => undefined);
    return { status: res.status, body: json as any, setCookie: set, headers: res.headers };
  }

  /** A state-changing call carrying the CSRF token, as the client's apiFetch does. */
  send(method: string, path: string, body?: unknown) {
    return this.call(method, path, body, this.csrf ? { 'x-csrf-token': this.csrf } : {});
  }

  async signIn(username: string, password: string) {
    const r = await this.call('POST', '/api/auth/sign-in', { username, password });
    if (r.status === 200) this.csrf = r.body.csrfToken;
    return r;
  }
}
