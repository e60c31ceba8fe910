// Prevention walks. Prevention is voluntary: consent (UK GDPR Article 6(1)(a)) is its lawful basis, so no work
// starts without it and withdrawal stops the work at any point (ICO: as easy to withdraw as to give).
// Timescales preventionAssessment (20 WD) and preventionReview (3 months) are local defaults.
import { processHarness, type ProcessHarness } from './support/process-harness';

describe('Feature: prevention (voluntary, consent-based)', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = async (caseId: string, consent: 'given' | 'refused' = 'given') => {
    const i = await h.start('prevention', { caseId });
    expect(await h.openTasks(i)).toEqual(['recordConsent']);
    await h.complete(i, 'recordConsent', { preventionConsent: consent, consentGivenBy: 'child', consentDate: '2026-11-23', privacyNoticeGiven: true });
    return i;
  };
  const assessAndPlan = async (i: string) => {
    await h.complete(i, 'assessment', { assessment: { id: 'a1', tool: 'pdat', completedOn: '2026-11-30', summary: 's' } });
    await h.complete(i, 'plan', { preventionGoals: 'g', preventionInterventions: ['mentoring'], planAgreedOn: '2026-12-01', planAgreedWithChild: true });
  };

  test('Consent refused: no prevention work starts', async () => {
    const i = await start('pr-1', 'refused');
    expect(await h.state(i)).toBe('completed');
    expect(await h.openTasks(i)).toEqual([]);
  });

  test('Consent given: assessment due in 20 WD (local), then a plan, then reviews every 3 months (local) until exit', async () => {
    const i = await start('pr-2');
    expect((await h.task(i, 'assessment')).dueDate).toBe('2026-12-21T17:00:00.000Z');
    await assessAndPlan(i);
    expect((await h.task(i, 'review')).dueDate).toBe('2027-02-23T17:00:00.000Z');
    await h.complete(i, 'review', { reviewedOn: '2027-02-20', reviewProgress: 'p', reviewDecision: 'continue' });
    expect(await h.openTasks(i)).toEqual(['review']);
    await h.complete(i, 'review', { reviewedOn: '2027-05-20', reviewProgress: 'p', reviewDecision: 'exit' });
    await h.complete(i, 'exit', { exitReason: 'completed', exitDate: '2027-05-21', accommodationAtEnd: 'suitable', eteAtEnd: 'full-time', exitSummary: 'goals met' });
    expect(await h.state(i)).toBe('completed');
  });

  test('Consent withdrawn during the work: the open work is cancelled and the withdrawal recorded', async () => {
    const i = await start('pr-3');
    await assessAndPlan(i);
    expect(await h.openTasks(i)).toEqual(['review']);
    expect((await h.engine.publishMessage('prevention-consent-withdrawn', 'pr-3', {})).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['recordWithdrawal']);
    await h.complete(i, 'recordWithdrawal', { withdrawnOn: '2026-12-02', withdrawnBy: 'child' });
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.listUserTasks({ instanceKey: i })).find((t) => t.elementId === 'review')?.state).toBe('cancelled');
  });

  test('Withdrawal before any assessment stops the work too', async () => {
    const i = await start('pr-4');
    expect((await h.engine.publishMessage('prevention-consent-withdrawn', 'pr-4', {})).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['recordWithdrawal']);
  });
});
