import { readFileSync } from 'node:fs';
import path from 'node:path';
import { describeFields, type FormDefinition } from '../../../server/src/forms-core';
import { processHarness, type ProcessHarness } from './support/process-harness';

// Sources: gov.uk "Use out-of-court disposals: section 1 case management guidance" (2014) 2.1 — the service
// assesses within 10 WD of referral and concludes its assessment AND TELLS THE POLICE within 15 WD of bail (its own
// deadline); Crime and Disorder Act 1998 s. 66B (the five requirements of a youth conditional caution) and s. 66E
// (conditions not complied with without reasonable excuse: the child may be prosecuted for the offence).
// Referral on Monday 23 November 2026; bail date Monday 30 November.
const PDAT = { assessmentDate: '2026-11-30', offence: { id: 'o1', offence: 'Theft', offenceDate: '2026-11-20', gravityScore: '2' },
  factorsForDesistance: 'x', mentalHealthConcern: 'no', substanceMisuseConcern: 'no', recommendedOutcome: 'youth-caution' };
const VALID_YCC = { evidence: true, sufficientToCharge: true, admitted: true, explainedAndWarned: true, sixteenOrUnder: true,
  appropriateAdultPresent: true, documentSigned: true, conditions: 'reparation', givenOn: '2026-12-14' };

describe('Feature: out-of-court disposal — assessment, joint decision and a programme by outcome', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('out-of-court-disposal', {
    caseId, referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
  });
  async function decided(caseId: string, type: string) {
    const i = await start(caseId);
    await h.complete(i, 'pdat', PDAT);
    await h.complete(i, 'victimViews', { victimViews: [{ victimName: 'V', victimContacted: false, noContactReason: 'declined' }] });
    await h.complete(i, 'panel', { disposal: { id: `d-${caseId}`, type, decidedOn: '2026-12-10', decisionReasons: 'r', policeInformedOn: '2026-12-10' } });
    await h.complete(i, 'policeDecision', { policeDecision: { id: `d-${caseId}`, type, policeDecidedOn: '2026-12-11' } });
    return i;
  }
  const conditions = (i: string, status: string) => h.complete(i, 'programme', { yccProgress: { id: 'd', status } });

  test('Given a referral, the assessment is due in 10 WD, victim views are sought in parallel, and telling the police is the service\'s 15 WD deadline from bail', async () => {
    const i = await start('oocd-1');
    expect(await h.openTasks(i)).toEqual(['pdat', 'victimViews']);
    expect((await h.task(i, 'pdat')).dueDate).toBe('2026-12-07T17:00:00.000Z');
    expect((await h.task(i, 'victimViews')).candidateGroups).toEqual(['victim-workers']);
    await h.complete(i, 'pdat', PDAT);
    await h.complete(i, 'victimViews', { victimViews: [{ victimName: 'V', victimContacted: false, noContactReason: 'declined' }] });
    expect((await h.task(i, 'panel')).dueDate).toBe('2026-12-21T17:00:00.000Z'); // 15 WD from bail: the service's task
    await h.complete(i, 'panel', { disposal: { id: 'd1', type: 'youth-caution', decidedOn: '2026-11-30', decisionReasons: 'r', policeInformedOn: '2026-11-30' } });
    // The police decision has no national deadline: a local chase date 10 WD after the police were told.
    expect((await h.task(i, 'policeDecision')).dueDate).toBe('2026-12-07T17:00:00.000Z');
  });

  test('The PDAT puts health concerns (mental health, CAMHS, substance misuse) in Health and the offence with its gravity score in the offences list', () => {
    const form = JSON.parse(readFileSync(path.resolve(__dirname, '../../../forms/oocd-pdat-assessment.form'), 'utf8')) as FormDefinition;
    const section = new Map(describeFields(form).map((f) => [f.path, f.section]));
    for (const key of ['mentalHealthConcern', 'camhsInvolvement', 'substanceMisuseConcern', 'substanceMisuseIntervention', 'healthNotes']) {
      expect([key, section.get(key)]).toEqual([key, 'health']);
    }
    expect(section.get('offence.gravityScore')).toBe('offending');
    expect((form.components.find((c) => c.path === 'offence')?.properties as { collection: string }).collection).toBe('offences');
  });

  test.each([
    ['community-resolution', 'crProgramme'],
    ['outcome-22', 'diversionProgramme'],
    ['youth-caution', 'cautionProgramme'],
    ['youth-conditional-caution', 'yccRequirements'],
  ])('The programme differs by the police\'s outcome: %s → %s', async (type, task) => {
    const i = await decided(`prog-${type}`, type);
    expect(await h.openTasks(i)).toEqual([task]);
  });

  test.each([['charge', 'charged'], ['no-further-action', 'nfa']])('Outcome %s ends the out-of-court work at %s', async (type, endId) => {
    const i = await decided(`end-${type}`, type);
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === endId)).toBe(true);
  });

  test('A voluntary programme the child stopped: exit records the disposal as not completed (KPI)', async () => {
    const i = await decided('vol-1', 'outcome-22');
    await h.complete(i, 'diversionProgramme', { diversion: { id: 'd', deferredProsecution: 'deferred-prosecution', engagement: 'disengaged', policeToldOfDisengagement: true } });
    expect(await h.openTasks(i)).toEqual(['exit']);
    await h.complete(i, 'exit', { disposalEnd: { id: 'd', completed: 'no', endedOn: '2027-01-10' }, eteAtEnd: 'suitable', accommodationAtEnd: 'suitable', exitSummary: 's' });
    expect(await h.state(i)).toBe('completed');
  });

  test.each([
    ['no admission', { admitted: false }],
    ['no signed document', { documentSigned: false }],
    ['a child of 16 or under warned without an appropriate adult', { appropriateAdultPresent: false }],
  ])('A youth conditional caution cannot be given with %s (s. 66B): the police are told, no conditions programme', async (_what, missing) => {
    const i = await decided(`ycc-bad-${Object.keys(missing)[0]}`, 'youth-conditional-caution');
    await h.complete(i, 'yccRequirements', { yccRequirements: { ...VALID_YCC, ...missing } });
    expect(await h.openTasks(i)).toEqual(['yccNotGiven']);
    await h.complete(i, 'yccNotGiven', { yccNotGiven: { missingRequirements: 'm', policeToldOn: '2026-12-14' } });
    expect(await h.state(i)).toBe('completed');
    expect((await h.engine.getInstance(i))?.timeline.some((t) => t.elementId === 'programme')).toBe(false);
  });

  test('A 17-year-old needs no appropriate adult; the conditions run 3 months from the caution; compliance leads to exit', async () => {
    const i = await decided('ycc-ok', 'youth-conditional-caution');
    await h.complete(i, 'yccRequirements', { yccRequirements: { ...VALID_YCC, sixteenOrUnder: false, appropriateAdultPresent: false } });
    expect((await h.task(i, 'programme')).dueDate).toBe('2027-03-14T17:00:00.000Z'); // 3 months from the caution (14 Dec), not from today
    await conditions(i, 'complied');
    expect(await h.openTasks(i)).toEqual(['exit']);
  });

  test('YCC non-compliance: with a reasonable excuse the conditions continue; without one the police are told (s. 66E) and the work ends', async () => {
    const i = await decided('ycc-nc', 'youth-conditional-caution');
    await h.complete(i, 'yccRequirements', { yccRequirements: VALID_YCC });
    await conditions(i, 'not-complied');
    expect(await h.openTasks(i)).toEqual(['nonCompliance']);
    await h.complete(i, 'nonCompliance', { yccNonCompliance: { nonComplianceDetails: 'missed reparation', reasonableExcuse: 'yes', excuseDetails: 'ill' } });
    expect(await h.openTasks(i)).toEqual(['programme']);
    await conditions(i, 'not-complied');
    await h.complete(i, 'nonCompliance', { yccNonCompliance: { nonComplianceDetails: 'missed again', reasonableExcuse: 'no', policeToldOn: '2027-01-20' } });
    expect(await h.openTasks(i)).toEqual(['exit']);
  });

  test('YCC disengagement: the service tries to re-engage the child first; re-engaged → conditions continue, not → non-compliance', async () => {
    const i = await decided('ycc-dis', 'youth-conditional-caution');
    await h.complete(i, 'yccRequirements', { yccRequirements: VALID_YCC });
    await conditions(i, 'disengaged');
    expect(await h.openTasks(i)).toEqual(['reEngage']);
    await h.complete(i, 'reEngage', { yccReEngagement: { reEngagementSteps: 'home visit', reEngaged: 'yes' } });
    expect(await h.openTasks(i)).toEqual(['programme']);
    await conditions(i, 'disengaged');
    await h.complete(i, 'reEngage', { yccReEngagement: { reEngagementSteps: 'letters', reEngaged: 'no' } });
    expect(await h.openTasks(i)).toEqual(['nonCompliance']);
  });
});

// Own database: moving the clock weeks on must not fire other instances' timers.
describe('Feature: out-of-court disposal — the service\'s deadline and the police chase', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('The police not told 2 WD after the 15 WD: the manager is emailed about the service\'s deadline; a late police decision is chased, not escalated as the police\'s breach', async () => {
    const i = await h.start('out-of-court-disposal', {
      caseId: 'oocd-late', referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
    });
    await h.complete(i, 'pdat', PDAT);
    await h.complete(i, 'victimViews', { victimViews: [{ victimName: 'V', victimContacted: false, noContactReason: 'declined' }] });
    await h.at('2026-12-23T16:59:00Z');
    expect(h.emailsFor(i)).toEqual([]);
    await h.at('2026-12-23T17:00:00Z'); // 21 Dec + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:oocdDecision']);
    expect(await h.openTasks(i)).toEqual(['panel']);
    await h.complete(i, 'panel', { disposal: { id: 'd', type: 'youth-caution', decidedOn: '2026-12-23', decisionReasons: 'r', policeInformedOn: '2026-12-23' } });
    await h.at('2027-01-13T17:00:00Z'); // 10 WD after 23 Dec (bank holidays skipped) + 2 WD
    expect(h.emailsFor(i)).toEqual(['manager:oocdDecision', 'manager:oocdPoliceDecision']);
    expect(await h.openTasks(i)).toEqual(['policeDecision']);
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
