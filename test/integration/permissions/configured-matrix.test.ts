// The permission matrix against a CHANGED configuration, made the way an admin makes it (POST
// /api/admin/permissions, no code change): a new role, speech-language-workers ("Speech and language
// workers"), and a new restricted case section, speech-language ("Speech and language"), that only that
// role and team managers may read and change. Every role × the case routes × every section (the new one
// included) must be allowed or refused exactly as the table below says — written out here, not derived
// from the policy code — and a marker of a section a role may not read never appears in what it receives.
// case-task-matrix.test.ts is the same question against the shipped configuration.
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD, DEMO_USERS } from '../../../server/src/application/users/seed-demo-users';
import { demoSessions, type Reply, type Session } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const SECTIONS = ['personal', 'family', 'education', 'health', 'offending', 'assessments', 'plans', 'victims', 'agencies', 'speech-language'] as const;
type Section = (typeof SECTIONS)[number];
const GENERAL: Section[] = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies'];
const NEW_ROLE = 'speech-language-workers';

interface Expected { openCase: boolean; read: Section[]; write: Section[] }

const EXPECTED: Record<string, Expected> = {
  'case-managers': { openCase: true, read: GENERAL, write: GENERAL },
  'team-managers': { openCase: true, read: [...SECTIONS], write: [...SECTIONS] },
  'court-officers': { openCase: true, read: GENERAL, write: ['personal', 'offending'] },
  'victim-workers': { openCase: true, read: [...GENERAL, 'victims'], write: ['victims'] },
  'panel-coordinators': { openCase: true, read: GENERAL, write: ['offending', 'plans'] },
  'health-workers': { openCase: true, read: [...GENERAL, 'health'], write: ['health'] },
  'data-officers': { openCase: true, read: ['personal', 'education', 'offending', 'assessments', 'plans', 'agencies'], write: ['personal'] },
  dpo: { openCase: true, read: GENERAL, write: ['personal'] },
  admins: { openCase: false, read: [], write: [] },
  [NEW_ROLE]: { openCase: true, read: ['personal', 'speech-language'], write: ['speech-language'] },
};
const ROLES = Object.keys(EXPECTED);

const marker = (s: Section) => `ZQX${s.toUpperCase().replace('-', '')}QZX`;
const markerField = (s: Section) => `${s.replace('-', '')}Note`;

describe('permission matrix on a configured version: a new role and a new restricted section', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const sessions = new Map<string, Session>(); // by role
  const { call, signIn } = demoSessions(() => system.url);
  let caseId: string;

  const as = (role: string) => sessions.get(role)!;
  const leaked = (role: string, text: string) => SECTIONS.filter((s) => !EXPECTED[role]!.read.includes(s) && text.includes(marker(s)));

  beforeAll(async () => {
    system = await startTestSystem();
    const passwordHash = await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD);
    // Members of team north for the roles whose demo users have no team, and for the new role.
    const extra = [{ username: 'nora.dpo', role: 'dpo' }, { username: 'nick.admin', role: 'admins' }, { username: 'sue.speech', role: NEW_ROLE }];
    for (const e of extra) {
      await system.modules.security.users.create({ username: e.username, displayName: e.username, email: `${e.username}@example.org`, roles: [e.role], teams: ['north'], passwordHash });
    }
    const admin = await signIn('ada.admin');
    const shipped = (await call(admin, 'GET', '/admin/permissions')).body.inForce.rows;
    const tm = shipped['team-managers'];
    const saved = await call(admin, 'POST', '/admin/permissions', {
      basedOn: 1, reason: 'Speech and language workers join the service, with their own tab',
      rows: {
        ...shipped,
        'team-managers': { ...tm, read: [...tm.read, 'speech-language'], write: [...tm.write, 'speech-language'] },
        [NEW_ROLE]: { actions: ['claim', 'complete', 'view-cases', 'send-message'], read: ['personal', 'speech-language'], write: ['speech-language'] },
      },
      sections: [{ key: 'speech-language', label: 'Speech and language', description: 'Communication needs, assessments and therapy plans' }],
      roleLabels: { [NEW_ROLE]: 'Speech and language workers' },
    });
    expect(saved.status).toBe(201);
    const demoByRole = new Map<string, string>();
    for (const u of DEMO_USERS) if (!demoByRole.has(u.roles[0])) demoByRole.set(u.roles[0], u.username);
    for (const role of ROLES) sessions.set(role, await signIn(extra.find((e) => e.role === role)?.username ?? demoByRole.get(role)!));

    const created = await call(as('team-managers'), 'POST', '/cases', { givenName: 'Configured', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    expect(created.status).toBe(201);
    caseId = encodeURIComponent(created.body.id);
    for (const s of SECTIONS) {
      const res = await call(as('team-managers'), 'PATCH', `/cases/${caseId}/sections/${s}`, { changes: { [markerField(s)]: marker(s) }, reason: 'matrix set-up' });
      expect(res.status).toBe(200);
    }
  }, 60000);
  afterAll(() => system?.close());

  it.each(ROLES)('GET /api/cases/:id as %s: exactly the readable sections (the new one included), the rest withheld, no withheld marker', async (role) => {
    const res = await call(as(role), 'GET', `/cases/${caseId}`);
    const exp = EXPECTED[role]!;
    expect(leaked(role, res.text)).toEqual([]);
    if (!exp.openCase) {
      expect(res.status).toBe(403);
      return;
    }
    expect(res.status).toBe(200);
    expect(Object.keys(res.body.sections).sort()).toEqual([...exp.read].sort());
    expect([...res.body.withheldSections].sort()).toEqual(SECTIONS.filter((s) => !exp.read.includes(s)).sort());
    for (const s of exp.read) expect(res.body.sections[s].values[markerField(s)]).toBe(marker(s));
    const history = await call(as(role), 'GET', `/cases/${caseId}/amendments?limit=200`);
    expect(leaked(role, history.text)).toEqual([]);
  });

  // Writes: every role to the new section, and the new role to every section (case-task-matrix.test.ts has the
  // shipped roles × shipped sections, which this version leaves as they were; the reads above cover them all).
  const writes = ROLES.flatMap((role) => SECTIONS.filter((s) => role === NEW_ROLE || s === 'speech-language').map((s) => [role, s, EXPECTED[role]!.write.includes(s)] as const));

  describe('PATCH /api/cases/:id/sections/:section', () => {
    const replies = new Map<string, Reply>();
    let stored: Awaited<ReturnType<typeof system.modules.tasks.cases.findById>>;
    const fieldOf = (role: string) => `by_${role.replace(/-/g, '_')}`;
    beforeAll(async () => {
      await Promise.all(writes.map(async ([role, s]) => {
        replies.set(`${role}/${s}`, await call(as(role), 'PATCH', `/cases/${caseId}/sections/${s}`, { changes: { [fieldOf(role)]: `written by ${role}` }, reason: 'matrix write' }));
      }));
      stored = await system.modules.tasks.cases.findById(decodeURIComponent(caseId));
    }, 90000);

    it.each(writes)('as %s → section %s writable: %s', (role, section, allowed) => {
      const res = replies.get(`${role}/${section}`)!;
      expect(leaked(role, res.text)).toEqual([]);
      const values = stored!.sections[section]!.values;
      expect(res.status).toBe(allowed ? 200 : 403);
      expect(values[fieldOf(role)]).toBe(allowed ? `written by ${role}` : undefined);
      expect(values[markerField(section)]).toBe(marker(section));
    });
  });

  it('records the new section in the audit of a read: among the sections read by its readers, not by others', async () => {
    for (const role of [NEW_ROLE, 'case-managers']) expect((await call(as(role), 'GET', `/cases/${caseId}`)).status).toBe(200);
    const reads = await system.modules.security.audit.search({ action: 'case.read', recordId: decodeURIComponent(caseId) }, { offset: 0, limit: 100 });
    const byRole = (role: string) => reads.items.filter((e) => e.actor.roles?.includes(role)).map((e) => e.sections);
    expect(byRole(NEW_ROLE).length).toBeGreaterThan(0);
    for (const sections of byRole(NEW_ROLE)) expect(sections).toEqual(['personal', 'speech-language']);
    expect(byRole('case-managers').length).toBeGreaterThan(0);
    for (const sections of byRole('case-managers')) expect(sections).toEqual(GENERAL);
  });

  it('names the new role and section for people, lets forms place fields in the section and refuses one nobody configured', async () => {
    const me = await call(as(NEW_ROLE), 'GET', '/auth/me');
    expect(me.body.words.roles[NEW_ROLE]).toBe('Speech and language workers');
    expect(me.body.words.roles['case-managers']).toBe('Case managers');
    expect(me.body.words.sections['speech-language']).toBe('Speech and language');
    expect(me.body.readableSections).toEqual(['personal', 'speech-language']);
    const roles = await call(as('admins'), 'GET', '/users/roles');
    expect(roles.body.labels).toContainEqual({ key: NEW_ROLE, label: 'Speech and language workers' });

    const form = (section: string) => ({
      schema: { id: `slt-note-${section}`, type: 'default', components: [{ type: 'textfield', key: 'communicationNeeds', label: 'Communication needs', properties: { section } }] },
      comment: 'speech and language note',
    });
    const ok = await call(as('team-managers'), 'POST', '/forms', form('speech-language'));
    expect(ok.status).toBe(201);
    const refused = await call(as('team-managers'), 'POST', '/forms', form('dreams'));
    expect(refused.status).toBe(422);
    expect(refused.text).toContain('property section \\"dreams\\" is not a case-record section');
  });
});
