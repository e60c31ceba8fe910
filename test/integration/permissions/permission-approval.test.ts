// A second administrator's approval (issue 23): an admin whose change would widen their own roles' access to
// children's data does not put it in force by saving; it awaits another admin on the permissions page and in
// the approval process (processes/permission-change-approval.bpmn). The requester cannot decide it — neither
// on the permissions route nor by taking its task from the queue (the process's own listener refuses). An
// approval puts it in force (seen through the case route), a rejection leaves the version in force as it was;
// both are audited with both admins. A deploy offering a task to a group that is no role is refused. Expectations are written out here, not derived from the policy code.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../../server/src/adapters/crypto/argon2.password-hasher';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { startTestSystem } from '../../support/system';
import { apiSessions, type Session } from './support/api-sessions';


const HEALTH = 'ZQXAPPROVALHEALTHQZX';
const SELF = 'You asked for this change, so another administrator must approve or reject it';

describe("a second administrator's approval of a change to one's own access", () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let ali: Session, ada: Session;
  let aliId: string, adaId: string;
  let caseId: string;
  let shipped: Record<string, { actions: string[]; read: string[]; write: string[] }>;

  const { call, signIn } = apiSessions(() => system.url);
  const withAdmins = (read: string[], write: string[] = []) => ({ ...shipped, admins: { ...shipped.admins, read, write } });
  const caseOf = (who: Session) => call(who, 'GET', `/api/cases/${caseId}`);
  const audit = (action: string) => system.modules.security.audit.search({ action }, { offset: 0, limit: 10 }).then((p) => p.items);

  beforeAll(async () => {
    system = await startTestSystem();
    // Ali is an administrator who also works cases in north: giving admins Health would give Ali Health.
    const result = await system.conn.collection('users').insertOne({
      username: 'ali.admin', displayName: 'Ali Admin', email: 'ali.admin@example.org', roles: ['admins', 'case-managers'], teams: ['north'],
      active: true, failedAttempts: 0, createdAt: new Date(), passwordHash: await new Argon2PasswordHasher(TEST_ARGON2ID).hash(DEMO_PASSWORD),
    });
    aliId = String(result.insertedId);
    [ali, ada] = [await signIn('ali.admin'), await signIn('ada.admin')];
    adaId = (await call(ada, 'GET', '/api/auth/me')).body.user.id;
    const tom = await signIn('tom.manager');
    const created = await call(tom, 'POST', '/api/cases', { givenName: 'Approval', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    caseId = encodeURIComponent(created.body.id);
    expect((await call(tom, 'PATCH', `/api/cases/${caseId}/sections/health`, { changes: { note: HEALTH }, reason: 'set-up' })).status).toBe(200);
    shipped = (await call(ada, 'GET', '/api/admin/permissions')).body.inForce.rows;
  }, 90_000);
  afterAll(() => system?.close());

  it('previews the change with the reason it needs approval, and saving it keeps the version in force while it awaits', async () => {
    const preview = await call(ali, 'POST', '/api/admin/permissions/preview', { rows: withAdmins(['health']) });
    expect(preview.status).toBe(200);
    expect(preview.body.needsApproval).toEqual({ 'rows.admins': "This gives your own role admins access to children's data (read Health): another administrator must approve it before it is in force" });

    const saved = await call(ali, 'POST', '/api/admin/permissions', { basedOn: 1, rows: withAdmins(['health']), reason: 'Admins check health referrals' });
    expect(saved.status).toBe(202);
    expect(saved.body.awaitingApproval).toMatchObject({ state: 'awaiting', basedOn: 1, requestedByName: 'Ali Admin', reason: 'Admins check health referrals' });
    expect(saved.body.awaitingApproval.changes).toEqual([{ role: 'admins', change: 'read +health' }]);
    const gain = saved.body.awaitingApproval.effect.find((l: { summary: string }) => /gain read access to Health/.test(l.summary));
    expect(gain.users.map((u: { displayName: string }) => u.displayName)).toContain('Ali Admin');

    const page = (await call(ada, 'GET', '/api/admin/permissions')).body;
    expect(page.inForce.version).toBe(1);
    expect(page.latestChangeRequest).toMatchObject({ state: 'awaiting', requestedBy: aliId, requestedByName: 'Ali Admin', requestedAt: expect.any(String) });
    expect((await caseOf(ali)).text).not.toContain(HEALTH);
    expect((await audit('permissions.approval-requested'))[0]).toMatchObject({ actor: { id: aliId }, after: { reason: 'Admins check health referrals' } });
  });

  it('refuses any other save while a change awaits approval, naming who asked', async () => {
    const other = await call(ada, 'POST', '/api/admin/permissions', { basedOn: 1, rows: { ...shipped, dpo: { ...shipped.dpo, actions: shipped.dpo.actions.filter((a) => a !== 'view-reports') } }, reason: 'tidy' });
    expect(other.status).toBe(409);
    expect(other.body.error.message).toMatch(/A change asked for by Ali Admin \("Admins check health referrals"\) is awaiting a second administrator's approval/);
  });

  it('refuses the requester: on the permissions route, and when taking the approval task from the queue', async () => {
    const { id, instanceKey } = (await call(ada, 'GET', '/api/admin/permissions')).body.latestChangeRequest;
    const own = await call(ali, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'approve', reason: 'fine by me' });
    expect(own.status).toBe(403);
    expect(own.body.error.message).toBe(SELF);
    const [task] = await system.modules.workflow.engine.listUserTasks({ instanceKey, state: 'open' });
    expect(task).toMatchObject({ elementId: 'approveChange', candidateGroups: ['admins'] });
    const claim = await call(ali, 'POST', `/api/tasks/${encodeURIComponent(task!.key)}/claim`);
    expect(claim.status).toBe(409);
    expect(claim.body.error.message).toContain(SELF);
    expect((await call(ada, 'GET', '/api/admin/permissions')).body.inForce.version).toBe(1);
  });

  it('asks the approver for a decision and a reason', async () => {
    const { id } = (await call(ada, 'GET', '/api/admin/permissions')).body.latestChangeRequest;
    const bad = await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'maybe', reason: ' ', extra: 1 });
    expect(bad.status).toBe(422);
    expect(Object.keys(bad.body.errors).sort()).toEqual(['decision', 'extra', 'reason']);
  });

  it("another admin's approval puts the version in force: Ali reads Health through the case route; audited with both", async () => {
    const { id, instanceKey } = (await call(ada, 'GET', '/api/admin/permissions')).body.latestChangeRequest;
    const approved = await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'approve', reason: 'Agreed at the service meeting' });
    expect(approved.status).toBe(200);
    expect(approved.body.request).toMatchObject({ state: 'approved', version: 2, decidedBy: adaId, decidedByName: 'Ada Admin', decisionReason: 'Agreed at the service meeting' });
    expect((await caseOf(ali)).text).toContain(HEALTH);

    await system.modules.workflow.engine.runDue(); // the process's own job finds the decision made
    expect(await system.modules.workflow.engine.getInstance(instanceKey)).toMatchObject({ state: 'completed', variables: { permissionChangeInForce: true } });
    const history = (await call(ada, 'GET', '/api/admin/permissions/history')).body.items;
    expect(history[0]).toMatchObject({ version: 2, createdByName: 'Ali Admin', approvedByName: 'Ada Admin', reason: 'Admins check health referrals' });
    const changed = await audit('permissions.changed');
    expect(changed).toHaveLength(1);
    expect(changed[0]).toMatchObject({ actor: { id: adaId }, recordId: '2', after: { requestedBy: aliId, decidedBy: adaId, decisionReason: 'Agreed at the service meeting' } });
    expect((await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'reject', reason: 'too late' })).status).toBe(409);
  });

  it('a rejection leaves the version in force unchanged, audited with both', async () => {
    const asked = await call(ali, 'POST', '/api/admin/permissions', { basedOn: 2, rows: withAdmins(['health'], ['health']), reason: 'Admins correct health notes' });
    expect(asked.status).toBe(202);
    const { id, instanceKey } = asked.body.awaitingApproval;
    const rejected = await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'reject', reason: 'Health workers correct their own notes' });
    expect(rejected.body.request).toMatchObject({ state: 'rejected', decidedByName: 'Ada Admin', decisionReason: 'Health workers correct their own notes' });
    expect((await call(ada, 'GET', '/api/admin/permissions')).body.inForce.version).toBe(2);
    expect((await call(ali, 'PATCH', `/api/cases/${caseId}/sections/health`, { changes: { note: 'x' }, reason: 'try' })).status).toBe(403);
    await system.modules.workflow.engine.runDue();
    expect(await system.modules.workflow.engine.getInstance(instanceKey)).toMatchObject({ state: 'completed', variables: { permissionChangeInForce: false } });
    expect((await audit('permissions.change-rejected'))[0]).toMatchObject({ actor: { id: adaId }, recordId: id, after: { requestedBy: aliId, decidedBy: adaId } });
  });

  it('a change whose approval process an operator stopped can still be rejected, never approved, so it holds nothing back', async () => {
    const asked = await call(ali, 'POST', '/api/admin/permissions', { basedOn: 2, rows: withAdmins(['health', 'victims']), reason: 'Admins check victim referrals' });
    const { id, instanceKey } = asked.body.awaitingApproval;
    await system.modules.workflow.engine.cancelInstance(instanceKey);
    const approve = await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'approve', reason: 'ok' });
    expect([approve.status, approve.body.error.message]).toEqual([409, 'The approval process of this change was stopped, so it can only be rejected: reject it, then ask for the change again']);
    const reject = await call(ada, 'POST', `/api/admin/permissions/requests/${id}/decision`, { decision: 'reject', reason: 'Its process was stopped' });
    expect(reject.body.request).toMatchObject({ state: 'rejected', decidedByName: 'Ada Admin' });
    expect((await call(ada, 'GET', '/api/admin/permissions')).body.inForce.version).toBe(2);
  });

  it("the users page: an admin giving themselves a role with more access waits for another admin, who approves it; audited with both", async () => {
    const asked = await call(ada, 'PATCH', `/api/users/${adaId}`, { roles: ['admins', 'case-managers'], displayName: 'Ada Admin' });
    expect(asked.status).toBe(202);
    expect(asked.body.roles).toEqual(['admins']);
    expect(asked.body.awaitingApproval.words).toEqual(['Roles: Administrators → Administrators, Case managers']);
    expect(asked.body.awaitingApproval.gained).toContain('View cases');
    const again = await call(ada, 'PATCH', `/api/users/${adaId}`, { roles: ['admins', 'case-managers', 'health-workers'] });
    expect([again.status, again.body.error.message]).toEqual([409, "A change to this account's access is already awaiting another administrator's approval: it must be approved or rejected first"]);

    const [waiting, ...more] = (await call(ali, 'GET', '/api/admin/permissions/requests')).body.items;
    expect(more).toEqual([]);
    expect(waiting).toMatchObject({ kind: 'account', state: 'awaiting', requestedByName: 'Ada Admin', account: { userId: adaId, before: { roles: ['admins'] }, after: { roles: ['admins', 'case-managers'] } } });
    expect((await call(ada, 'POST', `/api/admin/permissions/requests/${waiting.id}/decision`, { decision: 'approve', reason: 'mine' })).body.error.message).toBe(SELF);
    expect((await caseOf(ada)).status).toBe(403);

    const approved = await call(ali, 'POST', `/api/admin/permissions/requests/${waiting.id}/decision`, { decision: 'approve', reason: 'Ada covers the north duty desk' });
    expect(approved.body.request).toMatchObject({ state: 'approved', decidedByName: 'Ali Admin' });
    expect((await call(ali, 'GET', `/api/users/${adaId}`)).body.roles).toEqual(['admins', 'case-managers']);
    await system.modules.workflow.engine.runDue();
    expect(await system.modules.workflow.engine.getInstance(waiting.instanceKey)).toMatchObject({ state: 'completed', variables: { permissionChangeInForce: true } });
    const updated = (await audit('user.updated')).filter((e) => e.recordId === adaId && e.actor.id !== adaId);
    expect(updated).toHaveLength(1);
    expect(updated[0]).toMatchObject({ actor: { id: aliId }, before: { roles: ['admins'] }, after: { roles: ['admins', 'case-managers'], requestedBy: adaId, approvedBy: aliId, decisionReason: 'Ada covers the north duty desk' } });
    expect((await call(ali, 'GET', '/api/admin/permissions/requests')).body.items).toEqual([]);
  });

  it('the users page: joining another team opens its cases, so it waits too; a rejection leaves the account as it was', async () => {
    const asked = await call(ali, 'PATCH', `/api/users/${aliId}`, { teams: ['north', 'south'] });
    expect(asked.status).toBe(202);
    expect(asked.body.teams).toEqual(['north']);
    expect(asked.body.awaitingApproval.gained).toEqual([expect.stringMatching(/^the cases of South/)]);
    const rejected = await call(ada, 'POST', `/api/admin/permissions/requests/${asked.body.awaitingApproval.id}/decision`, { decision: 'reject', reason: 'Ali stays in north' });
    expect(rejected.body.request).toMatchObject({ state: 'rejected', decidedByName: 'Ada Admin', decisionReason: 'Ali stays in north' });
    expect((await call(ada, 'GET', `/api/users/${aliId}`)).body.teams).toEqual(['north']);
    expect((await audit('user.change-rejected'))[0]).toMatchObject({ actor: { id: adaId }, recordId: aliId, after: { requestedBy: aliId, decidedBy: adaId, teams: ['north', 'south'] } });
    // Joining a team with no access to children's data needs nobody: Ada (admins only before) — here a plain save.
    expect((await call(ali, 'PATCH', `/api/users/${aliId}`, { displayName: 'Ali Admin' })).status).toBe(200);
  });

  it('refuses to deploy a process whose task is offered to a group that is no role in force, naming the task and the group', async () => {
    const xml = readFileSync(path.join(__dirname, '../../../processes/permission-change-approval.bpmn'), 'utf8').replace('candidateGroups="admins"', 'candidateGroups="wizards"');
    const res = await call(ada, 'POST', '/api/processes', { xml, comment: 'try a group nobody holds' });
    expect(res.status).toBe(422);
    expect(res.text).toContain("user task 'approveChange' names candidate group 'wizards', which is no role in force");
  });
});
