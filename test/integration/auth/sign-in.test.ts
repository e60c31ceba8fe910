// Sign-in, wrong password, lockout, session expiry, sign-out and their audit events, through the
// real app over the real database.
import { DEMO_PASSWORD, startSecurityApp } from './support/security-app';

describe('sign-in and sessions', () => {
  let app: Awaited<ReturnType<typeof startSecurityApp>>;
  beforeEach(async () => {
    app = await startSecurityApp();
  });
  afterEach(() => app.close());

  it('signs in a demo user with an httpOnly SameSite=strict session cookie and reports their permissions', async () => {
    const c = app.client();
    const r = await c.signIn('Cara.Case', DEMO_PASSWORD);
    expect(r.status).toBe(200);
    expect(r.body.user).toMatchObject({ username: 'cara.case', displayName: 'Cara Case', roles: ['case-managers'], teams: ['north'] });
    expect(r.body.user.passwordHash).toBeUndefined();
    expect(r.body.csrfToken).toMatch(/^[A-Za-z0-9_-]{40,}$/);
    expect(r.body.actions).toContain('claim');
    expect(r.body.readableSections).not.toContain('health');
    const cookie = r.setCookie.join('\n');
    expect(cookie).toMatch(/^yjs\.sid=/);
    expect(cookie).toMatch(/HttpOnly/);
    expect(cookie).toMatch(/SameSite=Strict/);
    expect(cookie).not.toMatch(/Secure/); // not production
    const me = await c.call('GET', '/api/auth/me');
    expect(me.status).toBe(200);
    expect(me.body).toMatchObject({ user: { username: 'cara.case' }, csrfToken: r.body.csrfToken });
    expect(await app.db.conn.db!.collection('sessions').countDocuments()).toBe(1);
    expect(await app.auditActions()).toContain('auth.sign-in');
  });

  it('refuses a wrong password and an unknown user with the same answer, and audits both', async () => {
    const wrong = await app.client().signIn('cara.case', 'not-the-password');
    const unknown = await app.client().signIn('nobody.here', DEMO_PASSWORD);
    expect(wrong.status).toBe(401);
    expect(unknown.status).toBe(401);
    expect(wrong.body.error).toEqual(unknown.body.error);
    expect(wrong.body.error.code).toBe('BAD_CREDENTIALS');
    expect(wrong.setCookie).toEqual([]);
    const failures = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 10 });
    expect(failures.items.map((e) => e.after?.reason).sort()).toEqual(['unknown-user', 'wrong-password']);
    expect((await app.client().call('GET', '/api/auth/me')).status).toBe(401);
  });

  it('answers 422 naming the fields for a missing password, and refuses a non-JSON sign-in', async () => {
    const r = await app.client().call('POST', '/api/auth/sign-in', { username: 'cara.case' });
    expect(r.status).toBe(422);
    expect(Object.keys(r.body.errors)).toEqual(['password']);
    const form = await app.client().call('POST', '/api/auth/sign-in', 'username=cara.case&password=x', { 'content-type': 'application/x-www-form-urlencoded' });
    expect(form.status).toBe(422);
    expect(form.body.error.code).toBe('JSON_REQUIRED');
  });

  it('locks the account after 5 failures for 15 minutes, even for the right password, answering as for a wrong one', async () => {
    const c = app.client();
    const first = await c.signIn('tom.manager', 'wrong-1');
    expect(first.body.error.code).toBe('BAD_CREDENTIALS');
    for (let i = 2; i <= 4; i++) expect((await c.signIn('tom.manager', `wrong-${i}`)).body.error).toEqual(first.body.error);
    const fifth = await c.signIn('tom.manager', 'wrong-5');
    expect(fifth.status).toBe(401);
    expect(fifth.body.error).toEqual(first.body.error); // the lock is not announced to whoever is guessing
    const right = await c.signIn('tom.manager', DEMO_PASSWORD);
    expect(right.status).toBe(401);
    expect(right.body.error).toEqual(first.body.error);
    const refused = await app.audit.search({ action: 'auth.sign-in-failed' }, { offset: 0, limit: 1 });
    expect(refused.items[0].after).toMatchObject({ reason: 'locked', lockedUntil: '2026-11-24T09:15:00.000Z' });
    app.advance(14);
    expect((await c.signIn('tom.manager', DEMO_PASSWORD)).status).toBe(401);
    app.advance(2);
    expect((await c.signIn('tom.manager', DEMO_PASSWORD)).status).toBe(200);
    const locked = await app.audit.search({ action: 'auth.account-locked' }, { offset: 0, limit: 10 });
    expect(locked.items).toHaveLength(1);
    expect(locked.items[0]).toMatchObject({ flagged: true, actor: { username: 'tom.manager' } });
    // the successful sign-in reset the count: four more failures do not lock again
    for (let i = 1; i <= 4; i++) await app.client().signIn('tom.manager', `again-${i}`);
    expect((await app.client().signIn('tom.manager', DEMO_PASSWORD)).status).toBe(200);
  });

  it('ends a session after 30 idle minutes (audited), while activity keeps it alive', async () => {
    const c = app.client();
    await c.signIn('helen.health', DEMO_PASSWORD);
    app.advance(20);
    expect((await c.call('GET', '/api/auth/me')).status).toBe(200);
    app.advance(20);
    expect((await c.call('GET', '/api/auth/me')).status).toBe(200); // 40 min after sign-in, 20 idle
    app.advance(31);
    const expired = await c.call('GET', '/api/auth/me');
    expect(expired.status).toBe(401);
    expect(expired.body.error.code).toBe('SESSION_EXPIRED');
    expect(await app.db.conn.db!.collection('sessions').countDocuments()).toBe(0);
    expect(await app.auditActions()).toEqual(expect.arrayContaining(['auth.sign-in', 'auth.session-expired']));
  });

  it('stores a request\'s "last seen" in the session record behind the response', async () => {
    const c = app.client();
    await c.signIn('helen.health', DEMO_PASSWORD);
    await app.settled();
    const lastSeen = async () => {
      const docs = await app.db.conn.db!.collection('sessions').find({}).toArray();
      return docs.map((d) => JSON.parse(String(d.session)).lastSeenAt as number);
    };
    const before = await lastSeen();
    app.advance(5);
    expect((await c.call('GET', '/api/auth/me')).status).toBe(200);
    await app.settled(); // the writes made behind responses (what the module's stop waits for)
    const after = await lastSeen();
    expect(after).toHaveLength(before.length);
    expect(after.filter((t) => !before.includes(t))).toHaveLength(1); // this user's moved on by 5 minutes
    expect(Math.max(...after) - Math.max(...before)).toBe(5 * 60_000);
  });

  it('signs out: the session is destroyed, the cookie cleared, the old cookie refused, and it is audited', async () => {
    const c = app.client();
    await c.signIn('dee.dpo', DEMO_PASSWORD);
    const stolen = c.cookie;
    const out = await c.send('POST', '/api/auth/sign-out');
    expect(out.status).toBe(204);
    expect(out.setCookie.join('')).toMatch(/yjs\.sid=;/);
    const replay = await app.client().call('GET', '/api/auth/me', undefined, { cookie: stolen! });
    expect(replay.status).toBe(401);
    expect(await app.db.conn.db!.collection('sessions').countDocuments()).toBe(0);
    expect((await app.auditActions()).slice(-2)).toEqual(['auth.sign-in', 'auth.sign-out']);
  });

  it('gives a new session id at every sign-in (no session fixation)', async () => {
    const c = app.client();
    await c.signIn('cara.case', DEMO_PASSWORD);
    const first = c.cookie;
    await c.call('POST', '/api/auth/sign-in', { username: 'cara.case', password: DEMO_PASSWORD }, { 'x-csrf-token': c.csrf! });
    expect(c.cookie).toBeDefined();
    expect(c.cookie).not.toEqual(first);
    expect((await app.client().call('GET', '/api/auth/me', undefined, { cookie: first! })).status).toBe(401);
  });

  it('ends even an active session 12 hours after sign-in', async () => {
    const c = app.client();
    await c.signIn('colin.court', DEMO_PASSWORD);
    for (let minutes = 25; minutes < 12 * 60; minutes += 25) {
      app.advance(25);
      expect((await c.call('GET', '/api/auth/me')).status).toBe(200);
    }
    app.advance(25);
    expect((await c.call('GET', '/api/auth/me')).body.error.code).toBe('SESSION_EXPIRED');
  });

  it('lets a user change their own password only with the current one; the new one then works', async () => {
    const c = app.client();
    await c.signIn('vicky.victim', DEMO_PASSWORD);
    const elsewhere = app.client();
    await elsewhere.signIn('vicky.victim', DEMO_PASSWORD);
    app.advance(1);
    const wrong = await c.send('POST', '/api/auth/password', { currentPassword: 'not-it', newPassword: 'a fresh long passphrase' });
    expect(wrong.status).toBe(422);
    expect(Object.keys(wrong.body.errors)).toEqual(['currentPassword']);
    const weak = await c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'vicky' });
    expect(weak.body.errors.newPassword).toMatch(/at least 12/);
    expect((await c.call('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a fresh long passphrase' })).status).toBe(403);
    expect((await c.send('POST', '/api/auth/password', { currentPassword: DEMO_PASSWORD, newPassword: 'a fresh long passphrase' })).status).toBe(204);
    expect((await c.call('GET', '/api/auth/me')).status).toBe(200); // this session proved the new password
    expect((await elsewhere.call('GET', '/api/auth/me')).status).toBe(401); // any other session ends
    expect((await app.client().signIn('vicky.victim', DEMO_PASSWORD)).status).toBe(401);
    expect((await app.client().signIn('vicky.victim', 'a fresh long passphrase')).status).toBe(200);
    expect(await app.auditActions()).toEqual(expect.arrayContaining(['auth.password-change-failed', 'auth.password-changed']));
  });
});
