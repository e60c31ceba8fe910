// The permission table as versioned data, on the whole product: the shipped table is version 1; an admin's
// new version (a new role, speech-language-workers, that may view cases and read Health only) changes what
// the API returns for a user of that role at once; the safety rails refuse with field errors; the preview
// names who would gain what without saving. Expectations are written out here, not derived from the policy code.
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { startTestSystem } from '../../support/system';
import { apiSessions, type Session } from './support/api-sessions';


const HEALTH = 'ZQXHEALTHMARKQZX';
const PERSONAL = 'ZQXPERSONALMARKQZX';
const SPEECH = { actions: ['view-cases'], read: ['health'], write: [] as string[] };

describe('permissions as versioned data', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let admin: Session, manager: Session, speech: Session;
  let caseId: string;
  let shipped: Record<string, { actions: string[]; read: string[]; write: string[] }>;

  const { call, signIn } = apiSessions(() => system.url);
  const withSpeech = () => ({ ...shipped, 'speech-language-workers': SPEECH });

  beforeAll(async () => {
    system = await startTestSystem();
    // Stored directly: until version 2 names the role, the users page refuses it (tested below).
    await system.conn.collection('users').insertOne({
      username: 'sue.speech', displayName: 'Sue Speech', email: 'sue.speech@example.org', roles: ['speech-language-workers'], teams: ['north'],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
    [admin, manager, speech] = [await signIn('ada.admin'), await signIn('tom.manager'), await signIn('sue.speech')];
    const created = await call(manager, 'POST', '/api/cases', { givenName: 'Versioned', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    expect(created.status).toBe(201);
    caseId = encodeURIComponent(created.body.id);
    for (const [s, m] of [['health', HEALTH], ['personal', PERSONAL]]) {
      expect((await call(manager, 'PATCH', `/api/cases/${caseId}/sections/${s}`, { changes: { note: m }, reason: 'set-up' })).status).toBe(200);
    }
    shipped = (await call(admin, 'GET', '/api/admin/permissions')).body.inForce.rows;
  }, 90000);
  afterAll(() => system?.close());

  it('serves the shipped table as version 1 to admins only', async () => {
    const res = await call(admin, 'GET', '/api/admin/permissions');
    expect(res.status).toBe(200);
    expect(res.body.inForce).toMatchObject({ version: 1, createdBy: 'system' });
    expect(shipped['health-workers']).toEqual({
      actions: ['claim', 'complete', 'send-message', 'view-cases', 'break-glass'], read: expect.arrayContaining(['health', 'personal']), write: ['health', 'documents'],
    });
    expect(shipped.admins.read).toEqual([]);
    expect((await call(manager, 'GET', '/api/admin/permissions')).status).toBe(403);
  });

  it('a role the table does not name gets nothing', async () => {
    expect((await call(speech, 'GET', `/api/cases/${caseId}`)).status).toBe(403);
  });

  it.each([
    ['write without read', { 'speech-language-workers': { ...SPEECH, write: ['victims'] } }, 'rows.speech-language-workers.write', /cannot write Victims without being able to read it/],
    ['unknown action', { 'speech-language-workers': { ...SPEECH, actions: ['fly'] } }, 'rows.speech-language-workers.actions', /Unknown action: fly/],
    ['unknown section', { 'speech-language-workers': { ...SPEECH, read: ['dreams'] } }, 'rows.speech-language-workers.read', /Unknown case section: dreams/],
    ['bad role name', { 'Speech Workers': SPEECH }, 'rows.Speech Workers', /not a role name/],
    ['no administrator', { admins: { actions: ['verify-audit'], read: [], write: [] } }, 'rows', /No role could administer users/],
    // An admin granting their own role Health is not refused: it awaits another admin (permission-approval.test.ts).
  ])('refuses %s with a field error, and stores nothing', async (_name, change, field, message) => {
    for (const [url, body] of [['/api/admin/permissions/preview', { rows: { ...shipped, ...change } }], ['/api/admin/permissions', { basedOn: 1, rows: { ...shipped, ...change }, reason: 'test' }]] as const) {
      const res = await call(admin, 'POST', url, body);
      expect(res.status).toBe(422);
      expect(res.body.errors[field]).toMatch(message);
    }
    expect((await call(admin, 'GET', '/api/admin/permissions/history')).body.items).toHaveLength(1);
  });

  it('refuses unknown fields and a missing reason', async () => {
    const res = await call(admin, 'POST', '/api/admin/permissions', { basedOn: 1, rows: withSpeech(), reason: ' ', extra: 1 });
    expect(res.status).toBe(422);
    expect(res.body.errors).toMatchObject({ extra: 'Not a field of this request', reason: expect.stringMatching(/Say why/) });
  });

  it('previews who would gain what, by name, without saving', async () => {
    const res = await call(admin, 'POST', '/api/admin/permissions/preview', { rows: withSpeech() });
    expect(res.status).toBe(200);
    expect(res.body.effect).toEqual([
      { kind: 'action', name: 'view-cases', change: 'gain', summary: '1 user would gain "View cases"', users: [{ id: expect.any(String), displayName: 'Sue Speech' }] },
      { kind: 'read', name: 'health', change: 'gain', summary: '1 user would gain read access to Health', users: [{ id: expect.any(String), displayName: 'Sue Speech' }] },
    ]);
    expect(res.body.changes).toEqual([{ role: 'speech-language-workers', change: 'added' }]);
    expect((await call(speech, 'GET', `/api/cases/${caseId}`)).status).toBe(403);
  });

  it('a saved version takes effect at once: the new role reads Health and nothing else, writes nothing', async () => {
    const saved = await call(admin, 'POST', '/api/admin/permissions', { basedOn: 1, rows: withSpeech(), reason: 'Speech and language workers join the service' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ version: 2, reason: 'Speech and language workers join the service', rows: { 'speech-language-workers': SPEECH } });

    const read = await call(speech, 'GET', `/api/cases/${caseId}`);
    expect(read.status).toBe(200);
    expect(Object.keys(read.body.sections)).toEqual(['health']);
    expect(read.text).toContain(HEALTH);
    expect(read.text).not.toContain(PERSONAL);
    expect(read.body.withheldSections).toContain('personal');
    expect((await call(speech, 'PATCH', `/api/cases/${caseId}/sections/health`, { changes: { note: 'x' }, reason: 'try' })).status).toBe(403);
    // The shipped roles are unchanged: a case manager still may not read Health.
    const cara = await signIn('cara.case');
    const asCaseManager = await call(cara, 'GET', `/api/cases/${caseId}`);
    expect(asCaseManager.status).toBe(200);
    expect(asCaseManager.text).not.toContain(HEALTH);
  });

  it('a role of the version in force can be given to people on the users page, and by an admin to themselves only with a second admin', async () => {
    const newUser = { username: 'sid.speech', displayName: 'Sid Speech', email: 'sid.speech@example.org', roles: ['speech-language-workers'], teams: ['north'], password: 'a long and unusual passphrase 42' };
    expect((await call(admin, 'GET', '/api/users/roles')).body.items).toEqual(expect.arrayContaining(['admins', 'speech-language-workers']));
    const created = await call(admin, 'POST', '/api/users', newUser);
    expect(created.status).toBe(201);
    expect(created.body.roles).toEqual(['speech-language-workers']);
    expect((await call(admin, 'POST', '/api/users', { ...newUser, username: 'x.y', email: 'x.y@example.org', roles: ['wizards'] })).body.errors.roles).toBe('Unknown role(s): wizards');
    const me = (await call(admin, 'GET', '/api/auth/me')).body;
    const selfGrant = await call(admin, 'PATCH', `/api/users/${me.id ?? me.user?.id}`, { roles: ['admins', 'speech-language-workers'] });
    expect(selfGrant.status).toBe(202); // it waits for a second admin (permission-approval.test.ts)
    expect([selfGrant.body.roles, selfGrant.body.awaitingApproval.gained]).toEqual([['admins'], ['read Health', 'View cases']]);
  });

  it('keeps every version with who, when and why, audits the change, and refuses a save based on an old version', async () => {
    const history = (await call(admin, 'GET', '/api/admin/permissions/history')).body.items;
    expect(history.map((h: { version: number; reason: string }) => [h.version, h.reason])).toEqual([[2, 'Speech and language workers join the service'], [1, expect.stringMatching(/shipped/)]]);
    expect((await call(admin, 'GET', '/api/admin/permissions/versions/1')).body.rows).toEqual(shipped);
    const stale = await call(admin, 'POST', '/api/admin/permissions', { basedOn: 1, rows: shipped, reason: 'undo' });
    expect(stale.status).toBe(409);
    const events = await system.modules.security.audit.search({ action: 'permissions.changed' }, { offset: 0, limit: 10 });
    expect(events.items).toHaveLength(1);
    expect(events.items[0]).toMatchObject({ recordId: '2', before: { version: 1 }, after: { version: 2, changes: [{ role: 'speech-language-workers', change: 'added' }] } });
  });
});
