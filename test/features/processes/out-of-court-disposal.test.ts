import { processHarness, type ProcessHarness } from './support/process-harness';

// Referral on Monday 23 November 2026; bail date Monday 30 November.
describe('Feature: out-of-court disposal assessment & joint decision (gov.uk case management guidance)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('out-of-court-disposal', {
    caseId, referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
  });

  async function toPanel(i: string) {
    await h.complete(i, 'pdat', { assessmentDate: '2026-11-30', factorsForDesistance: 'x', recommendedOutcome: 'youth-caution' });
    await h.complete(i, 'victimViews', { victimContacted: false, noContactReason: 'declined' });
  }

  test('Given a referral, then the assessment is due in 10 WD and victim views are sought in parallel', async () => {
    const i = await start('oocd-1');
    expect(await h.openTasks(i)).toEqual(['pdat', 'victimViews']);
    expect((await h.task(i, 'pdat')).dueDate).toBe('2026-12-07T17:00:00.000Z');
    expect((await h.task(i, 'victimViews')).candidateGroups).toEqual(['victim-workers']);
    expect((await h.vars(i)).deadlines).toMatchObject({ oocdDecision: '2026-12-21T17:00:00.000Z' }); // 15 WD from bail
  });

  test('Happy path: joint decision, police agree, programme (YCC: 3 months), exit', async () => {
    const i = await start('oocd-2');
    await toPanel(i);
    expect(await h.openTasks(i)).toEqual(['panel']);
    expect((await h.task(i, 'panel')).dueDate).toBe('2026-12-21T17:00:00.000Z');
    await h.complete(i, 'panel', { outcome: 'youth-conditional-caution', cautionConditions: 'reparation', decisionReasons: 'r' });
    expect(await h.openTasks(i)).toEqual([]);
    expect((await h.engine.publishMessage('police-decision', 'oocd-2', { policeAgreed: true })).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['programme']);
    expect((await h.task(i, 'programme')).dueDate).toBe('2027-02-23T17:00:00.000Z');
    await h.complete(i, 'programme', {});
    await h.complete(i, 'exit', { exitDate: '2027-02-20', eteAtEnd: 'suitable', accommodationAtEnd: 'suitable', exitSummary: 's' });
    expect(await h.state(i)).toBe('completed');
  });

  test.each([['charge', 'charged'], ['no-further-action', 'nfa']])('Outcome %s ends at %s once police decide', async (outcome, endId) => {
    const i = await start(`oocd-${outcome}`);
    await toPanel(i);
    await h.complete(i, 'panel', { outcome, decisionReasons: 'r' });
    await h.engine.publishMessage('police-decision', `oocd-${outcome}`, {});
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === endId)).toBe(true);
  });
});

// Own database: moving the clock a month on must not fire other instances' timers.
describe('Feature: out-of-court disposal — police decision overdue', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Overdue path: no police decision 2 WD after the deadline → manager emailed, late decision still accepted', async () => {
    const i = await h.start('out-of-court-disposal', {
      caseId: 'oocd-late', referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
    });
    await h.complete(i, 'pdat', { assessmentDate: '2026-11-30', factorsForDesistance: 'x', recommendedOutcome: 'youth-caution' });
    await h.complete(i, 'victimViews', { victimContacted: false, noContactReason: 'declined' });
    await h.complete(i, 'panel', { outcome: 'youth-caution', decisionReasons: 'r' });
    await h.at('2026-12-23T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-12-23T17:00:00Z'); // 21 Dec + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:oocdDecision']);
    await h.engine.publishMessage('police-decision', 'oocd-late', {});
    await h.at('2026-12-23T17:01:00Z');
    expect(await h.openTasks(i)).toEqual(['programme']);
  });
});

describe('Feature: out-of-court disposal — assessment reminder and escalation (non-interrupting boundaries)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Reminder 2 WD before the assessment is due, manager escalation 2 WD after; the task stays open', async () => {
    const i = await h.start('out-of-court-disposal', {
      caseId: 'oocd-remind', referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
    });
    await h.at('2026-12-03T17:00:00Z'); // due Mon 7 Dec − 2 WD
    expect(h.emailsFor(i)).toEqual(['reminder:oocdAssessment']);
    await h.at('2026-12-09T17:00:00Z'); // due + 2 WD
    expect(h.emailsFor(i)).toEqual(['reminder:oocdAssessment', 'manager:oocdAssessment']);
    expect(await h.openTasks(i)).toEqual(['pdat', 'victimViews']);
  });
});
