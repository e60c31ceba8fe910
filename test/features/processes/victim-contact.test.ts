import { processHarness, type ProcessHarness } from './support/process-harness';

// Details received Monday 23 November 2026.
describe("Feature: victim contact & restorative justice (Victims' Code 2020)", () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (victimId: string, extra: Record<string, unknown> = {}) => h.start('victim-contact', {
    caseId: `case-${victimId}`, victimId, detailsReceivedAt: '2026-11-23T09:00:00Z', victimObjected: false, enhancedRights: false, ...extra,
  });
  const consent = (i: string, yes: boolean) => h.complete(i, 'contact', {
    contactDate: '2026-11-24', contactMethod: 'phone', rjInformationOffered: true, participation: yes ? 'consents' : 'declines',
  });

  test('RJ information is due in 5 WD, or 1 WD for enhanced-rights victims (incl. under 18)', async () => {
    const standard = await start('v1');
    expect((await h.task(standard, 'contact')).dueDate).toBe('2026-11-30T17:00:00.000Z');
    const enhanced = await start('v2', { enhancedRights: true });
    expect((await h.task(enhanced, 'contact')).dueDate).toBe('2026-11-24T17:00:00.000Z');
  });

  test('A victim who objected is not contacted', async () => {
    const i = await start('v3', { victimObjected: true });
    expect(await h.state(i)).toBe('completed');
    expect(await h.engine.listUserTasks({ instanceKey: i })).toEqual([]);
  });

  test('A victim who declines to take part: contact ends', async () => {
    const i = await start('v4');
    await consent(i, false);
    expect(await h.state(i)).toBe('completed');
  });

  test('Happy path: consent, RJ suitable, kept informed, told when the intervention ends', async () => {
    const i = await start('v5');
    await consent(i, true);
    await h.complete(i, 'suitability', { rjDecision: 'suitable', suitabilityReasons: 'willing, safe' });
    await h.complete(i, 'rj', { rjType: 'conference', rjDate: '2026-12-10', rjOutcome: 'o' });
    await h.complete(i, 'keepInformed', { updateDate: '2026-12-11', updateGiven: 'u' });
    await h.engine.publishMessage('intervention-ended', 'case-v5', {});
    await h.at('2026-11-23T09:00:00Z');
    await h.complete(i, 'notifyEnd', { notifiedOn: '2027-01-10', notificationMethod: 'letter' });
    expect(await h.state(i)).toBe('completed');
  });

  test('RJ not suitable (reasons recorded): the victim is still kept informed', async () => {
    const i = await start('v6');
    await consent(i, true);
    await h.complete(i, 'suitability', { rjDecision: 'not-suitable', suitabilityReasons: 'risk to victim' });
    expect(await h.openTasks(i)).toEqual(['keepInformed']);
  });

  test('Consent withdrawn at any time: open work is cancelled and contact stops', async () => {
    const i = await start('v7');
    await consent(i, true);
    await h.complete(i, 'suitability', { rjDecision: 'suitable', suitabilityReasons: 'r' });
    expect(await h.openTasks(i)).toEqual(['rj']);
    expect((await h.engine.publishMessage('consent-withdrawn', 'v7', {})).correlated).toBe(true);
    await h.at('2026-11-23T09:00:00Z');
    expect(await h.openTasks(i)).toEqual(['recordWithdrawal']);
    const rj = (await h.engine.listUserTasks({ instanceKey: i })).find((t) => t.elementId === 'rj');
    expect(rj?.state).toBe('cancelled');
    await h.complete(i, 'recordWithdrawal', { withdrawnOn: '2026-11-23', contactStopped: true });
    expect(await h.state(i)).toBe('completed');
  });
});

describe('Feature: victim contact — statutory deadline passed', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('An enhanced-rights victim not contacted within 1 WD: the team manager is emailed, the task stays', async () => {
    const i = await h.start('victim-contact', {
      caseId: 'case-late', victimId: 'late', detailsReceivedAt: '2026-11-23T09:00:00Z', victimObjected: false, enhancedRights: true,
    });
    await h.at('2026-11-24T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-11-24T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['manager:victimRjInformation']);
    expect(await h.openTasks(i)).toEqual(['contact']);
  });
});
