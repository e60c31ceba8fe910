// Allocation that allocates (issue 18), through the whole product (composition root, real database, real
// sessions and CSRF, the shipped referral-intake process and forms) as the demo users of team north and a
// second north case manager, Kim Keen. Expectations from the issue: the allocation names a case manager of
// the case's team (free text such as "cara", a user who does not exist, or another team's case manager is
// refused beside the field, in words, and nothing changes); the case record names the allocated worker;
// the case's later case-manager tasks — of intake and of the processes it calls — go to that worker; a team
// manager's re-allocation from the case page moves the open case-manager work, audited. And the intake's
// first task is served with what the referral recorded (prefill by key).
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

describe('allocation picks a case manager of the team, and later work goes to them', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  const enc = encodeURIComponent;
  const engine = () => system.modules.workflow.engine;
  const ids: Record<string, string> = {};
  const openTask = (instanceKey: string, elementId: string) => until(`${elementId} of ${instanceKey}`, async () =>
    (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)?.key);
  const row = (key: string) => until(`row ${key}`, async () => (await system.modules.tasks.tasks.findById(key)) ?? undefined);
  const caseOf = async (id: string) => system.modules.tasks.cases.findById(id);
  let caseId = '';
  let intake = '';
  let allocate = '';

  beforeAll(async () => {
    system = await startTestSystem();
    const users = system.modules.security.users;
    const cara = (await users.findByUsername('cara.case'))!;
    const kim = await users.create({ username: 'kim.keen', displayName: 'Kim Keen', email: 'kim@example.org', roles: ['case-managers'], teams: ['north'] });
    Object.assign(ids, { cara: cara.id, kim: kim.id, sol: (await users.findByUsername('sol.case'))!.id });
    for (const u of ['cara.case', 'tom.manager']) await signIn(u);
    const created = await call('cara.case', 'POST', '/cases', { givenName: 'Sam', familyName: 'Allocated', dateOfBirth: '2011-05-04', team: 'north', referralSource: 'court' });
    expect(created.status).toBe(201);
    caseId = created.body.id;
    const started = await call('cara.case', 'POST', `/cases/${enc(caseId)}/processes`, {
      processId: 'referral-intake',
      variables: { referralReceivedAt: new Date().toISOString(), referralSource: 'court', matchOutcome: 'new', givenName: 'Sam', familyName: 'Allocated', dateOfBirth: '2011-05-04' },
    });
    expect(started.status).toBe(201);
    intake = started.body.instanceKey;
  }, 180_000);
  afterAll(() => system?.close());

  it('the first task is served with what the referral recorded, under the same keys (prefill)', async () => {
    const match = await openTask(intake, 'matchPerson');
    const page = await call('cara.case', 'GET', `/tasks/${enc(match)}`);
    expect(page.status).toBe(200);
    expect(page.body.formVariables).toMatchObject({ referralSource: 'court', matchOutcome: 'new', givenName: 'Sam', familyName: 'Allocated', dateOfBirth: '2011-05-04' });
    expect(page.body.task.processName).toBe('Referral & intake');
    // Nothing of the instance beyond the form's own fields and conditions (no deadlines, no referral time).
    expect(Object.keys(page.body.formVariables).sort()).toEqual(['dateOfBirth', 'familyName', 'givenName', 'matchOutcome', 'referralSource']);
    const matched = await call('cara.case', 'POST', `/tasks/${enc(match)}/complete`, { data: page.body.formVariables });
    expect(matched.status).toBe(200);
    const social = await openTask(intake, 'checkSocialCare');
    // The completion names the case's next task Cara can work, by step and child.
    expect(matched.body.next).toEqual({ id: social, name: 'Check social care involvement', caseId, caseName: 'Sam Allocated' });
    expect((await call('cara.case', 'POST', `/tasks/${enc(social)}/complete`, { data: { socialCareInvolved: false } })).status).toBe(200);
    allocate = await openTask(intake, 'allocate');
  });

  it('the allocation task offers the team’s case managers by name', async () => {
    const page = await call('tom.manager', 'GET', `/tasks/${enc(allocate)}`);
    expect(page.body.formVariables.teamCaseManagers).toEqual([{ label: 'Cara Case', value: ids.cara }, { label: 'Kim Keen', value: ids.kim }]);
  });

  it.each([
    ['free text naming nobody', 'cara', /^Case manager: there is no user "cara"\. Choose a case manager of North team from the list$/],
    ['another team’s case manager', 'SOL', /^Case manager: Sol Case is not in North team, which holds this case/],
  ])('refuses %s beside the field (422) and changes nothing', async (_what, who, message) => {
    const toUser = who === 'SOL' ? ids.sol : who;
    const refused = await call('tom.manager', 'POST', `/tasks/${enc(allocate)}/complete`, { data: { caseManager: toUser, pathway: 'assessment' } });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.caseManager).toMatch(message);
    expect((await caseOf(caseId))?.caseManagerId).toBeUndefined();
    expect((await engine().getUserTask(allocate))?.state).toBe('open');
    expect((await system.modules.tasks.tasks.findById(allocate))?.state).toBe('open');
  });

  it('allocated to Kim: the case names her, and the case-manager tasks of intake and of the process it calls are hers', async () => {
    const done = await call('tom.manager', 'POST', `/tasks/${enc(allocate)}/complete`, { data: { caseManager: ids.kim, pathway: 'assessment' } });
    expect(done.status).toBe(200);
    expect((await caseOf(caseId))?.caseManagerId).toBe(ids.kim);
    // The statutory pathway's privacy notice (case-managers) is Kim's, in the queue and in the engine.
    const notice = await openTask(intake, 'privacyNotice');
    expect((await row(notice)).assignee).toBe(ids.kim);
    await until('the engine assignment', async () => ((await engine().getUserTask(notice))?.assignee === ids.kim ? true : undefined));
    expect((await call('cara.case', 'POST', `/tasks/${enc(notice)}/complete`, { data: {} })).status).toBe(403);
    // Completed by Kim (as the product would once she signs in: here the engine's own completion) …
    await engine().completeUserTask(notice, { privacyNoticeGiven: true, privacyNoticeDate: '2026-11-24', privacyNoticeGivenTo: ['child'], lawfulBasis: 'public-task' }, { by: ids.kim });
    // … the called AssetPlus assessment's first case-manager task goes to her too: a later process.
    const assessment = await until('the called assessment', async () =>
      (await engine().listInstances({ processId: 'assetplus-assessment', limit: 200 })).items.find((i) => i.parentKey === intake)?.key);
    const gathering = await openTask(assessment, 'infoGathering');
    expect(await row(gathering)).toMatchObject({ caseId, assignee: ids.kim });
    const audit = await system.modules.security.audit.search({ action: 'case.allocate', recordId: caseId }, { offset: 0, limit: 10 });
    expect(audit.items).toHaveLength(1);
  });

  it('re-allocation from the case page: another team’s worker is refused; Cara then gets the open case-manager work, audited with the reason', async () => {
    const before = await call('tom.manager', 'GET', `/cases/${enc(caseId)}/allocation`);
    expect(before.body).toMatchObject({ current: { id: ids.kim, name: 'Kim Keen' }, mayChange: true });
    const refused = await call('tom.manager', 'PUT', `/cases/${enc(caseId)}/allocation`, { caseManagerId: ids.sol });
    expect(refused.status).toBe(422);
    expect(refused.body.errors.caseManagerId).toMatch(/^Allocated worker: Sol Case is not in North team/);
    expect((await caseOf(caseId))?.caseManagerId).toBe(ids.kim);
    expect((await call('cara.case', 'PUT', `/cases/${enc(caseId)}/allocation`, { caseManagerId: ids.cara })).status).toBe(403);

    const moved = await call('tom.manager', 'PUT', `/cases/${enc(caseId)}/allocation`, { caseManagerId: ids.cara, reason: 'Kim on leave' });
    expect(moved.status).toBe(200);
    expect(moved.body).toMatchObject({ current: { id: ids.cara, name: 'Cara Case' } });
    expect(moved.body.reassignedTasks).toBeGreaterThanOrEqual(1);
    expect((await caseOf(caseId))?.caseManagerId).toBe(ids.cara);
    const open = await system.modules.tasks.tasks.search({ state: 'open', caseId, candidateGroupsAny: ['case-managers'] }, { field: 'createdAt', direction: 'asc' }, { offset: 0, limit: 50 });
    expect(open.items.length).toBeGreaterThan(0);
    expect(open.items.every((t) => t.assignee === ids.cara)).toBe(true);
    const audit = await system.modules.security.audit.search({ action: 'case.allocate', recordId: caseId }, { offset: 0, limit: 10 });
    expect(audit.items.map((e) => e.reason)).toContain('Kim on leave');
    // The next task Cara can work is offered after she completes one.
    const [first] = open.items;
    expect((await call('cara.case', 'GET', `/tasks/${enc(first.id)}`)).body.actions.complete).toBe(true);
  });
});
