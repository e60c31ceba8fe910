// AssetPlus walks (gov.uk case management guidance, "How to assess children in the youth justice system";
// the process documentation names what is national and what is this service's default). Engine level: the
// forms' groups arrive as process variables (`assessment`, `ratings`, `countersignature`), as the completion
// of a real task sets them.
import { processHarness, type ProcessHarness } from './support/process-harness';

const ASSESSMENT = { id: 'a1', reason: 'community-order', informationGatheredOn: '2026-11-23' };
const rated = (rosh: string, wellbeing: string) => ({
  ratings: {
    id: 'a1', likelihoodOfReoffending: 'medium', likelihoodRationale: 'l', roshRating: rosh, roshRationale: 'r',
    safetyWellbeingRating: wellbeing, safetyWellbeingRationale: 's', explanations: 'e', conclusionsCompletedOn: '2026-11-24',
  },
});
const PLAN = { contactLevel: 'standard', planTargets: [{ target: 'attend school' }], planStage: { id: 'a1', planCompletedOn: '2026-11-25' } };
const RISK = { riskManagement: { id: 'a1', riskMeetingHeldOn: '2026-11-26', riskMeetingAgencies: ['police'], mappaReferral: 'not-eligible', maracReferral: 'not-relevant', riskManagementActions: 'a' } };
const CONTINGENCY = { contingency: { id: 'a1', warningSigns: 'w', contingencyActions: 'c', contingencyAgreedOn: '2026-11-26' } };
const SAFEGUARDING = { safeguarding: { id: 'a1', safeguardingAction: 'referred', safeguardingReferredOn: '2026-11-24' } };
const countersign = (decision: string, view = 'agree', reasons?: string) =>
  ({ countersignature: { id: 'a1', countersignView: view, countersignDecision: decision, countersignedOn: '2026-11-27', ...(reasons ? { countersignReasons: reasons } : {}) } });

describe('Feature: AssetPlus assessment & intervention plan', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('assetplus-assessment', { caseId, orderMadeAt: '2026-11-23T09:00:00Z' });
  async function rate(i: string, rosh: string, wellbeing = 'low') {
    await h.complete(i, 'infoGathering', { personalCircumstances: 'p', offendingHistory: 'o', assessment: ASSESSMENT });
    await h.complete(i, 'conclusions', rated(rosh, wellbeing));
  }
  /** Completes every risk step the ratings opened, then the plan. */
  async function finishSteps(i: string) {
    const open = await h.openTasks(i);
    if (open.includes('safeguardingReferral')) await h.complete(i, 'safeguardingReferral', SAFEGUARDING);
    if (open.includes('riskManagement')) {
      await h.complete(i, 'riskManagement', RISK);
      await h.complete(i, 'contingencyPlan', CONTINGENCY);
    }
    await h.complete(i, 'planning', PLAN);
  }

  test('Given an order, then information gathering is due in 15 WD (AssetPlus completion)', async () => {
    const i = await start('ap-1');
    expect(await h.openTasks(i)).toEqual(['infoGathering']);
    expect((await h.task(i, 'infoGathering')).dueDate).toBe('2026-12-14T17:00:00.000Z');
  });

  test('Low/Medium ratings: only the plan, no risk steps and no countersign; shared; review scheduled 3 months on', async () => {
    const i = await start('ap-2');
    await rate(i, 'medium', 'medium');
    expect(await h.openTasks(i)).toEqual(['planning']);
    await h.complete(i, 'planning', PLAN);
    expect(await h.openTasks(i)).toEqual(['share']);
    await h.complete(i, 'share', { shareWith: ['secure-estate'] });
    expect(await h.state(i)).toBe('completed');
    expect((await h.vars(i)).deadlines).toMatchObject({ planReview: '2027-02-23T17:00:00.000Z' });
  });

  test('High ROSH: multi-agency risk management then a contingency plan, beside the plan; no safeguarding referral', async () => {
    const i = await start('ap-rosh');
    await rate(i, 'high', 'low');
    expect(await h.openTasks(i)).toEqual(['planning', 'riskManagement']);
    expect((await h.task(i, 'riskManagement')).dueDate).toBe('2026-11-30T17:00:00.000Z'); // 5 WD from the rating
    await h.complete(i, 'planning', PLAN);
    expect(await h.openTasks(i)).toEqual(['riskManagement']); // the plan alone does not reach countersign
    await h.complete(i, 'riskManagement', RISK);
    expect(await h.openTasks(i)).toEqual(['contingencyPlan']);
    await h.complete(i, 'contingencyPlan', CONTINGENCY);
    expect(await h.openTasks(i)).toEqual(['countersign']);
  });

  test('High safety & wellbeing: a safeguarding referral within 1 WD, with risk management and a contingency plan', async () => {
    const i = await start('ap-saw');
    await rate(i, 'low', 'high');
    expect(await h.openTasks(i)).toEqual(['planning', 'riskManagement', 'safeguardingReferral']);
    expect((await h.task(i, 'safeguardingReferral')).dueDate).toBe('2026-11-24T17:00:00.000Z');
    await finishSteps(i);
    expect(await h.openTasks(i)).toEqual(['countersign']);
  });

  test.each([['high', 'low'], ['very-high', 'low'], ['low', 'high'], ['medium', 'very-high']])(
    'ROSH %s / safety & wellbeing %s: a team manager countersigns within 2 WD', async (rosh, wellbeing) => {
      const i = await start(`ap-${rosh}-${wellbeing}`);
      await rate(i, rosh, wellbeing);
      await finishSteps(i);
      expect(await h.openTasks(i)).toEqual(['countersign']);
      const task = await h.task(i, 'countersign');
      expect(task.candidateGroups).toEqual(['team-managers']);
      expect(task.dueDate).toBe('2026-11-25T17:00:00.000Z');
    });

  test('Countersigner disagrees and returns the ratings: back to explanations & conclusions with their view recorded', async () => {
    const i = await start('ap-return-ratings');
    await rate(i, 'high');
    await finishSteps(i);
    await h.complete(i, 'countersign', countersign('return-ratings', 'disagree', 'ROSH is Very High: weapon use'));
    expect(await h.openTasks(i)).toEqual(['conclusions']);
    expect((await h.vars(i)).countersignature).toMatchObject({ countersignView: 'disagree', countersignReasons: 'ROSH is Very High: weapon use' });
    // The new ratings run the risk steps again and come back to the countersigner.
    await h.complete(i, 'conclusions', rated('very-high', 'low'));
    expect(await h.openTasks(i)).toEqual(['planning', 'riskManagement']);
    await finishSteps(i);
    await h.complete(i, 'countersign', countersign('approve'));
    expect(await h.openTasks(i)).toEqual(['share']);
  });

  test('Countersigner returns the plan: back to pathways & planning, then straight back to countersign', async () => {
    const i = await start('ap-return-plan');
    await rate(i, 'high');
    await finishSteps(i);
    await h.complete(i, 'countersign', countersign('return-plan', 'agree', 'add a safety plan'));
    expect(await h.openTasks(i)).toEqual(['replanning']);
    expect((await h.task(i, 'replanning')).dueDate).toBe('2026-11-30T17:00:00.000Z'); // a fresh 5 WD, not the countersign's date
    await h.complete(i, 'replanning', { ...PLAN, contactLevel: 'intensive' });
    expect(await h.openTasks(i)).toEqual(['countersign']); // risk steps already done are not repeated
    await h.complete(i, 'countersign', countersign('approve'));
    expect(await h.openTasks(i)).toEqual(['share']);
  });

  test('Ratings lowered after a return: the plan alone, then shared without countersign', async () => {
    const i = await start('ap-lowered');
    await rate(i, 'high');
    await finishSteps(i);
    await h.complete(i, 'countersign', countersign('return-ratings', 'disagree', 'evidence supports Medium'));
    await h.complete(i, 'conclusions', rated('medium', 'low'));
    expect(await h.openTasks(i)).toEqual(['planning']);
    await h.complete(i, 'planning', PLAN);
    expect(await h.openTasks(i)).toEqual(['share']);
  });
});

describe('Feature: AssetPlus — completion reminder and escalation', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  test('Reminder 2 WD before the 15 WD completion date, team manager 2 WD after it', async () => {
    const i = await h.start('assetplus-assessment', { caseId: 'ap-late', orderMadeAt: '2026-11-23T09:00:00Z' });
    await h.at('2026-12-10T17:00:00Z'); // due Mon 14 Dec − 2 WD
    expect(h.emailsFor(i)).toEqual(['reminder:assetPlusCompletion']);
    await h.at('2026-12-16T17:00:00Z'); // due + 2 WD
    expect(h.emailsFor(i)).toEqual(['reminder:assetPlusCompletion', 'manager:assetPlusCompletion']);
    expect(await h.openTasks(i)).toEqual(['infoGathering']);
  });
});
