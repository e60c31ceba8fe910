// Every role × the case and task routes × every case section, on the whole product (composition root,
// real database, real sessions and CSRF). One case in team north holds a unique marker in every
// section; each role must be allowed or refused exactly as the table below says, and a marker of a
// section the role may not read must never appear anywhere in a response it receives.
// The expectations are written out here, not derived from the policy code, so a wrong entry in
// server/src/domain/policies/permission-table.ts fails this test.
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../server/src/application/users/seed-demo-users';
import type { Role } from '../../../server/src/domain/users/user';
import { startTestSystem } from '../../support/system';

const SECTIONS = ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies'] as const;
type Section = (typeof SECTIONS)[number];
const GENERAL: Section[] = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies'];

interface Expected {
  openCase: boolean; // GET /api/cases/:id and its amendments
  startProcess: boolean; // POST /api/cases/:id/processes
  read: Section[];
  write: Section[];
}

const EXPECTED: Record<Role, Expected> = {
  'case-managers': { openCase: true, startProcess: true, read: GENERAL, write: GENERAL },
  'team-managers': { openCase: true, startProcess: true, read: [...SECTIONS], write: [...SECTIONS] },
  'court-officers': { openCase: true, startProcess: true, read: GENERAL, write: ['personal', 'offending'] },
  'victim-workers': { openCase: true, startProcess: false, read: [...GENERAL, 'victims'], write: ['victims'] },
  'panel-coordinators': { openCase: true, startProcess: false, read: GENERAL, write: ['offending', 'plans'] },
  'health-workers': { openCase: true, startProcess: false, read: [...GENERAL, 'health'], write: ['health'] },
  'data-officers': { openCase: true, startProcess: false, read: ['personal', 'education', 'offending', 'assessments', 'plans', 'agencies'], write: ['personal'] },
  dpo: { openCase: true, startProcess: false, read: GENERAL, write: ['personal'] },
  admins: { openCase: false, startProcess: false, read: [], write: [] },
};
const ROLES = Object.keys(EXPECTED) as Role[];

// A value no other section (or any other data) contains.
const marker = (s: Section) => `ZQX${s.toUpperCase()}QZX`;
// Free-text fields (no shape rules) in each section.
const markerField = (s: Section) => `${s}Note`;

// One demo user per role; the DPO and admin demo users belong to no team, so extra members of team
// north stand in for them in the matrix (team visibility is checked separately below).
const demoByRole = new Map<string, string>();
for (const u of DEMO_USERS) if (!demoByRole.has(u.roles[0])) demoByRole.set(u.roles[0], u.username);
const EXTRA = [
  { username: 'nora.dpo', roles: ['dpo'] as Role[] },
  { username: 'nick.admin', roles: ['admins'] as Role[] },
];

interface Session { cookie: string; csrf: string }
interface Reply { status: number; body: any; text: string }

describe('permission matrix: roles × case and task routes × case sections', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const sessions = new Map<string, Session>(); // by role (team north members), plus 'dee.dpo' / 'ada.admin'
  let caseId: string;

  async function call(who: Session | undefined, method: string, url: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = {};
    if (who) headers.cookie = who.cookie;
    if (who && method !== 'GET') headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${system.url}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  }

  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='));
    expect(cookie).toBeDefined();
    return { cookie: cookie!, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  const as = (role: Role) => sessions.get(role)!;
  const leaked = (role: Role, text: string) => SECTIONS.filter((s) => !EXPECTED[role].read.includes(s) && text.includes(marker(s)));

  beforeAll(async () => {
    system = await startTestSystem();
    const passwordHash = await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD);
    for (const e of EXTRA) {
      await system.modules.security.users.create({
        username: e.username, displayName: e.username, email: `${e.username}@example.org`, roles: e.roles, teams: ['north'], passwordHash,
      });
    }
    for (const role of ROLES) {
      const username = EXTRA.find((e) => e.roles[0] === role)?.username ?? demoByRole.get(role)!;
      sessions.set(role, await signIn(username));
    }
    for (const u of ['dee.dpo', 'ada.admin']) sessions.set(u, await signIn(u));

    const tm = as('team-managers');
    const created = await call(tm, 'POST', '/api/cases', { givenName: 'Matrix', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    for (const s of SECTIONS) {
      const res = await call(tm, 'PATCH', `/api/cases/${encodeURIComponent(caseId)}/sections/${s}`, { changes: { [markerField(s)]: marker(s) }, reason: 'matrix set-up' });
      expect(res.status).toBe(200);
    }
  }, 60000);
  afterAll(() => system?.close());

  it('covers every role (one signed-in member of team north each)', () => {
    expect(new Set(DEMO_USERS.flatMap((u) => u.roles))).toEqual(new Set(ROLES));
    expect(sessions.size).toBe(ROLES.length + 2);
  });

  it.each(ROLES)('GET /api/cases/:id as %s: allowed as listed; exactly the readable sections, no withheld marker', async (role) => {
    const res = await call(as(role), 'GET', `/api/cases/${encodeURIComponent(caseId)}`);
    const exp = EXPECTED[role];
    expect(leaked(role, res.text)).toEqual([]);
    if (!exp.openCase) {
      expect(res.status).toBe(403);
      expect(Object.keys(res.body)).toEqual(['error']);
      return;
    }
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.sections).sort()).toEqual([...exp.read].sort());
    expect(res.body.withheldSections.sort()).toEqual(SECTIONS.filter((s) => !exp.read.includes(s)).sort());
    for (const s of exp.read) expect(res.body.sections[s].values[markerField(s)]).toBe(marker(s));
  });

  it.each(ROLES)('GET /api/cases/:id/amendments as %s: history of readable sections only', async (role) => {
    const res = await call(as(role), 'GET', `/api/cases/${encodeURIComponent(caseId)}/amendments?limit=200`);
    const exp = EXPECTED[role];
    expect(leaked(role, res.text)).toEqual([]);
    if (!exp.openCase) {
      expect(res.status).toBe(403);
      expect(Object.keys(res.body)).toEqual(['error']);
      return;
    }
    expect(res.status).toBe(200);
    for (const s of exp.read) expect(res.text).toContain(marker(s));
    const sectionsSeen = new Set(res.body.items.map((a: { section: string }) => a.section));
    expect([...sectionsSeen].filter((s) => !exp.read.includes(s as Section))).toEqual([]);
    // Asking for one withheld section by name gives nothing either.
    for (const s of SECTIONS.filter((x) => !exp.read.includes(x))) {
      const one = await call(as(role), 'GET', `/api/cases/${encodeURIComponent(caseId)}/amendments?section=${s}`);
      expect(one.status).toBe(200);
      expect(one.body).toEqual({ items: [], withheldSections: [s], words: [] });
    }
  });

  it.each(ROLES)('GET /api/cases/:id/chronology as %s: entries of readable sections only', async (role) => {
    const res = await call(as(role), 'GET', `/api/cases/${encodeURIComponent(caseId)}/chronology`);
    const exp = EXPECTED[role];
    expect(leaked(role, res.text)).toEqual([]);
    if (!exp.openCase) {
      expect(res.status).toBe(403);
      expect(Object.keys(res.body)).toEqual(['error']);
      return;
    }
    expect(res.status).toBe(200);
    const sectionsSeen = new Set(res.body.items.flatMap((e: { section?: string }) => (e.section ? [e.section] : [])));
    expect([...sectionsSeen].filter((s) => !exp.read.includes(s as Section))).toEqual([]);
    expect(res.body.kinds.referral).toBe(1);
  });

  const patches = ROLES.flatMap((role) => SECTIONS.map((s) => [role, s, EXPECTED[role].write.includes(s)] as const));
  const fieldOf = (role: Role) => `by_${role.replace(/-/g, '_')}`;

  describe('PATCH /api/cases/:id/sections/:section', () => {
    // All 81 writes are sent first (the roles at once, each role's sections in turn), then judged one by one.
    const replies = new Map<string, Reply>();
    let stored: Awaited<ReturnType<typeof system.modules.tasks.cases.findById>>;
    beforeAll(async () => {
      await Promise.all(ROLES.map(async (role) => {
        for (const section of SECTIONS) {
          replies.set(`${role}/${section}`, await call(as(role), 'PATCH', `/api/cases/${encodeURIComponent(caseId)}/sections/${section}`, {
            changes: { [fieldOf(role)]: `written by ${role}` }, reason: 'matrix write',
          }));
        }
      }));
      stored = await system.modules.tasks.cases.findById(caseId);
    }, 90000); // 81 audited writes; generous for a loaded 2-core machine

    it.each(patches)('as %s → section %s writable: %s', (role, section, allowed) => {
      const res = replies.get(`${role}/${section}`)!;
      expect(leaked(role, res.text)).toEqual([]);
      const values = stored!.sections[section]!.values;
      if (allowed) {
        expect(res.status).toBe(200);
        expect(values[fieldOf(role)]).toBe(`written by ${role}`);
      } else {
        expect(res.status).toBe(403);
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(values[fieldOf(role)]).toBeUndefined();
      }
      // The marker written at set-up is untouched either way.
      expect(values[markerField(section)]).toBe(marker(section));
    });
  });

  describe('PATCH /api/cases/:id/sections/:section/collections/:collection/:itemId (one item of a collection)', () => {
    // One item per section (written by the team manager, who writes all), holding a marker of its own.
    const itemMarker = (s: Section) => `ZQXITEM${s.toUpperCase()}QZX`;
    const itemIds = new Map<Section, string>();
    const replies = new Map<string, Reply>();
    let stored: Awaited<ReturnType<typeof system.modules.tasks.cases.findById>>;
    const itemUrl = (s: Section) => `/api/cases/${encodeURIComponent(caseId)}/sections/${s}/collections/matrixItems`;
    beforeAll(async () => {
      for (const s of SECTIONS) {
        const added = await call(as('team-managers'), 'POST', itemUrl(s), { changes: { note: itemMarker(s) }, reason: 'matrix set-up' });
        expect(added.status).toBe(201);
        itemIds.set(s, added.body.addedItemId);
      }
      await Promise.all(ROLES.map(async (role) => {
        for (const s of SECTIONS) {
          replies.set(`${role}/${s}`, await call(as(role), 'PATCH', `${itemUrl(s)}/${itemIds.get(s)}`, { changes: { [fieldOf(role)]: `written by ${role}` }, reason: 'matrix item write' }));
        }
      }));
      stored = await system.modules.tasks.cases.findById(caseId);
    }, 90000);

    it.each(patches)('as %s → the item in section %s writable: %s', (role, section, allowed) => {
      const res = replies.get(`${role}/${section}`)!;
      expect(leaked(role, res.text)).toEqual([]);
      expect(SECTIONS.filter((s) => !EXPECTED[role].read.includes(s) && res.text.includes(itemMarker(s)))).toEqual([]);
      const [item] = stored!.sections[section]!.collections!.matrixItems;
      if (allowed) {
        expect(res.status).toBe(200);
        expect(item.values[fieldOf(role)]).toBe(`written by ${role}`);
      } else {
        expect(res.status).toBe(403);
        expect(Object.keys(res.body)).toEqual(['error']);
        expect(item.values[fieldOf(role)]).toBeUndefined();
      }
      expect(item.values.note).toBe(itemMarker(section));
    });
  });

  it.each(ROLES)('POST /api/cases/:id/processes as %s: allowed as listed', async (role) => {
    const res = await call(as(role), 'POST', `/api/cases/${encodeURIComponent(caseId)}/processes`, {
      processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() },
    });
    expect(leaked(role, res.text)).toEqual([]);
    if (EXPECTED[role].startProcess) {
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ processId: 'referral-intake', instanceKey: expect.any(String) });
    } else {
      expect(res.status).toBe(403);
      expect(Object.keys(res.body)).toEqual(['error']);
    }
  });

  it.each(ROLES)('GET /api/tasks?queue=team as %s: only tasks for the role, no withheld marker', async (role) => {
    const res = await call(as(role), 'GET', '/api/tasks?queue=team&limit=100');
    expect(res.status).toBe(200);
    expect(leaked(role, res.text)).toEqual([]);
    for (const t of res.body.items as { candidateGroups: string[]; team?: string }[]) {
      expect(t.candidateGroups).toContain(role);
      if (t.team) expect(t.team).toBe('north');
    }
  });

  it('the processes started above put their first task in the case managers’ team queue only', async () => {
    let cm: Reply | undefined;
    for (let i = 0; i < 100; i++) {
      cm = await call(as('case-managers'), 'GET', `/api/tasks?queue=team&caseId=${encodeURIComponent(caseId)}`);
      if (cm.body.items.length >= 3) break; // three roles may start a process
      await new Promise((r) => setTimeout(r, 100));
    }
    expect(cm!.body.items.map((t: { elementId: string }) => t.elementId)).toEqual(['matchPerson', 'matchPerson', 'matchPerson']);
    const health = await call(as('health-workers'), 'GET', `/api/tasks?queue=team&caseId=${encodeURIComponent(caseId)}`);
    expect(health.body.items).toEqual([]);
  });

  it('team visibility: the DPO and admin demo users (no team) cannot open the case or its history', async () => {
    for (const who of ['dee.dpo', 'ada.admin']) {
      for (const url of [`/api/cases/${encodeURIComponent(caseId)}`, `/api/cases/${encodeURIComponent(caseId)}/amendments`]) {
        const res = await call(sessions.get(who), 'GET', url);
        expect([403, 404]).toContain(res.status);
        expect(Object.keys(res.body)).toEqual(['error']);
        for (const s of SECTIONS) expect(res.text).not.toContain(marker(s));
      }
    }
    // A DPO may not break glass (no such action), so another team's case is simply not found.
    expect((await call(sessions.get('dee.dpo'), 'GET', `/api/cases/${encodeURIComponent(caseId)}?reason=subject%20access%20request`)).status).toBe(404);
  });

  it('refuses every route without a session (401) and every write without the CSRF token (403)', async () => {
    const id = encodeURIComponent(caseId);
    expect((await call(undefined, 'GET', `/api/cases/${id}`)).status).toBe(401);
    expect((await call(undefined, 'GET', `/api/cases/${id}/amendments`)).status).toBe(401);
    expect((await call(undefined, 'GET', `/api/cases/${id}/chronology`)).status).toBe(401);
    expect((await call(undefined, 'GET', '/api/tasks?queue=team')).status).toBe(401);
    const noCsrf = { ...as('team-managers'), csrf: '' };
    const patch = await call(noCsrf, 'PATCH', `/api/cases/${id}/sections/health`, { changes: { x: 'y' }, reason: 'r' });
    expect(patch.status).toBe(403);
    const start = await call(noCsrf, 'POST', `/api/cases/${id}/processes`, { processId: 'referral-intake' });
    expect(start.status).toBe(403);
  });
});
