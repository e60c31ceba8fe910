import { processHarness, type ProcessHarness } from './support/process-harness';

describe('Feature: referral & intake', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  async function toConsent(caseId: string, allocation: Record<string, unknown>) {
    const i = await h.start('referral-intake', { caseId, referralReceivedAt: '2026-11-23T09:00:00Z' });
    expect((await h.task(i, 'matchPerson')).dueDate).toBe('2026-11-25T17:00:00.000Z'); // 2 WD, local
    await h.complete(i, 'matchPerson', { matchOutcome: 'existing', personId: 'p1', referralSource: 'police' });
    await h.complete(i, 'checkSocialCare', { socialCareInvolved: false });
    expect((await h.task(i, 'allocate')).candidateGroups).toEqual(['team-managers']);
    await h.complete(i, 'allocate', { caseManager: 'cm1', ...allocation });
    return i;
  }
  const childTasks = async (processId: string) =>
    (await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.processId === processId).map((t) => t.elementId).sort();

  test('Consent is the basis and is refused: the referral closes', async () => {
    const i = await toConsent('in-1', { pathway: 'assessment' });
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'consent', consentDecision: 'refused', consentDate: '2026-11-24' });
    expect(await h.state(i)).toBe('completed');
  });

  test('Out-of-court pathway starts the OOCD process, deadlines from the referral and bail dates', async () => {
    const before = (await childTasks('out-of-court-disposal')).length;
    const i = await toConsent('in-2', { pathway: 'out-of-court', bailDate: '2026-11-30' });
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'public-task' });
    expect((await childTasks('out-of-court-disposal')).length).toBe(before + 2);
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['callOocd']);
  });

  test('Referral order pathway starts the referral order with its order date', async () => {
    const i = await toConsent('in-3', { pathway: 'referral-order', orderMadeAt: '2026-11-23' });
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'legal-obligation' });
    const first = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'referral-order' && t.elementId === 'firstAppointment');
    expect(first?.dueDate).toBe('2026-11-30T17:00:00.000Z');
  });

  test('Other orders: AssetPlus assessment, then the plan review cycle', async () => {
    const i = await toConsent('in-4', { pathway: 'assessment' });
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'consent', consentDecision: 'given', consentGivenBy: 'parent', consentDate: '2026-11-24' });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['callAssessment']);
    expect(await childTasks('assetplus-assessment')).toContain('infoGathering');
  });
});

describe('Feature: referral & intake — allocation overdue', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('No allocation 2 WD after the 2 WD intake deadline: the team manager is emailed', async () => {
    const i = await h.start('referral-intake', { caseId: 'in-late', referralReceivedAt: '2026-11-23T09:00:00Z' });
    await h.complete(i, 'matchPerson', { matchOutcome: 'existing', personId: 'p1', referralSource: 'police' });
    await h.complete(i, 'checkSocialCare', { socialCareInvolved: false });
    await h.at('2026-11-27T17:00:00Z'); // due Wed 25 Nov + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:intakeAllocation']);
    expect(await h.openTasks(i)).toEqual(['allocate']);
  });
});
