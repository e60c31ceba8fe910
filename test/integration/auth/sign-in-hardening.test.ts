// Sign-in under attack: parallel wrong passwords each counted once (a lost update let guesses
// through unlocked), one answer whether the account exists, is locked or the password is wrong
// (ACCOUNT_LOCKED told a prober which usernames exist), and X-Forwarded-For honoured only when the
// deployment says a proxy sets it (any local client could rotate it to escape the rate limit).
import { MongoUserRepository } from '../../../server/src/adapters/mongo/user.repository';
import { openTestDb } from '../../support/test-db';
import { DEMO_PASSWORD, startSecurityApp } from './support/security-app';

describe('sign-in hardening', () => {
  let app: Awaited<ReturnType<typeof startSecurityApp>>;
  afterEach(() => app?.close());

  it('counts each of 10 parallel wrong passwords exactly once and locks at the fifth', async () => {
    app = await startSecurityApp();
    const answers = await Promise.all(Array.from({ length: 10 }, (_, i) => app.client().signIn('tom.manager', `wrong-${i}`)));
    expect(answers.map((a) => a.status)).toEqual(Array(10).fill(401));
    const failures = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 50 });
    const counted = failures.items.map((e) => e.after?.failedAttempts).filter((n) => n !== undefined).sort((a, b) => Number(a) - Number(b));
    // A guess that reads the account after the lock is stored is refused as locked and not counted (under
    // load one or two may); every other guess is counted once: 1..n with no repeat (a lost update repeats).
    const refusedAsLocked = failures.items.filter((e) => e.after?.reason === 'locked').length;
    expect(counted).toEqual(Array.from({ length: 10 - refusedAsLocked }, (_, i) => i + 1));
    expect(counted.length).toBeGreaterThanOrEqual(5);
    const locked = await app.audit.search({ action: 'auth.account-locked' }, { offset: 0, limit: 10 });
    expect(locked.items).toHaveLength(1);
    expect(locked.items[0].after).toMatchObject({ failedAttempts: 5 });
    expect((await app.client().signIn('tom.manager', DEMO_PASSWORD)).status).toBe(401);
  });

  it('gives one answer for an unknown user, a wrong password and a locked account (the audit log tells them apart)', async () => {
    app = await startSecurityApp();
    for (let i = 1; i <= 5; i++) await app.client().signIn('tom.manager', `wrong-${i}`);
    const unknown = await app.client().signIn('nobody.here', 'whatever-1');
    const wrong = await app.client().signIn('cara.case', 'whatever-2');
    const locked = await app.client().signIn('tom.manager', 'whatever-3');
    const lockedRight = await app.client().signIn('tom.manager', DEMO_PASSWORD);
    for (const r of [unknown, wrong, locked, lockedRight]) {
      expect(r.status).toBe(401);
      expect(r.body).toEqual(unknown.body);
      expect(r.setCookie).toEqual([]);
    }
    expect(unknown.body.error.code).toBe('BAD_CREDENTIALS');
    const failures = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 4 });
    expect(failures.items.map((e) => e.after?.reason).reverse()).toEqual(['unknown-user', 'wrong-password', 'locked', 'locked']);
    expect((await app.audit.search({ action: 'auth.account-locked' }, { offset: 0, limit: 5 })).items).toHaveLength(1);
  });

  it('ignores X-Forwarded-For by default: rotating it does not escape the sign-in rate limit', async () => {
    app = await startSecurityApp({ loginMaxAttempts: 3 });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await app.client().call('POST', '/api/auth/sign-in', { username: 'cara.case', password: 'x' }, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 429, 429]);
    const failures = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 5 });
    expect(new Set(failures.items.map((e) => e.ip))).toEqual(new Set(['127.0.0.1']));
  });

  it('believes X-Forwarded-For from a proxy named in TRUST_PROXY', async () => {
    app = await startSecurityApp({ loginMaxAttempts: 3, trustProxy: ['loopback'] });
    const statuses: number[] = [];
    for (let i = 0; i < 5; i++) {
      statuses.push((await app.client().call('POST', '/api/auth/sign-in', { username: 'cara.case', password: 'x' }, { 'x-forwarded-for': `203.0.113.${i}` })).status);
    }
    expect(statuses).toEqual([401, 401, 401, 401, 401]); // five addresses behind the proxy, one attempt each
    const failures = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 5 });
    expect(failures.items.map((e) => e.ip).sort()).toEqual(['203.0.113.0', '203.0.113.1', '203.0.113.2', '203.0.113.3', '203.0.113.4']);
  });
});

describe('failed-attempt counting in the repository', () => {
  // FerretDB 1.24 loses concurrent $inc even by {_id}; the per-user lock must hold across every
  // repository over the connection (each module may build its own).
  it('counts 3 × 10 parallel failures through ten repositories on one connection exactly once each', async () => {
    const db = await openTestDb('auth');
    try {
      const repos = Array.from({ length: 10 }, () => new MongoUserRepository(db.conn));
      await repos[0].init();
      const u = await repos[0].create({ username: 'eve', displayName: 'Eve', email: 'eve@example.org', roles: [], teams: [] });
      const counted: number[] = [];
      for (let round = 0; round < 3; round++) {
        const results = await Promise.all(repos.map((r) => r.recordFailedAttempt(u.id, () => undefined)));
        counted.push(...results.map((r) => r!.failedAttempts));
      }
      expect(counted.sort((x, y) => x - y)).toEqual(Array.from({ length: 30 }, (_, i) => i + 1));
      expect((await repos[0].findCredentials('eve'))!.failedAttempts).toBe(30);
    } finally {
      await db.drop();
    }
  });
});
