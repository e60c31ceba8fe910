import { processHarness, type ProcessHarness } from './support/process-harness';

// Request recorded Monday 23 November 2026 for a hearing on Thursday 10 December 2026 (GMT).
// Sources: gov.uk case management guidance, "how to use reports" (report types; an existing PSR may be used
// when produced in the last three months, signed off through QA and without significant change); QA
// sign-off 2 WD before the court date is local (domain.md, timescale psrQaSignOff).
const hearing = { court: 'Leeds Youth Court', date: '2026-12-10', purpose: 'sentence' };
const request = (report: Record<string, unknown>) => ({ hearing, report: { requestedOn: '2026-11-23', ...report } });
const draft = { report: { sources: 's', offenceAnalysis: 'o', assessment: 'a', proposal: 'yro', draftedOn: '2026-12-04' } };

describe('Feature: court report — pre-sentence report with QA sign-off 2 WD before court', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('The court officer records the request; the case manager drafts; a team manager signs off by 2 WD before court', async () => {
    const i = await h.start('court-report', { caseId: 'cr-1' });
    const req = await h.task(i, 'recordRequest');
    expect(req.candidateGroups).toEqual(['court-officers']);
    expect(req.dueDate).toBe('2026-11-24T17:00:00.000Z');
    await h.complete(i, 'recordRequest', request({ type: 'psr' }));
    const prepare = await h.task(i, 'prepare');
    expect(prepare.candidateGroups).toEqual(['case-managers']);
    expect(prepare.dueDate).toBe('2026-12-07T17:00:00.000Z'); // 3 WD before court (local)
    await h.complete(i, 'prepare', draft);
    const qa = await h.task(i, 'qa');
    expect(qa.candidateGroups).toEqual(['team-managers']);
    expect(qa.dueDate).toBe('2026-12-08T17:00:00.000Z'); // Tuesday: 2 WD before Thursday's hearing

    await h.complete(i, 'qa', { report: { qaDecision: 'returned', qaComments: 'analysis too thin' } });
    expect(await h.openTasks(i)).toEqual(['prepare']); // returned: back to the case manager
    await h.complete(i, 'prepare', draft);
    await h.complete(i, 'qa', { report: { qaDecision: 'signed-off', signedOffOn: '2026-12-08' } });
    const outcome = await h.task(i, 'recordOutcome');
    expect(outcome.candidateGroups).toEqual(['court-officers']);
    expect(outcome.dueDate).toBe('2026-12-11T17:00:00.000Z');
    await h.complete(i, 'recordOutcome', { hearing: { result: 'sentenced' }, outcome: { type: 'yro', madeOn: '2026-12-10' } });
    expect(await h.state(i)).toBe('completed');
    expect(h.emailsFor(i)).toEqual([]);
  });

  test('A progress or breach report goes through the same preparation and QA', async () => {
    const i = await h.start('court-report', { caseId: 'cr-2' });
    await h.complete(i, 'recordRequest', request({ type: 'breach' }));
    expect(await h.openTasks(i)).toEqual(['prepare']);
    await h.complete(i, 'prepare', draft);
    expect(await h.openTasks(i)).toEqual(['qa']);
    await h.engine.cancelInstance(i); // its timers must not fire when later tests move the clock
  });
});

describe('Feature: court report — QA sign-off missed', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Not signed off 2 WD before court: the team manager is emailed, and the next manager 2 WD later', async () => {
    const i = await h.start('court-report', { caseId: 'cr-late' });
    await h.complete(i, 'recordRequest', request({ type: 'psr' }));
    await h.complete(i, 'prepare', draft);
    await h.at('2026-12-08T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-12-08T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['overdue:psrQaSignOff']);
    await h.at('2026-12-10T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['overdue:psrQaSignOff', 'manager:psrQaSignOff']);
    expect(await h.openTasks(i)).toEqual(['qa']);
  });
});

describe('Feature: court report — using an existing pre-sentence report', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('A signed-off PSR younger than 3 months at the hearing is used: no new report is prepared', async () => {
    const i = await h.start('court-report', { caseId: 'cr-reuse' });
    await h.complete(i, 'recordRequest', request({ type: 'psr', existingPsrDate: '2026-09-14' }));
    expect((await h.vars(i)).deadlines).toMatchObject({ psrReuseUntil: '2026-12-14T17:00:00.000Z' });
    expect(await h.openTasks(i)).toEqual(['reuseExisting']);
    expect((await h.task(i, 'reuseExisting')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'reuseExisting', { report: { existingReportReference: 'PSR 14/09/2026', verbalUpdate: 'new theft', presentedOn: '2026-12-10' } });
    expect(await h.openTasks(i)).toEqual(['recordOutcome']);
    await h.engine.cancelInstance(i);
  });

  test('A PSR 3 months old or more at the hearing is not used: the case manager prepares a new one', async () => {
    const i = await h.start('court-report', { caseId: 'cr-old' });
    await h.complete(i, 'recordRequest', request({ type: 'psr', existingPsrDate: '2026-09-09' }));
    expect(await h.openTasks(i)).toEqual(['prepare']);
    await h.engine.cancelInstance(i);
  });

  test("A recent PSR is not used when the child's circumstances have changed significantly", async () => {
    const i = await h.start('court-report', { caseId: 'cr-change' });
    await h.complete(i, 'recordRequest', request({ type: 'psr', existingPsrDate: '2026-11-01', significantChange: true }));
    expect(await h.openTasks(i)).toEqual(['prepare']);
    await h.engine.cancelInstance(i);
  });

  test('A stand-down report is given on the day; an adjournment for a full report starts the next request', async () => {
    const i = await h.start('court-report', { caseId: 'cr-sd' });
    await h.complete(i, 'recordRequest', request({ type: 'stand-down' }));
    const sd = await h.task(i, 'standDown');
    expect(sd.candidateGroups).toEqual(['court-officers']);
    expect(sd.dueDate).toBe('2026-12-11T17:00:00.000Z');
    await h.complete(i, 'standDown', { report: { givenOn: '2026-12-10', summary: 'oral report' } });
    await h.complete(i, 'recordOutcome', { hearing: { result: 'adjourned-for-report' } });
    expect(await h.openTasks(i)).toEqual(['recordRequest']);
    await h.complete(i, 'recordRequest', { hearing: { ...hearing, date: '2027-01-07' }, report: { type: 'psr', requestedOn: '2026-12-10' } });
    expect((await h.task(i, 'prepare')).dueDate).toBe('2027-01-04T17:00:00.000Z'); // 3 WD before Thursday 7 January
    await h.engine.cancelInstance(i);
  });
});
