// A hostile or careless administrator (issue 23's safety rails) trying every way around the second
// administrator's approval to reach children's data alone, through the real routes: the teams page (joining,
// leading, merging, splitting — today or from a later day), a request approved after the access it gives grew,
// an approval task completed by someone who is no administrator (a process version deployed to offer it to
// another group), the generic task routes, two requests at once, and a service account whose token reads
// cases; a second account an administrator makes (not held: shown to every administrator), a second
// administrator account (held), and an administrator approving as one whose password they set (refused). Ali is
// an administrator who also works north's cases; Ada and Abe are administrators whose roles reach none.
// Expectations are written out here, not derived from the policy code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const MARK = 'Zqxsouthmarker';
const TEAMS_REFUSAL = "This would open the cases of South team to you, and your roles reach children's data: another administrator must make this change, or ask for it on your own account on the Users page, where another administrator approves it";
const SHIPPED_APPROVAL = readFileSync(path.join(__dirname, '../../../processes/permission-change-approval.bpmn'), 'utf8');

describe('an administrator cannot reach children’s data alone, by any route', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  const ids: Record<string, string> = {};
  let southCase = '';
  const engine = () => system.modules.workflow.engine;
  const caseOfSouth = (who: string) => call(who, 'GET', `/cases/${encodeURIComponent(southCase)}`);
  // Not a case of Ali's teams: only break-glass (a reason, audited and shown to managers) would open it.
  const outsideTeams = async (who: string) => (await caseOfSouth(who)).body.error?.code === 'BREAK_GLASS_REASON_REQUIRED';
  const decide = (who: string, id: string, decision: 'approve' | 'reject', reason: string) => call(who, 'POST', `/admin/permissions/requests/${id}/decision`, { decision, reason });
  const bearer = async (token: string, url: string) => {
    const res = await fetch(`${system.url}/api/integration${url}`, { headers: { authorization: `Bearer ${token}` } });
    return { status: res.status, body: await res.json() };
  };

  async function signInWith(username: string, password: string) {
    const res = await fetch(`${system.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password }) });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  beforeAll(async () => {
    system = await startTestSystem();
    const passwordHash = await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD);
    await system.conn.collection('users').insertOne({
      username: 'ali.admin', displayName: 'Ali Admin', email: 'ali.admin@example.org', roles: ['admins', 'case-managers'], teams: ['north'],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash,
    });
    await system.conn.collection('users').insertOne({
      username: 'abe.admin', displayName: 'Abe Admin', email: 'abe.admin@example.org', roles: ['admins'], teams: [], active: true, failedAttempts: 0, createdAt: new Date(), passwordHash,
    });
    for (const u of ['ali.admin', 'ada.admin', 'abe.admin', 'sam.manager', 'tom.manager']) {
      await signIn(u);
      ids[u] = String((await system.conn.collection('users').findOne({ username: u }))!._id);
    }
    const made = await call('sam.manager', 'POST', '/cases', { givenName: MARK, familyName: 'Child', dateOfBirth: '2011-02-03', team: 'south' });
    southCase = made.body.id;
    expect(await outsideTeams('ali.admin')).toBe(true);
  }, 90_000);
  afterAll(() => system?.close());

  it('the teams page refuses Ali every way into south’s cases: joining today or later, managing, heading, a new team he leads, merging, splitting', async () => {
    const attempts = [
      call('ali.admin', 'POST', '/admin/teams/south/members', { userId: ids['ali.admin'], change: 'join', on: new Date().toISOString().slice(0, 10) }),
      call('ali.admin', 'POST', '/admin/teams/south/members', { userId: ids['ali.admin'], change: 'join', on: '2030-01-01' }),
      call('ali.admin', 'PATCH', '/admin/teams/south', { managerIds: [ids['sam.manager'], ids['ali.admin']] }),
      call('ali.admin', 'PATCH', '/admin/teams/south', { headOfServiceId: ids['ali.admin'] }),
      call('ali.admin', 'POST', '/admin/teams/moves', { kind: 'merge', sources: ['south'], target: 'north', reason: 'One team' }),
      call('ali.admin', 'POST', '/admin/teams/moves', { kind: 'split', sources: ['south'], target: 'north', caseIds: [southCase], reason: 'Rebalance' }),
      call('ali.admin', 'POST', '/admin/teams/moves', { kind: 'split', sources: ['north'], target: 'south', caseIds: [], userIds: [ids['ali.admin']], reason: 'Cover' }),
    ];
    for (const r of await Promise.all(attempts)) expect([r.status, r.body.error?.message]).toEqual([403, TEAMS_REFUSAL]);
    const own = await call('ali.admin', 'POST', '/admin/teams', { key: 'ali-own', name: 'Ali’s own team', managerIds: [ids['ali.admin']] });
    expect([own.status, own.body.error.code]).toEqual([403, 'SELF_REACH_NEEDS_SECOND_ADMIN']);
    // Renaming opens nothing.
    expect((await call('ali.admin', 'PATCH', '/admin/teams/north', { name: 'North team' })).status).toBe(200);

    expect(await outsideTeams('ali.admin')).toBe(true);
    const teams = (await call('ada.admin', 'GET', '/admin/teams')).body.teams as { key: string; managers: { name: string }[]; headOfService?: { name: string }; members: { name: string }[] }[];
    expect(teams.map((t) => t.key).sort()).toEqual(['north', 'south']);
    const south = teams.find((t) => t.key === 'south')!;
    expect([south.managers.map((m) => m.name), south.headOfService?.name, south.members.map((m) => m.name)]).toEqual([['Sam Manager'], 'Hana Head', ['Dan Data', 'Hana Head', 'Sam Manager', 'Sol Case']]);
    expect((await call('ada.admin', 'GET', `/users/${ids['ali.admin']}`)).body.teams).toEqual(['north']);
  });

  it('another administrator may make Ali a manager of south: audited, and Ali then reads the case', async () => {
    expect((await call('ada.admin', 'PATCH', '/admin/teams/south', { managerIds: [ids['sam.manager'], ids['ali.admin']] })).status).toBe(200);
    expect((await caseOfSouth('ali.admin')).text).toContain(MARK);
    const [event] = (await system.modules.security.audit.search({ action: 'team.updated' }, { offset: 0, limit: 5 })).items;
    expect(event).toMatchObject({ actor: { id: ids['ada.admin'] }, recordId: 'south', after: { managerIds: [ids['sam.manager'], ids['ali.admin']] } });
    expect((await call('ada.admin', 'PATCH', '/admin/teams/south', { managerIds: [ids['sam.manager']] })).status).toBe(200);
    expect(await outsideTeams('ali.admin')).toBe(true);
  });

  it('Ada, whose roles reach nothing, may join and head teams herself; asking for roles then names every team they would open', async () => {
    expect((await call('ada.admin', 'POST', '/admin/teams/south/members', { userId: ids['ada.admin'], change: 'join', on: '2030-01-01' })).status).toBe(201);
    expect((await call('ada.admin', 'PATCH', '/admin/teams/north', { headOfServiceId: ids['ada.admin'] })).status).toBe(200);
    const asked = await call('ada.admin', 'PATCH', `/users/${ids['ada.admin']}`, { roles: ['admins', 'court-officers'] });
    expect(asked.status).toBe(202);
    expect(asked.body.awaitingApproval.gained).toEqual(expect.arrayContaining(['View cases', 'the cases of North team', 'the cases of South team']));
  });

  it('an approval is refused when the roles asked for reach further than the request showed (a version saved meanwhile)', async () => {
    const [waiting] = (await call('ali.admin', 'GET', '/admin/permissions/requests')).body.items;
    expect(waiting.account.gained).not.toContain('read Health');
    const rows = (await call('ada.admin', 'GET', '/admin/permissions')).body.inForce.rows;
    const wider = { ...rows, 'court-officers': { ...rows['court-officers'], read: [...rows['court-officers'].read, 'health'] } };
    // Ada does not hold court officers yet, so this version is in force at once.
    expect((await call('ada.admin', 'POST', '/admin/permissions', { basedOn: 1, rows: wider, reason: 'Court officers read health for bail' })).status).toBe(201);
    const decided = await decide('ali.admin', waiting.id, 'approve', 'Ada covers court duty');
    expect(decided.body.request.state).toBe('rejected');
    expect(decided.body.request.decisionReason).toBe('Approved, but not applied: it would now also give read Health, which the request did not show (the permissions or teams changed after it was asked for): ask again. Ada covers court duty');
    expect((await call('ali.admin', 'GET', `/users/${ids['ada.admin']}`)).body.roles).toEqual(['admins']);
  });

  it('two requests for the same account at once: one waits, the other is refused', async () => {
    const both = await Promise.all([1, 2].map(() => call('ali.admin', 'PATCH', `/users/${ids['ali.admin']}`, { teams: ['north', 'south'] })));
    expect(both.map((r) => r.status).sort()).toEqual([202, 409]);
    const waiting = both.find((r) => r.status === 202)!.body.awaitingApproval;
    expect((await decide('ada.admin', waiting.id, 'reject', 'Ali stays in north')).body.request.state).toBe('rejected');
  });

  it('the requester cannot work the approval task through the generic task routes: completing it, or a manager reassigning it to them', async () => {
    const rows = (await call('ada.admin', 'GET', '/admin/permissions')).body.inForce.rows;
    const asked = await call('ali.admin', 'POST', '/admin/permissions', { basedOn: 2, rows: { ...rows, admins: { ...rows.admins, read: ['victims'] } }, reason: 'Admins check victims' });
    expect(asked.status).toBe(202);
    const { id, instanceKey } = asked.body.awaitingApproval;
    await engine().runDue();
    const [task] = await engine().listUserTasks({ instanceKey, state: 'open' });
    const key = encodeURIComponent(task!.key);
    const completed = await call('ali.admin', 'POST', `/tasks/${key}/complete`, { data: { approvalDecision: 'approve', approvalReason: 'mine' } });
    // Completing an unclaimed task claims it first: the process's guard refuses the requester.
    expect([completed.status, completed.body.error.message]).toEqual([409, 'Claiming this task was refused by the process: You asked for this change, so another administrator must approve or reject it. Nothing was changed.']);
    const reassigned = await call('tom.manager', 'POST', `/tasks/${key}/reassign`, { toUserId: ids['ali.admin'] });
    expect([reassigned.status, reassigned.body.error.message]).toEqual([409, 'Reassigning this task was refused by the process: You asked for this change, so another administrator must approve or reject it. Nothing was changed.']);
    expect((await engine().listUserTasks({ instanceKey, state: 'open' }))[0]?.assignee).not.toBe(ids['ali.admin']);
    expect((await decide('ada.admin', id, 'reject', 'Admins see no victims')).body.request.state).toBe('rejected');
  });

  it('an approval process redeployed to offer the task to team managers: a team manager’s "approve" is no approval', async () => {
    const forged = SHIPPED_APPROVAL.replace('candidateGroups="admins"', 'candidateGroups="team-managers"');
    expect((await call('ali.admin', 'POST', '/processes', { xml: forged, comment: 'Managers approve' })).status).toBe(201);
    const rows = (await call('ada.admin', 'GET', '/admin/permissions')).body.inForce.rows;
    const asked = await call('ali.admin', 'POST', '/admin/permissions', { basedOn: 2, rows: { ...rows, admins: { ...rows.admins, read: ['health'] } }, reason: 'Admins check health' });
    const { instanceKey } = asked.body.awaitingApproval;
    await engine().runDue();
    const [task] = await engine().listUserTasks({ instanceKey, state: 'open' });
    expect(task!.candidateGroups).toEqual(['team-managers']);
    const key = encodeURIComponent(task!.key);
    expect((await call('tom.manager', 'POST', `/tasks/${key}/claim`)).status).toBe(200);
    expect((await call('tom.manager', 'POST', `/tasks/${key}/complete`, { data: { approvalDecision: 'approve', approvalReason: 'Looks fine' } })).status).toBe(200);
    await engine().runDue();
    const page = (await call('ada.admin', 'GET', '/admin/permissions')).body;
    expect(page.inForce.version).toBe(2);
    expect(page.latestChangeRequest).toMatchObject({ state: 'rejected', decisionReason: 'It was decided by someone who is not an administrator, so it is no approval. Looks fine' });
    expect((await call('ada.admin', 'POST', '/processes', { xml: SHIPPED_APPROVAL, comment: 'Admins approve again' })).status).toBe(201);
  });

  it('a new section or a new role given to oneself waits; names alone change nobody’s access and need nobody', async () => {
    const rows = (await call('ada.admin', 'GET', '/admin/permissions')).body.inForce.rows;
    const section = { key: 'speech-language', label: 'Speech and language', description: 'Communication needs' };
    const withSection = await call('ada.admin', 'POST', '/admin/permissions', { basedOn: 2, rows: { ...rows, admins: { ...rows.admins, read: ['speech-language'] } }, sections: [section], reason: 'Admins triage SLT' });
    expect([withSection.status, withSection.body.awaitingApproval?.needsApproval]).toEqual([202, { 'rows.admins': "This gives your own role admins access to children's data (read Speech and language): another administrator must approve it before it is in force" }]);
    expect((await decide('ali.admin', withSection.body.awaitingApproval.id, 'reject', 'Admins do not triage')).body.request.state).toBe('rejected');
    // Break glass opens any team's case with a reason: giving it to one's own role waits the same way.
    const glass = await call('ada.admin', 'POST', '/admin/permissions', { basedOn: 2, rows: { ...rows, admins: { ...rows.admins, actions: [...rows.admins.actions, 'break-glass'] } }, reason: 'Admins break glass' });
    expect(glass.status).toBe(202);
    expect((await decide('ali.admin', glass.body.awaitingApproval.id, 'reject', 'Admins do not open cases')).body.request.state).toBe('rejected');
    // A new role that reads Health, held by nobody, is in force at once; giving it to oneself then waits.
    const slt = { actions: ['view-cases'], read: ['personal', 'health'], write: [] };
    expect((await call('ada.admin', 'POST', '/admin/permissions', { basedOn: 2, rows: { ...rows, 'slt-workers': slt }, roleLabels: { 'slt-workers': 'Speech therapists' }, reason: 'New SLT role' })).status).toBe(201);
    const self = await call('ada.admin', 'PATCH', `/users/${ids['ada.admin']}`, { roles: ['admins', 'slt-workers'] });
    expect([self.status, self.body.roles]).toEqual([202, ['admins']]);
    expect((await decide('ali.admin', self.body.awaitingApproval.id, 'reject', 'No')).body.request.state).toBe('rejected');
    const renamed = await call('ada.admin', 'POST', '/admin/permissions', { basedOn: 3, rows: { ...rows, 'slt-workers': slt }, roleLabels: { 'slt-workers': 'Speech and language therapists', admins: 'System administrators' }, reason: 'Names' });
    expect(renamed.status).toBe(201);
  });

  it('a second account an admin makes, a team opened to another account, a password an admin sets: not held, shown to every admin', async () => {
    const second = { username: 'ada.second', displayName: 'Ada Second', email: 'ada.second@example.org', roles: ['case-managers'], teams: ['north'], password: 'Lantern-orchard-47-kettle' };
    expect((await call('ada.admin', 'POST', '/users', second)).status).toBe(201);
    const plain = { ...second, username: 'plain.admin', displayName: 'Plain Admin', email: 'plain.admin@example.org', roles: ['admins'], teams: [] };
    // A new administrator reaches no case, so is no grant of children's data here; it waits (next test).
    const plainMade = await call('ada.admin', 'POST', '/users', plain);
    expect(plainMade.status).toBe(202);
    expect((await decide('ali.admin', plainMade.body.awaitingApproval.id, 'reject', 'Not needed')).body.request.state).toBe('rejected');
    const cara = String((await system.conn.collection('users').findOne({ username: 'cara.case' }))!._id);
    expect((await call('ada.admin', 'PATCH', `/users/${cara}`, { password: 'Quiet-harbour-58-violin' })).status).toBe(200);

    const shown = await call('ali.admin', 'GET', '/users/access-given');
    expect(shown.status).toBe(200);
    expect(shown.body.days).toBe(30);
    // Newest first: what was done, to whom, by whom, whether it opens case records, and (last) whose cases.
    const rows = shown.body.items.map((g: { kind: string; userName: string; byName: string; gained: string[] }) => [g.kind, g.userName, g.byName, g.gained.includes('View cases'), g.gained.at(-1)]);
    expect(rows).toEqual([
      ['password', 'Cara Case', 'Ada Admin', true, 'the cases of North team'],
      ['created', 'Ada Second', 'Ada Admin', true, 'the cases of North team'],
      // Earlier, on the teams page: Ada made Ali a manager of south.
      ['changed', 'Ali Admin', 'Ada Admin', false, 'the cases of South team'],
    ]);
    expect((await call('sam.manager', 'GET', '/users/access-given')).status).toBe(403);
  });

  it('making someone an administrator waits for another admin; an admin who set another’s password may not approve their changes, nor they the admin’s', async () => {
    const puppet = { username: 'ada.puppet', displayName: 'Ada Puppet', email: 'ada.puppet@example.org', roles: ['admins'], teams: [], password: 'Lantern-orchard-47-kettle' };
    const made = await call('ada.admin', 'POST', '/users', puppet);
    expect([made.status, made.body.roles, made.body.awaitingApproval.gained]).toEqual([202, [], ['Administer users, and so approve others’ access to children’s data']]);
    // (The admins role was renamed by a version above.)
    expect(made.body.awaitingApproval.words).toEqual(['Ada Puppet’s roles: none → System administrators']);
    expect((await decide('ada.admin', made.body.awaitingApproval.id, 'approve', 'mine')).status).toBe(403);
    const cara = String((await system.conn.collection('users').findOne({ username: 'cara.case' }))!._id);
    const promoted = await call('ada.admin', 'PATCH', `/users/${cara}`, { roles: ['case-managers', 'admins'], displayName: 'Cara Case' });
    expect([promoted.status, promoted.body.roles]).toEqual([202, ['case-managers']]);
    for (const id of [made.body.awaitingApproval.id, promoted.body.awaitingApproval.id]) {
      expect((await decide('ali.admin', id, 'reject', 'Not an administrator')).body.request.state).toBe('rejected');
    }

    // Ada sets Abe's password: she could sign in as Abe, so Abe's approval of Ada's change is no approval.
    expect((await call('ada.admin', 'PATCH', `/users/${ids['abe.admin']}`, { password: 'Copper-meadow-93-lantern' })).status).toBe(200);
    const abe = await signInWith('abe.admin', 'Copper-meadow-93-lantern');
    const asked = await call('ada.admin', 'PATCH', `/users/${ids['ada.admin']}`, { roles: ['admins', 'victim-workers'] });
    expect(asked.status).toBe(202);
    const refused = await call(abe, 'POST', `/admin/permissions/requests/${asked.body.awaitingApproval.id}/decision`, { decision: 'approve', reason: 'fine' });
    expect([refused.status, refused.body.error.message]).toEqual([403, 'One of you set the other’s password, so could have signed in as them: a third administrator must decide this change']);
    expect((await decide('ali.admin', asked.body.awaitingApproval.id, 'reject', 'Ada stays an administrator only')).body.request.state).toBe('rejected');
    const [latest] = (await call('ali.admin', 'GET', '/users/access-given')).body.items;
    expect([latest.kind, latest.userName, latest.byName, latest.gained]).toEqual(['password', 'Abe Admin', 'Ada Admin', ['Administer users']]);
  });

  it('a service account whose scope reads cases works only once another administrator approved it; a rejected one never', async () => {
    const body = { name: 'Ada’s reader', roles: ['case-managers'], teams: ['south'], scopes: ['cases:read:personal'], tokenDays: 30 };
    const made = await call('ada.admin', 'POST', '/admin/service-accounts', body);
    expect(made.status).toBe(201);
    expect(made.body.awaitingApproval).toMatchObject({ kind: 'service-account', state: 'awaiting', account: { gained: ['read Personal details', 'the cases of South team'] } });
    const refused = await bearer(made.body.token, `/cases/${encodeURIComponent(southCase)}`);
    expect([refused.status, refused.body.error.code]).toEqual([403, 'TOKEN_AWAITING_APPROVAL']);
    expect((await decide('ada.admin', made.body.awaitingApproval.id, 'approve', 'mine')).status).toBe(403);
    const listed = (await call('ali.admin', 'GET', '/admin/permissions/requests')).body.items;
    expect(listed.map((r: { id: string }) => r.id)).toContain(made.body.awaitingApproval.id);

    expect((await decide('ali.admin', made.body.awaitingApproval.id, 'approve', 'The south portal needs it')).body.request.state).toBe('approved');
    const read = await bearer(made.body.token, `/cases/${encodeURIComponent(southCase)}`);
    expect([read.status, read.body.sections.personal.givenName]).toEqual([200, MARK]);

    const other = await call('ada.admin', 'POST', '/admin/service-accounts', { ...body, name: 'Another reader' });
    expect((await decide('ali.admin', other.body.awaitingApproval.id, 'reject', 'No agreement covers it')).body.request.state).toBe('rejected');
    expect((await bearer(other.body.token, `/cases/${encodeURIComponent(southCase)}`)).body.error.code).toBe('TOKEN_REVOKED');
    // An account that reads nothing needs nobody.
    const referrals = await call('ada.admin', 'POST', '/admin/service-accounts', { ...body, name: 'Referrals only', scopes: ['referrals:create'] });
    expect([referrals.status, referrals.body.awaitingApproval]).toEqual([201, undefined]);
  });
});
