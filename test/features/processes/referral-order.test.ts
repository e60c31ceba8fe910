import { processHarness, type ProcessHarness } from './support/process-harness';

// Order made Monday 23 November 2026.
describe('Feature: referral order lifecycle', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('referral-order', { caseId, orderMadeAt: '2026-11-23' });
  async function toInitialPanel(i: string) {
    await h.complete(i, 'firstAppointment', { appointmentDate: '2026-11-25', attended: true });
    await h.complete(i, 'victimContact', { victimWishesToAttend: false });
  }

  test('First appointment in 5 WD and victim contact, then the initial panel in 20 WD', async () => {
    const i = await start('ro-1');
    expect(await h.openTasks(i)).toEqual(['firstAppointment', 'victimContact']);
    expect((await h.task(i, 'firstAppointment')).dueDate).toBe('2026-11-30T17:00:00.000Z');
    await toInitialPanel(i);
    const panel = await h.task(i, 'initialPanel');
    expect(panel.candidateGroups).toEqual(['panel-coordinators']);
    expect(panel.dueDate).toBe('2026-12-21T17:00:00.000Z');
    await h.engine.cancelInstance(i); // its overdue timer must not fire when later tests move the clock
  });

  test('Contract not signed: refer back to court; the court outcome ends the order', async () => {
    const i = await start('ro-3');
    await toInitialPanel(i);
    await h.complete(i, 'initialPanel', { panelDate: '2026-12-01', contractDecision: 'not-signed', notSignedReason: 'refused' });
    expect((await h.task(i, 'referBack')).candidateGroups).toEqual(['court-officers']);
    await h.complete(i, 'referBack', { courtDate: '2026-12-10', reportSummary: 'r' });
    expect((await h.engine.publishMessage('court-outcome', 'ro-3', { courtOutcome: 'revoked' })).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.state(i)).toBe('completed');
  });

  test('Contract signed: progress panels every 3 months until the final panel', async () => {
    const i = await start('ro-2');
    await toInitialPanel(i);
    await h.complete(i, 'initialPanel', { panelDate: '2026-12-01', contractDecision: 'signed', contractSignedAt: '2026-12-01', contractTerms: 't' });
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.vars(i)).deadlines).toMatchObject({ referralOrderProgressPanel: '2027-02-23T17:00:00.000Z' });
    await h.at('2027-02-19T17:00:00Z'); // reminder date: 2 WD before the panel is due
    expect((await h.task(i, 'progressPanel')).dueDate).toBe('2027-02-23T17:00:00.000Z');
    await h.complete(i, 'progressPanel', { panelDate: '2027-02-22', progressSummary: 's', panelOutcome: 'continue' });
    expect((await h.vars(i)).deadlines).toMatchObject({ referralOrderProgressPanel: '2027-05-19T16:00:00.000Z' });
    await h.at('2027-05-17T16:00:00Z');
    await h.complete(i, 'progressPanel', { panelDate: '2027-05-17', progressSummary: 's', panelOutcome: 'final' });
    await h.complete(i, 'finalPanel', { panelDate: '2027-05-18', contractCompleted: true, finalSummary: 'done' });
    expect(await h.state(i)).toBe('completed');
  });
});

describe('Feature: referral order — initial panel overdue', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('No initial panel 2 WD after the 20 WD deadline: the team manager is emailed', async () => {
    const i = await h.start('referral-order', { caseId: 'ro-late', orderMadeAt: '2026-11-23' });
    await h.complete(i, 'firstAppointment', { appointmentDate: '2026-11-25', attended: true });
    await h.complete(i, 'victimContact', {});
    await h.at('2026-12-23T17:00:00Z'); // 21 Dec + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:referralOrderInitialPanel']);
    expect(await h.openTasks(i)).toEqual(['initialPanel']);
  });
});
