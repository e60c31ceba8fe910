// Referral & intake walks. Data protection (UK GDPR, ICO guidance on lawful basis): consent is a lawful basis
// only for voluntary work, so a refusal closes only a voluntary referral; court-ordered work records the
// privacy notice (Articles 13 and 14) and carries on. Every court order is recorded with the date it was made,
// and the AssetPlus clock counts from that date. Engine level: the allocation form's order group arrives as
// the process variable `order`.
import { processHarness, type ProcessHarness } from './support/process-harness';

describe('Feature: referral & intake', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  async function toAllocation(caseId: string, allocation: Record<string, unknown>) {
    const i = await h.start('referral-intake', { caseId, referralReceivedAt: '2026-11-23T09:00:00Z' });
    expect((await h.task(i, 'matchPerson')).dueDate).toBe('2026-11-25T17:00:00.000Z'); // 2 WD, local
    await h.complete(i, 'matchPerson', { matchOutcome: 'existing', personId: 'p1', referralSource: 'police' });
    await h.complete(i, 'checkSocialCare', { socialCareInvolved: false });
    expect((await h.task(i, 'allocate')).candidateGroups).toEqual(['team-managers']);
    await h.complete(i, 'allocate', { caseManager: 'cm1', ...allocation });
    return i;
  }
  const child = async (parentKey: string, processId: string) =>
    (await h.engine.listInstances({ processId, limit: 1000 })).items.find((x) => x.parentKey === parentKey);
  const childTasks = async (parentKey: string, processId: string) => {
    const c = await child(parentKey, processId);
    return c ? h.openTasks(c.key) : [];
  };
  const NOTICE = { privacyNoticeGiven: true, privacyNoticeDate: '2026-11-24', privacyNoticeGivenTo: ['child'], lawfulBasis: 'public-task' };
  const order = (type: string, madeOn = '2026-11-23') => ({ pathway: 'court-order', order: { id: `o-${type}`, type, madeOn } });

  test('Voluntary out-of-court work with consent as the basis and refused: the referral closes', async () => {
    const i = await toAllocation('in-1', { pathway: 'out-of-court' });
    expect(await h.openTasks(i)).toEqual(['privacyConsent']);
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'consent', consentDecision: 'refused', consentDate: '2026-11-24' });
    expect(await h.state(i)).toBe('completed');
    expect(await child(i, 'out-of-court-disposal')).toBeUndefined();
  });

  test('Prevention refused in its own consent step: no prevention work, and the referral ends', async () => {
    const i = await toAllocation('in-1b', { pathway: 'prevention' });
    const p = await child(i, 'prevention');
    expect(await h.openTasks(p!.key)).toEqual(['recordConsent']);
    await h.complete(p!.key, 'recordConsent', { preventionConsent: 'refused', consentDate: '2026-11-24', privacyNoticeGiven: true });
    expect([await h.state(p!.key), await h.state(i)]).toEqual(['completed', 'completed']);
  });

  test('A court-ordered case is not asked for consent, and a refusal recorded anyway does not close it', async () => {
    const i = await toAllocation('in-2', order('yro'));
    expect(await h.openTasks(i)).toEqual(['privacyNotice']);
    await h.complete(i, 'privacyNotice', { ...NOTICE, lawfulBasis: 'consent', consentDecision: 'refused' });
    expect(await h.state(i)).toBe('active');
    expect((await h.engine.getInstance(i))?.activeElementIds.sort()).toEqual(['callOrderAssessment', 'callYro']);
  });

  test('Out-of-court pathway starts the OOCD process, deadlines from the referral and bail dates', async () => {
    const i = await toAllocation('in-3', { pathway: 'out-of-court', bailDate: '2026-11-30' });
    await h.complete(i, 'privacyConsent', { privacyNoticeGiven: true, lawfulBasis: 'public-task' });
    expect((await childTasks(i, 'out-of-court-disposal')).length).toBe(2);
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['callOocd']);
  });

  test('Referral order: the order process and an assessment that informs the panel start together, both from the order date', async () => {
    const i = await toAllocation('in-4', order('referral-order'));
    await h.complete(i, 'privacyNotice', NOTICE);
    const ro = await child(i, 'referral-order');
    expect((await h.task(ro!.key, 'firstAppointment')).dueDate).toBe('2026-11-30T17:00:00.000Z'); // 5 WD from 23 Nov
    const ap = await child(i, 'assetplus-assessment');
    expect((await h.task(ap!.key, 'infoGathering')).dueDate).toBe('2026-12-14T17:00:00.000Z'); // 15 WD from 23 Nov
  });

  test('Every order has its date: a YRO made a week before intake counts the AssetPlus clock from the order, not from intake', async () => {
    const i = await toAllocation('in-5', order('yro', '2026-11-16'));
    await h.complete(i, 'privacyNotice', NOTICE);
    const ap = await child(i, 'assetplus-assessment');
    expect((await h.task(ap!.key, 'infoGathering')).dueDate).toBe('2026-12-07T17:00:00.000Z'); // 15 WD from 16 Nov
    expect((await h.vars(ap!.key)).orderMadeAt).toBe('2026-11-16');
  });

  test('A YRO through intake is assessed once: the AssetPlus process intake started, and supervision records only the sentence plan', async () => {
    const i = await toAllocation('in-5b', order('yro'));
    await h.complete(i, 'privacyNotice', NOTICE);
    expect(await childTasks(i, 'assetplus-assessment')).toEqual(['infoGathering']);
    const yro = await child(i, 'yro-supervision');
    expect((await h.vars(yro!.key)).assessmentStarted).toBe(true);
    await h.complete(yro!.key, 'recordOrder', { order: { id: 'o-yro', type: 'yro', madeOn: '2026-11-23', start: '2026-11-23', end: '2027-05-22' } });
    expect(await h.openTasks(yro!.key)).toEqual(['sentencePlan']);
  });

  test.each([
    ['yro', 'yro-supervision'],
    ['dto', 'custody-resettlement'],
    ['detention-s250', 'custody-resettlement'],
    ['extended-detention', 'custody-resettlement'],
    ['detention-hmp', 'custody-resettlement'],
  ])('A %s reaches its own process (%s), with the order and its date', async (type, processId) => {
    const i = await toAllocation(`in-6-${type}`, order(type, '2026-11-20'));
    await h.complete(i, 'privacyNotice', NOTICE);
    expect(await h.vars((await child(i, processId))!.key)).toMatchObject({ orderMadeAt: '2026-11-20', order: { id: `o-${type}`, type } });
    expect(await child(i, 'referral-order')).toBeUndefined();
  });

  test('Prevention is voluntary: intake asks no statutory privacy step, the prevention process records consent first', async () => {
    const i = await toAllocation('in-7', { pathway: 'prevention' });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['callPrevention']);
    expect(await childTasks(i, 'prevention')).toEqual(['recordConsent']);
  });

  test('Transfer in is statutory work: privacy notice, then the transfer decision', async () => {
    const i = await toAllocation('in-8', { pathway: 'transfer-in' });
    await h.complete(i, 'privacyNotice', NOTICE);
    expect(await childTasks(i, 'transfer-in')).toEqual(['decideTransferIn']);
  });

  test('Bail support or remand reaches its process', async () => {
    const i = await toAllocation('in-9', { pathway: 'bail-remand' });
    await h.complete(i, 'privacyNotice', NOTICE);
    expect(await child(i, 'bail-remand')).toBeDefined();
  });

  test('Other work: AssetPlus assessment, then the plan review cycle', async () => {
    const i = await toAllocation('in-10', { pathway: 'assessment' });
    await h.complete(i, 'privacyNotice', NOTICE);
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['callAssessment']);
    expect(await childTasks(i, 'assetplus-assessment')).toContain('infoGathering');
  });

  test('A re-referral joining an open case skips the person match: the case is already the child\'s', async () => {
    await h.engine.publishMessage('re-referral', 'in-11', { caseId: 'in-11', referralReceivedAt: '2026-11-23T09:00:00Z', referralSource: 'court' });
    await h.at('2026-11-23T09:00:00Z');
    const [i] = (await h.engine.listInstances({ processId: 'referral-intake', limit: 1000 })).items.filter((x) => x.caseId === 'in-11');
    expect(await h.openTasks(i.key)).toEqual(['checkSocialCare']);
    expect((await h.task(i.key, 'checkSocialCare')).dueDate).toBe('2026-11-25T17:00:00.000Z');
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
