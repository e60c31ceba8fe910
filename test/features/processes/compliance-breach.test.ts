import { processHarness, type ProcessHarness } from './support/process-harness';

// Monday 23 November 2026, 09:00 London (GMT)
describe('Feature: compliance & breach (Sentencing Act 2020 Sch 7; local enforcement procedures)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (warningHistory: string[] = []) =>
    h.start('compliance-breach', { caseId: 'case-1', missedAt: '2026-11-23T09:00:00Z', warningHistory });

  test('Given a missed appointment, then a follow-up task is due in 1 working day', async () => {
    const i = await start();
    expect(await h.openTasks(i)).toEqual(['followUp']);
    const task = await h.task(i, 'followUp');
    expect(task.dueDate).toBe('2026-11-24T17:00:00.000Z');
    expect(task.candidateGroups).toEqual(['case-managers']);
    expect(task.formId).toBe('compliance-follow-up');
    expect((await h.vars(i)).timescalesVersion).toBe(1);
  });

  test('When the absence is acceptable, then the process ends without a warning', async () => {
    const i = await start();
    await h.complete(i, 'followUp', { absence: 'acceptable', absenceReason: 'hospital appointment' });
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === 'accepted')).toBe(true);
  });

  test('When the absence is unacceptable and no warnings were given, then a warning is given', async () => {
    const i = await start();
    await h.complete(i, 'followUp', { absence: 'unacceptable', absenceReason: 'no reason' });
    expect(await h.openTasks(i)).toEqual(['warn']);
    expect((await h.vars(i)).warningsInWindow).toBe(0);
    await h.complete(i, 'warn', { warningDate: '2026-11-23', warningMethod: 'letter' });
    expect(await h.state(i)).toBe('completed');
  });

  test('When it is the third failure in 12 months, then a team manager must decide breach action', async () => {
    const i = await start(['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
    await h.complete(i, 'followUp', { absence: 'unacceptable', absenceReason: 'no reason' });
    expect(await h.openTasks(i)).toEqual(['decide']);
    expect((await h.task(i, 'decide')).candidateGroups).toEqual(['team-managers']);
    await h.complete(i, 'decide', { breachDecision: 'lay-information' });
    expect(await h.openTasks(i)).toEqual(['court']);
    await h.complete(i, 'court', { courtDate: '2026-12-10', informationLaidOn: '2026-11-25' });
    expect(await h.state(i)).toBe('active');
    expect((await h.engine.publishMessage('court-outcome', 'case-1', { courtOutcome: 'order varied' })).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.state(i)).toBe('completed');
  });

  test('When a manager records exceptional circumstances, then no breach action follows', async () => {
    const i = await start(['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
    await h.complete(i, 'followUp', { absence: 'unacceptable', absenceReason: 'no reason' });
    await h.complete(i, 'decide', { breachDecision: 'exception', exceptionalCircumstances: 'bereavement' });
    expect(await h.state(i)).toBe('completed');
  });

  test('When the manager chooses a progress panel, then panel coordinators arrange it', async () => {
    const i = await start(['2026-02-01T10:00:00Z', '2026-08-01T10:00:00Z']);
    await h.complete(i, 'followUp', { absence: 'unacceptable', absenceReason: 'no reason' });
    await h.complete(i, 'decide', { breachDecision: 'progress-panel' });
    expect((await h.task(i, 'panel')).candidateGroups).toEqual(['panel-coordinators']);
  });

  test('A warning older than 12 months does not count towards breach', async () => {
    const i = await start(['2025-10-01T10:00:00Z', '2026-08-01T10:00:00Z']);
    await h.complete(i, 'followUp', { absence: 'unacceptable', absenceReason: 'no reason' });
    expect(await h.openTasks(i)).toEqual(['warn']);
  });

  test('When the follow-up is not done, then the team manager is emailed 2 working days after it fell due', async () => {
    const i = await start();
    await h.at('2026-11-26T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-11-26T17:00:00Z'); // due Tue 24th 17:00 + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:missedAppointmentFollowUp']);
    expect(await h.openTasks(i)).toEqual(['followUp']); // non-interrupting: the task stays
  });
});
