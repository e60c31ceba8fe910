import { processHarness, type ProcessHarness } from './support/process-harness';

describe('Feature: AssetPlus assessment & intervention plan', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  const start = (caseId: string) => h.start('assetplus-assessment', { caseId, orderMadeAt: '2026-11-23T09:00:00Z' });
  async function toPlanning(i: string, rosh: string, wellbeing = 'low') {
    await h.complete(i, 'infoGathering', { personalCircumstances: 'p', offendingHistory: 'o' });
    await h.complete(i, 'conclusions', { likelihoodOfReoffending: 'medium', roshRating: rosh, safetyWellbeingRating: wellbeing, explanations: 'e' });
    await h.complete(i, 'planning', { contactLevel: 'standard', planTargets: [{ target: 'attend school' }] });
  }

  test('Given an order, then information gathering is due in 15 WD (AssetPlus completion)', async () => {
    const i = await start('ap-1');
    expect(await h.openTasks(i)).toEqual(['infoGathering']);
    expect((await h.task(i, 'infoGathering')).dueDate).toBe('2026-12-14T17:00:00.000Z');
  });

  test('Low/Medium ratings: no countersign; shared; plan review scheduled 3 months on', async () => {
    const i = await start('ap-2');
    await toPlanning(i, 'medium');
    expect(await h.openTasks(i)).toEqual(['share']);
    await h.complete(i, 'share', { shareWith: ['secure-estate'] });
    expect(await h.state(i)).toBe('completed');
    expect((await h.vars(i)).deadlines).toMatchObject({ planReview: '2027-02-23T17:00:00.000Z' });
  });

  test.each([['high', 'low'], ['very-high', 'low'], ['low', 'high'], ['medium', 'very-high']])(
    'ROSH %s / safety & wellbeing %s: a team manager countersigns within 2 WD', async (rosh, wellbeing) => {
      const i = await start(`ap-${rosh}-${wellbeing}`);
      await toPlanning(i, rosh, wellbeing);
      expect(await h.openTasks(i)).toEqual(['countersign']);
      const task = await h.task(i, 'countersign');
      expect(task.candidateGroups).toEqual(['team-managers']);
      expect(task.dueDate).toBe('2026-11-25T17:00:00.000Z');
    });

  test('Countersign returned: back to planning, then approved and shared', async () => {
    const i = await start('ap-return');
    await toPlanning(i, 'high');
    await h.complete(i, 'countersign', { countersignDecision: 'return', countersignComments: 'add safety plan' });
    expect(await h.openTasks(i)).toEqual(['planning']);
    await h.complete(i, 'planning', { contactLevel: 'intensive' });
    await h.complete(i, 'countersign', { countersignDecision: 'approve' });
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
