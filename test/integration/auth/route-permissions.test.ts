// Every role (one demo user each) against every route of the security feature: allowed or refused
// as written here, and a refused response carries none of the data.
import { DEMO_USERS } from '../../../server/src/application/users/seed-demo-users';
import { DEMO_PASSWORD, startSecurityApp, type Client } from './support/security-app';

// Who may use each route, written out rather than derived from the policy table.
const routes: { name: string; allowed: string[]; call(c: Client): ReturnType<Client['call']> }[] = [
  { name: 'GET /api/users', allowed: ['admins'], call: (c) => c.call('GET', '/api/users') },
  { name: 'GET /api/users/roles', allowed: ['admins'], call: (c) => c.call('GET', '/api/users/roles') },
  // An empty body: an administrator gets 422 (validation), everyone else 403 before validation.
  { name: 'POST /api/users', allowed: ['admins'], call: (c) => c.send('POST', '/api/users', {}) },
  { name: 'GET /api/audit/events', allowed: ['dpo'], call: (c) => c.call('GET', '/api/audit/events') },
  { name: 'POST /api/audit/verify', allowed: ['dpo', 'admins'], call: (c) => c.send('POST', '/api/audit/verify') },
  { name: 'GET /api/auth/me', allowed: ['*'], call: (c) => c.call('GET', '/api/auth/me') },
  { name: 'GET /api/admin/permissions', allowed: ['admins'], call: (c) => c.call('GET', '/api/admin/permissions') },
  { name: 'GET /api/admin/permissions/history', allowed: ['admins'], call: (c) => c.call('GET', '/api/admin/permissions/history') },
  { name: 'GET /api/admin/permissions/versions/1', allowed: ['admins'], call: (c) => c.call('GET', '/api/admin/permissions/versions/1') },
  { name: 'POST /api/admin/permissions/preview', allowed: ['admins'], call: (c) => c.send('POST', '/api/admin/permissions/preview', {}) },
  { name: 'POST /api/admin/permissions', allowed: ['admins'], call: (c) => c.send('POST', '/api/admin/permissions', {}) },
];

// One demo user per role (the first listed for a role).
const byRole = new Map<string, string>();
for (const u of DEMO_USERS) if (!byRole.has(u.roles[0])) byRole.set(u.roles[0], u.username);

describe('security routes × roles', () => {
  let app: Awaited<ReturnType<typeof startSecurityApp>>;
  const clients = new Map<string, Client>();
  beforeAll(async () => {
    app = await startSecurityApp();
    for (const [role, username] of byRole) {
      const c = app.client();
      expect((await c.signIn(username, DEMO_PASSWORD)).status).toBe(200);
      clients.set(role, c);
    }
  });
  afterAll(() => app.close());

  it('has a demo user for each of the nine roles', () => {
    expect(byRole.size).toBe(9);
  });

  const cases = routes.flatMap((r) => [...'case-managers team-managers court-officers victim-workers panel-coordinators health-workers data-officers dpo admins'.split(' ')]
    .map((role) => [r.name, role, r.allowed.includes('*') || r.allowed.includes(role)] as const));

  it.each(cases)('%s as %s → allowed: %s', async (name, role, allowed) => {
    const route = routes.find((r) => r.name === name)!;
    const res = await route.call(clients.get(role)!);
    if (allowed) {
      expect([200, 422]).toContain(res.status);
    } else {
      expect(res.status).toBe(403);
      expect(Object.keys(res.body)).toEqual(['error']);
    }
  });

  it('refuses every route without a session (401)', async () => {
    const anonymous = app.client();
    for (const r of routes) expect((await r.call(anonymous)).status).toBe(401);
  });
});
