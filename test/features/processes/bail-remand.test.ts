import { processHarness, type ProcessHarness } from './support/process-harness';

// Requests on Monday 23 November 2026. Sources: Crime and Disorder Act 1998 s. 38(4)(a) (appropriate adults),
// (c) (bail support), (d) (remand to local authority accommodation); LASPO 2012 ss. 91-104 (remand to local
// authority or youth detention accommodation; s. 104: a child remanded to youth detention accommodation is
// looked after by the designated authority).
const firstHearing = { court: 'Leeds Youth Court', date: '2026-11-24', purpose: 'bail', assessment: 'a', proposal: 'bail-support' };
const nextHearing = { court: 'Leeds Youth Court', date: '2026-12-08', purpose: 'plea' };
const courtRequest = { request: { type: 'court', requestedBy: 'Leeds Youth Court', requestedOn: '2026-11-23' } };
const policeRequest = { request: { type: 'appropriate-adult', requestedBy: 'Elland Road', requestedOn: '2026-11-23' } };

async function toDecision(h: ProcessHarness, caseId: string) {
  const i = await h.start('bail-remand', { caseId });
  await h.complete(i, 'recordRequest', courtRequest);
  await h.complete(i, 'bailAssessment', { hearing: firstHearing });
  return i;
}

describe('Feature: appropriate adults (CDA 1998 s. 38(4)(a))', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  // Each attendance is an item of offending.appropriateAdultAttendances (the form's group at path attendance).
  const aa = { appropriateAdult: 'J Smith', policeStation: 'Elland Road', attendedOn: '2026-11-23', procedures: ['interview'] };

  test('The police ask for an appropriate adult: one is provided and the attendance recorded by the next working day', async () => {
    const i = await h.start('bail-remand', { caseId: 'aa-1' });
    expect((await h.task(i, 'recordRequest')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'recordRequest', policeRequest);
    const task = await h.task(i, 'provideAa');
    expect(task.candidateGroups).toEqual(['case-managers']);
    expect(task.dueDate).toBe('2026-11-24T17:00:00.000Z');
    await h.complete(i, 'provideAa', { attendance: { ...aa, outcome: 'no-further-action' } });
    expect(await h.state(i)).toBe('completed');
  });

  test('A child charged to appear in court goes on to the bail assessment', async () => {
    const i = await h.start('bail-remand', { caseId: 'aa-2' });
    await h.complete(i, 'recordRequest', policeRequest);
    await h.complete(i, 'provideAa', { attendance: { ...aa, outcome: 'charged-to-court' } });
    expect(await h.openTasks(i)).toEqual(['bailAssessment']);
    await h.engine.cancelInstance(i);
  });
});

describe('Feature: remand (LASPO 2012) and review at each hearing', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Remand to youth detention accommodation: the child is looked after, and the designated authority is told', async () => {
    const i = await toDecision(h, 'rm-yda');
    const decision = await h.task(i, 'courtDecision');
    expect(decision.candidateGroups).toEqual(['court-officers']);
    expect(decision.dueDate).toBe('2026-11-25T17:00:00.000Z'); // 1 WD after the hearing
    await h.complete(i, 'courtDecision', { hearing: { decision: 'remand-yda' }, nextHearing });
    const lac = await h.task(i, 'lookedAfter');
    expect(lac.candidateGroups).toEqual(['case-managers']);
    await h.complete(i, 'lookedAfter', { lookedAfterStatus: 'looked-after-remand', designatedAuthority: { name: 'Leeds', notifiedOn: '2026-11-23', role: 'social-care-remand' }, placement: 'secure children\'s home' });
    expect(await h.openTasks(i)).toEqual([]);

    // Reviewed at the next hearing (Tuesday 8 December): the task opens 2 WD before its due date.
    expect((await h.vars(i)).deadlines).toMatchObject({ hearingRecord: '2026-12-09T17:00:00.000Z' });
    await h.at('2026-12-07T16:59:00Z');
    expect(await h.openTasks(i)).toEqual([]);
    await h.at('2026-12-07T17:00:00Z');
    expect((await h.task(i, 'courtDecision')).dueDate).toBe('2026-12-09T17:00:00.000Z');
    await h.complete(i, 'courtDecision', { hearing: { decision: 'concluded' } });
    expect(await h.state(i)).toBe('completed');
  });

  test('Remand to local authority accommodation also makes the child looked after', async () => {
    const i = await toDecision(h, 'rm-la');
    await h.complete(i, 'courtDecision', { hearing: { decision: 'remand-la', conditions: 'curfew' }, nextHearing });
    expect(await h.openTasks(i)).toEqual(['lookedAfter']);
    await h.engine.cancelInstance(i);
  });

  test('Bail without a package: nothing for the service to set up until the next hearing', async () => {
    const i = await toDecision(h, 'rm-bail');
    await h.complete(i, 'courtDecision', { hearing: { decision: 'bail-conditional', conditions: 'residence' }, nextHearing });
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['wait']); // next hearing or a breach
    await h.engine.cancelInstance(i);
  });
});

describe('Feature: bail support and supervision, breach reported to court', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('A bail support package is set up; a breach is reported to the court and the breach hearing reviews bail', async () => {
    const i = await toDecision(h, 'bs-1');
    await h.complete(i, 'courtDecision', { hearing: { decision: 'bail-support', conditions: 'curfew 7pm' }, nextHearing });
    const plan = await h.task(i, 'bailSupport');
    expect(plan.candidateGroups).toEqual(['case-managers']);
    await h.complete(i, 'bailSupport', { bailSupport: { start: '2026-11-24', requirements: 'r', monitoring: 'tag', supervisor: 'YJS' } });

    await h.at('2026-11-26T10:00:00Z'); // Thursday: the child broke the curfew last night
    expect((await h.engine.publishMessage('bail-breach', 'bs-1', {})).correlated).toBe(true);
    await h.at('2026-11-26T10:00:00Z');
    const breach = await h.task(i, 'reportBreach');
    expect(breach.candidateGroups).toEqual(['court-officers']);
    expect(breach.dueDate).toBe('2026-11-27T17:00:00.000Z');
    await h.complete(i, 'reportBreach', { report: { type: 'breach', breachDate: '2026-11-25', breachDetails: 'curfew', reportedOn: '2026-11-26' }, nextHearing: { court: 'Leeds Youth Court', date: '2026-11-30', purpose: 'breach' } });
    await h.at('2026-11-27T17:00:00Z'); // 2 WD before the record of Monday's breach hearing is due (Tuesday 1 December)
    expect((await h.task(i, 'courtDecision')).dueDate).toBe('2026-12-01T17:00:00.000Z');
  });
});
