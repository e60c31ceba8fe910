// The escalation API in the lead's app, wired by createMailEscalation WITHOUT an SMTP_URL: the embedded
// catcher receives the mail and the Outbox page's endpoints show what was (or would be) sent.
import { createMailEscalation, type EscalationModule } from '../../../server/src/adapters/mail/escalation-module';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { MongoUserRepository } from '../../../server/src/adapters/mongo/user.repository';
import { createApp } from '../../../server/src/http/app';
import { createEscalationRouter } from '../../../server/src/http/escalation.routes';
import { listen, silentLogger } from '../../support/http-app';
import { openTestDb } from '../../support/test-db';

const USERS: Record<string, { id: string; roles: string[] }> = {
  admin: { id: 'admin-1', roles: ['admins'] },
  manager: { id: 'manager-1', roles: ['team-managers'] },
  worker: { id: 'worker-1', roles: ['case-managers'] },
};

describe('escalation API with the embedded mail catcher', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let mod: EscalationModule;
  let server: Awaited<ReturnType<typeof listen>>;
  let now = new Date('2026-12-03T09:00:00.000Z');

  const call = async (method: string, path: string, user?: string, body?: unknown) => {
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) };
    const res = await fetch(`${server.url}/api/escalation${path}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    return { status: res.status, body: await res.json() };
  };

  beforeAll(async () => {
    db = await openTestDb('esc_api');
    mod = await createMailEscalation({ conn: db.conn, mailFrom: 'YJS <no-reply@localhost>', publicUrl: 'http://localhost:3000', clock: { now: () => now } });
    const app = createApp({
      logger: silentLogger, bodyLimit: '100kb',
      health: { isDatabaseReady: async () => true, databaseKind: 'ferretdb', version: 'test' },
      apiRouters: { '/escalation': createEscalationRouter(mod.routerDeps((req) => USERS[req.header('x-test-user') ?? ''])) },
    });
    server = await listen(app);
    const ann = await new MongoUserRepository(db.conn).create({ username: 'ann', displayName: 'Ann', email: 'ann@example.org', roles: ['case-managers'], teams: [] });
    await new MongoTaskRepository(db.conn).recordCreated({
      id: 't1', instanceKey: 'i1', processId: 'referral-intake', processVersion: 1, elementId: 'allocate', name: 'Allocate case manager',
      candidateGroups: [], candidateUsers: [], assignee: ann.id, priority: 50, dueDate: '2026-12-02T17:00:00.000Z', createdAt: '2026-11-20T09:00:00.000Z',
    });
  });
  afterAll(async () => {
    await server.close();
    await mod.close();
    await db.drop();
  });

  it('catches the email that would have gone out and lists it for admins', async () => {
    expect(mod.catcherUrl).toMatch(/^smtp:\/\/127\.0\.0\.1:\d+$/);
    const worker = mod.startWorker({ tickMs: 3_600_000 });
    await worker.tick();
    await worker.stop();
    const caught = await call('GET', '/caught-mail', 'admin');
    expect(caught.status).toBe(200);
    expect(caught.body.items).toEqual([expect.objectContaining({ to: ['ann@example.org'], subject: expect.stringMatching(/^Overdue: "Allocate case manager"/) })]);
    expect(caught.body.items[0].text).toContain('http://localhost:3000/tasks/t1');

    const outbox = await call('GET', '/outbox?state=sent', 'admin');
    expect(outbox.body).toMatchObject({ total: 1, counts: { sent: 1 } });
    expect((await call('GET', '/outbox', 'worker')).status).toBe(403);
    expect((await call('GET', '/caught-mail')).status).toBe(401);
    expect((await call('GET', '/outbox?state=bogus', 'admin')).status).toBe(422);
    // An unknown or misspelt query parameter is refused, not ignored (the list would look filtered).
    expect((await call('GET', '/outbox?stat=sent', 'admin')).status).toBe(422);
    expect((await call('GET', '/caught-mail?offset=0&state=sent', 'admin')).status).toBe(422);
  });

  it('lets a manager change the policy with a reason, and keeps the history', async () => {
    const current = await call('GET', '/policy', 'worker');
    expect(current.body).toMatchObject({ version: 1, defaults: { reminderDaysBefore: 2, overdueNotice: true, level1AfterDays: 2, level2AfterDays: 3 } });
    const policy = { defaults: { ...current.body.defaults, reminderDaysBefore: 3 }, overrides: [{ processId: 'victim-contact', rule: { reminderDaysBefore: 1 } }] };
    expect((await call('PUT', '/policy', 'worker', { policy, reason: 'more notice' })).status).toBe(403);
    const bad = await call('PUT', '/policy', 'manager', { policy: { ...policy, defaults: { ...policy.defaults, level1AfterDays: -2 } }, reason: 'x' });
    expect(bad.status).toBe(422);
    expect(bad.body.errors['policy.defaults.level1AfterDays']).toBeTruthy();
    now = new Date('2026-12-03T10:00:00.000Z');
    const saved = await call('PUT', '/policy', 'manager', { policy, reason: 'Team asked for more notice' });
    expect(saved.body).toMatchObject({ version: 2, createdBy: 'manager-1', createdAt: '2026-12-03T10:00:00.000Z', reason: 'Team asked for more notice' });
    const history = await call('GET', '/policy/history', 'worker');
    expect(history.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
  });

  it('stores each user\'s own notification preference', async () => {
    expect((await call('GET', '/preferences/me', 'worker')).body).toMatchObject({ userId: 'worker-1', mode: 'immediate' });
    expect((await call('PUT', '/preferences/me', 'worker', { mode: 'weekly' })).status).toBe(422);
    expect((await call('PUT', '/preferences/me', 'worker', { mode: 'digest' })).body).toMatchObject({ mode: 'digest' });
    expect((await call('GET', '/preferences/me', 'worker')).body.mode).toBe('digest');
  });
});
