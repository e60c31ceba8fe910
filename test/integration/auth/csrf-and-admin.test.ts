// CSRF refusal, permissions on the admin and audit APIs, user administration with validation as
// data, deactivation taking effect at once, login rate limiting, and idempotent demo seeding.
import { seedDemoUsers } from '../../../server/src/application/users/seed-demo-users';
import { DEMO_PASSWORD, startSecurityApp } from './support/security-app';

const newUser = { username: 'nina.new', displayName: 'Nina New', email: 'nina@council.example', roles: ['case-managers'], teams: ['north'], password: 'correct horse battery' };

describe('CSRF, user administration and audit API', () => {
  let app: Awaited<ReturnType<typeof startSecurityApp>>;
  beforeEach(async () => {
    app = await startSecurityApp({ loginMaxAttempts: 9 });
  });
  afterEach(() => app.close());

  it('refuses a state-changing request without or with a wrong CSRF token (403), changing nothing', async () => {
    const admin = app.client();
    await admin.signIn('ada.admin', DEMO_PASSWORD);
    const before = await app.users.count();
    const none = await admin.call('POST', '/api/users', newUser);
    expect(none.status).toBe(403);
    expect(none.body.error.code).toBe('CSRF_TOKEN_INVALID');
    const wrong = await admin.call('POST', '/api/users', newUser, { 'x-csrf-token': 'x'.repeat(43) });
    expect(wrong.status).toBe(403);
    expect(await app.users.count()).toBe(before);
    const signOut = await admin.call('POST', '/api/auth/sign-out');
    expect(signOut.status).toBe(403);
    expect((await admin.call('GET', '/api/auth/me')).status).toBe(200);
    const ok = await admin.send('POST', '/api/users', newUser);
    expect(ok.status).toBe(201);
    expect(await app.users.count()).toBe(before + 1);
  });

  it('lets only administrators use the users API', async () => {
    const cm = app.client();
    await cm.signIn('cara.case', DEMO_PASSWORD);
    expect((await cm.call('GET', '/api/users')).status).toBe(403);
    expect((await cm.send('POST', '/api/users', newUser)).status).toBe(403);
    expect((await app.client().call('GET', '/api/users')).status).toBe(401);
  });

  it('validates every field at once (422 with field errors), refuses duplicates (409), stores nothing bad', async () => {
    const admin = app.client();
    await admin.signIn('ada.admin', DEMO_PASSWORD);
    const bad = await admin.send('POST', '/api/users', { username: 'X', email: 'nope', roles: ['wizards'], password: 'short', displayName: '', colour: 'red' });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['colour', 'displayName', 'email', 'password', 'roles', 'username']);
    expect(bad.body.errors.roles).toMatch(/wizards/);
    const dup = await admin.send('POST', '/api/users', { ...newUser, username: 'cara.case' });
    expect(dup.status).toBe(409);
    expect(dup.body.error.message).toMatch(/username/);
    expect((await app.users.list({ search: 'nina' }, { offset: 0, limit: 10 })).total).toBe(0);
  });

  it('updates roles, teams and manager, lists with search and paging, and audits before/after', async () => {
    const admin = app.client();
    await admin.signIn('ada.admin', DEMO_PASSWORD);
    const sam = await app.users.findByUsername('sam.manager');
    const cara = await app.users.findByUsername('cara.case');
    const r = await admin.send('PATCH', `/api/users/${cara!.id}`, { roles: ['case-managers', 'court-officers'], teams: ['south'], managerId: sam!.id });
    expect(r.status).toBe(200);
    expect(r.body).toMatchObject({ roles: ['case-managers', 'court-officers'], teams: ['south'], managerId: sam!.id });
    const event = (await app.audit.search({ action: 'user.updated' }, { offset: 0, limit: 1 })).items[0];
    expect(event.before).toMatchObject({ teams: ['north'] });
    expect(event.after).toMatchObject({ teams: ['south'] });
    const list = await admin.call('GET', '/api/users?role=team-managers&limit=2');
    expect(list.body).toMatchObject({ total: 3, limit: 2 });
    expect(list.body.items.map((u: { username: string }) => u.username)).toEqual(['hana.head', 'sam.manager']);
    expect((await admin.call('GET', '/api/users?search=vick')).body.items.map((u: { username: string }) => u.username)).toEqual(['vicky.victim']);
    expect((await admin.call('GET', '/api/users?limit=0')).status).toBe(422);
    const cycle = await admin.send('PATCH', `/api/users/${sam!.id}`, { managerId: cara!.id });
    expect(cycle.status).toBe(422);
    expect(cycle.body.errors.managerId).toMatch(/cannot manage themselves/);
  });

  it('deactivation ends the user’s access on their next request; an admin cannot lock themselves out', async () => {
    const admin = app.client();
    await admin.signIn('ada.admin', DEMO_PASSWORD);
    const pat = app.client();
    await pat.signIn('pat.panel', DEMO_PASSWORD);
    const id = (await app.users.findByUsername('pat.panel'))!.id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { active: false })).status).toBe(200);
    expect((await pat.call('GET', '/api/auth/me')).status).toBe(401);
    expect((await app.client().signIn('pat.panel', DEMO_PASSWORD)).body.error.code).toBe('ACCOUNT_DEACTIVATED');
    const self = await admin.send('PATCH', `/api/users/${(await app.users.findByUsername('ada.admin'))!.id}`, { active: false });
    expect(self.status).toBe(422);
    expect(self.body.error.code).toBe('SELF_LOCKOUT');
  });

  it('lets an admin unlock a locked account and set a new password', async () => {
    const colinsOldSession = app.client();
    await colinsOldSession.signIn('colin.court', DEMO_PASSWORD);
    app.advance(1);
    for (let i = 0; i < 5; i++) await app.client().signIn('colin.court', `wrong-${i}`);
    const admin = app.client();
    await admin.signIn('ada.admin', DEMO_PASSWORD);
    const id = (await app.users.findByUsername('colin.court'))!.id;
    expect((await admin.send('PATCH', `/api/users/${id}`, { password: 'colin' })).body.errors.password).toMatch(/at least 12/);
    expect((await admin.send('PATCH', `/api/users/${id}`, { unlock: true, password: 'a brand new passphrase' })).status).toBe(200);
    expect((await colinsOldSession.call('GET', '/api/auth/me')).status).toBe(401); // a reset ends old sessions
    expect((await app.client().signIn('colin.court', DEMO_PASSWORD)).status).toBe(401);
    expect((await app.client().signIn('colin.court', 'a brand new passphrase')).status).toBe(200);
  });

  it('rate-limits sign-in attempts per address (429 with Retry-After)', async () => {
    for (let i = 0; i < 9; i++) await app.client().signIn(`spray${i}`, 'guess-guess-guess');
    const r = await app.client().signIn('cara.case', DEMO_PASSWORD);
    expect(r.status).toBe(429);
    expect(Number(r.headers.get('retry-after'))).toBeGreaterThan(0);
  });

  it('lets the DPO search and verify the audit log (both recorded) and no one else search it', async () => {
    const dpo = app.client();
    await dpo.signIn('dee.dpo', DEMO_PASSWORD);
    const search = await dpo.call('GET', '/api/audit/events?action=auth.&limit=5');
    expect(search.status).toBe(200);
    expect(search.body.items.every((e: { action: string }) => e.action.startsWith('auth.'))).toBe(true);
    expect((await dpo.call('GET', '/api/audit/events?from=yesterday')).status).toBe(422);
    const verify = await dpo.send('POST', '/api/audit/verify');
    expect(verify.body).toMatchObject({ ok: true });
    expect((await app.auditActions()).slice(-2)).toEqual(['audit.searched', 'audit.verified']);
    const cm = app.client();
    await cm.signIn('cara.case', DEMO_PASSWORD);
    expect((await cm.call('GET', '/api/audit/events')).status).toBe(403);
    expect((await cm.send('POST', '/api/audit/verify')).status).toBe(403);
    await app.db.conn.db!.collection('audit_events').updateOne({ seq: 2 }, { $set: { ip: '10.9.9.9' } });
    const tampered = await dpo.send('POST', '/api/audit/verify');
    expect(tampered.body).toMatchObject({ ok: false, problem: { kind: 'changed', seq: 2 } });
  });

  it('seeds demo users only once and never overwrites a changed account', async () => {
    const id = (await app.users.findByUsername('cara.case'))!.id;
    await app.users.update(id, { displayName: 'Cara Changed' });
    expect(await seedDemoUsers({ users: app.users, hasher: app.hasher, audit: app.audit })).toEqual({ seeded: false, created: [] });
    expect((await app.users.findById(id))!.displayName).toBe('Cara Changed');
    expect(await app.users.count()).toBe(12);
  });
});
