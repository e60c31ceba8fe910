// Team scoping of tasks (issue 15 §2), through the whole product (composition root, real database, real
// sessions and CSRF) as the demo users of teams north and south. Each case has a referral whose
// out-of-court pathway has called its child process; the child's tasks are the "called-process tasks"
// that used to carry no case. Expectations come from the issue: another team's work is neither shown nor
// acted on (break-glass reads only), a called-process task carries its case, team and child's name and its
// answers reach the case record, and an answer in a section the user may not write is refused by name.
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';
import { linearBpmn } from '../monitor/support/monitor-bpmn';


const PDAT = { assessmentDate: '2026-11-20', factorsForDesistance: 'supportive grandmother', recommendedOutcome: 'youth-caution' };

describe('team scoping of tasks: called-process tasks, queues, claim/reassign/complete, drafts, unwritable fields', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const world = {} as Record<'north' | 'south', { caseId: string; childKey: string; pdat: string }>;
  const enc = encodeURIComponent;

  const { call, signIn } = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine;
  const openTask = (instanceKey: string, elementId: string) => until(`${elementId} of ${instanceKey}`, async () =>
    (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)?.key);
  const queueRow = async (who: string, queue: string, key: string) =>
    ((await call(who, 'GET', `/tasks?queue=${queue}&limit=100`)).body.items as { id: string }[]).find((t) => t.id === key);

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['cara.case', 'sol.case', 'tom.manager', 'sam.manager', 'hana.head']) await signIn(u);
    for (const [team, given] of [['north', 'Ada'], ['south', 'Bo']] as const) {
      const created = await call('hana.head', 'POST', '/cases', { givenName: given, familyName: `Scoped${team}`, dateOfBirth: '2011-02-03', team });
      expect(created.status).toBe(201);
      const caseId: string = created.body.id;
      // The "given": the referral reaches its out-of-court pathway (engine port), which calls the child process.
      const started = await call('hana.head', 'POST', `/cases/${enc(caseId)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
      expect(started.status).toBe(201);
      for (const elementId of ['matchPerson', 'checkSocialCare', 'allocate', 'privacyConsent']) {
        await engine().completeUserTask(await openTask(started.body.instanceKey, elementId), { pathway: 'out-of-court', lawfulBasis: 'public-task' }, { by: 'given' });
      }
      const childKey = await until('the called child', async () =>
        (await engine().listInstances({ processId: 'out-of-court-disposal', limit: 200 })).items.find((i) => i.parentKey === started.body.instanceKey)?.key);
      const pdat = await openTask(childKey, 'pdat');
      await until('the pdat row', async () => (await system.modules.tasks.tasks.findById(pdat)) ?? undefined);
      world[team] = { caseId, childKey, pdat };
    }
  }, 240_000);
  afterAll(() => system?.close());

  it('the called process inherits caseId (no business key of its own), and its task carries case, team and child’s name', async () => {
    const child = await engine().getInstance(world.north.childKey);
    expect(child?.businessKey).toBeUndefined(); // the product must not need one
    expect(child?.variables.caseId).toBe(world.north.caseId);
    const row = await queueRow('cara.case', 'team', world.north.pdat);
    expect(row).toMatchObject({ caseId: world.north.caseId, team: 'north', caseName: 'Ada Scopednorth' });
    const page = await call('cara.case', 'GET', `/tasks/${enc(world.north.pdat)}`);
    expect(page.status).toBe(200);
    expect(page.body.case).toMatchObject({ id: world.north.caseId, team: 'north' });
  });

  it('queues: another team’s called-process task is in nobody else’s team queue', async () => {
    expect(await queueRow('cara.case', 'team', world.south.pdat)).toBeUndefined();
    expect(await queueRow('cara.case', 'unassigned', world.south.pdat)).toBeUndefined();
    expect(await queueRow('sol.case', 'team', world.north.pdat)).toBeUndefined();
    expect(await queueRow('sol.case', 'team', world.south.pdat)).toMatchObject({ caseId: world.south.caseId, team: 'south', caseName: 'Bo Scopedsouth' });
  });

  it('a north case manager can neither open, claim nor complete a south case’s assessment', async () => {
    const key = enc(world.south.pdat);
    expect((await call('cara.case', 'GET', `/tasks/${key}`)).status).toBe(404);
    expect((await call('cara.case', 'POST', `/tasks/${key}/claim`, {})).status).toBe(404);
    const done = await call('cara.case', 'POST', `/tasks/${key}/complete`, { data: PDAT });
    expect(done.status).toBe(404);
    expect(done.text).not.toContain(world.south.caseId);
    const row = await system.modules.tasks.tasks.findById(world.south.pdat);
    expect(row).toMatchObject({ state: 'open' });
    expect(row?.assignee).toBeUndefined();
  });

  it('managers: another team’s task page is not found (its page and submission stay unseen), and cannot be reassigned', async () => {
    expect((await call('sam.manager', 'GET', `/tasks/${enc(world.north.pdat)}`)).status).toBe(404);
    const moved = await call('sam.manager', 'POST', `/tasks/${enc(world.north.pdat)}/reassign`, { toUserId: await idOf('sol.case') });
    expect(moved.status).toBe(404);
    expect((await system.modules.tasks.tasks.findById(world.north.pdat))?.assignee).toBeUndefined();
  });

  it('reassign: the new assignee must be allowed the case (a south worker cannot be given north work)', async () => {
    const refused = await call('tom.manager', 'POST', `/tasks/${enc(world.north.pdat)}/reassign`, { toUserId: await idOf('sol.case') });
    expect(refused.status).toBe(422);
    expect(refused.body.error.code).toBe('NOT_IN_CASE_TEAM');
    expect((await system.modules.tasks.tasks.findById(world.north.pdat))?.assignee).toBeUndefined();
    // Had it been given, completing would still be refused: sol cannot act on north work.
    expect((await call('sol.case', 'POST', `/tasks/${enc(world.north.pdat)}/complete`, { data: PDAT })).status).toBe(404);
    expect((await call('sol.case', 'POST', `/tasks/${enc(world.north.pdat)}/unclaim`, {})).status).toBe(404);
  });

  it('break-glass opens another team’s task page read only, recorded with its reason; nothing can be done from it', async () => {
    const reason = 'safeguarding call out of hours';
    const page = await call('sam.manager', 'GET', `/tasks/${enc(world.north.pdat)}?reason=${enc(reason)}`);
    expect(page.status).toBe(200);
    expect(page.body.actions).toEqual({ claim: false, unclaim: false, complete: false, reassign: false });
    const audit = await system.modules.security.audit.search({ action: 'task.read', recordId: world.north.pdat }, { offset: 0, limit: 10 });
    expect(audit.items).toEqual([expect.objectContaining({ reason, flagged: true })]);
    expect((await call('sam.manager', 'POST', `/tasks/${enc(world.north.pdat)}/claim`, {})).status).toBe(404);
  });

  it('a form submission cannot be filed against another team’s task or case', async () => {
    const ofTask = await call('cara.case', 'POST', '/forms/oocd-pdat-assessment/submissions', { data: PDAT, taskId: world.south.pdat });
    expect(ofTask.status).toBe(404);
    const ofCase = await call('cara.case', 'POST', '/forms/oocd-pdat-assessment/submissions', { data: PDAT, caseId: world.south.caseId });
    expect(ofCase.status).toBe(404);
  });

  it('drafts cannot be saved against another team’s case or task; a task’s draft records the task’s case', async () => {
    const againstCase = await call('cara.case', 'POST', '/drafts', { formId: 'oocd-pdat-assessment', data: { factorsForDesistance: 'x' }, caseId: world.south.caseId });
    expect(againstCase.status).toBe(404);
    const againstTask = await call('cara.case', 'POST', '/drafts', { formId: 'oocd-pdat-assessment', data: { factorsForDesistance: 'x' }, taskId: world.south.pdat });
    expect(againstTask.status).toBe(404);
    const wrongCase = await call('cara.case', 'POST', '/drafts', { formId: 'oocd-pdat-assessment', data: {}, taskId: world.north.pdat, caseId: world.south.caseId });
    expect(wrongCase.status).toBe(422);
    const own = await call('cara.case', 'POST', '/drafts', { formId: 'oocd-pdat-assessment', data: { factorsForDesistance: 'x' }, taskId: world.north.pdat });
    expect(own.status).toBe(201);
    expect(own.body.caseId).toBe(world.north.caseId);
  });

  it('a health note from a case manager is refused naming the field (not offered, never dropped); the rest reaches the case record', async () => {
    const page = await call('cara.case', 'GET', `/tasks/${enc(world.north.pdat)}`);
    expect(page.body.unwritableSections).toEqual(['health']);
    const health = page.body.form.schema.components.find((c: { key?: string }) => c.key === 'healthNotes');
    expect(health.disabled).toBe(true);
    const refused = await call('cara.case', 'POST', `/tasks/${enc(world.north.pdat)}/complete`, { data: { ...PDAT, healthNotes: 'CAMHS referral made' } });
    expect(refused.status).toBe(403);
    expect(refused.body.error.code).toBe('SECTION_NOT_WRITABLE');
    expect(refused.body.error.message).toContain('Health needs (health tab)');
    expect((await system.modules.tasks.tasks.findById(world.north.pdat))).toMatchObject({ state: 'open' });

    const done = await call('cara.case', 'POST', `/tasks/${enc(world.north.pdat)}/complete`, { data: PDAT });
    expect(done.status).toBe(200);
    expect(done.body.amendedSections).toEqual(['assessments']);
    expect(done.body.submission.caseId).toBe(world.north.caseId);
    const record = await call('cara.case', 'GET', `/cases/${enc(world.north.caseId)}`);
    expect(record.body.sections.assessments.values.factorsForDesistance).toBe('supportive grandmother');
  });

  it('a task without a case stays visible by candidate group, to both teams', async () => {
    await engine().deploy([{ name: 'scoping-caseless.bpmn', content: linearBpmn('scoping-caseless', [{ id: 'look', kind: 'userTask' }]) }]);
    const { instanceKey } = await engine().startInstance('scoping-caseless', {});
    const key = await openTask(instanceKey, 'look');
    await until('the caseless row', async () => (await system.modules.tasks.tasks.findById(key)) ?? undefined);
    expect(await queueRow('cara.case', 'team', key)).toBeDefined();
    expect(await queueRow('sol.case', 'team', key)).toBeDefined();
    expect((await call('sol.case', 'GET', `/tasks/${enc(key)}`)).status).toBe(200);
  });

  async function idOf(username: string): Promise<string> {
    return (await system.modules.security.users.findByUsername(username))!.id;
  }
});
