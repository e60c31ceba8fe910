// AssetPlus records through the real HTTP routes, engine and database: each assessment is ONE item of
// assessments.assessments that information gathering adds and every later stage amends (itemId
// =assessment.id), so a repeat assessment of the same child is a second item, not an overwrite; the
// countersigner's view of the ratings is recorded on the item they returned.
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

interface Item { id: string; values: Record<string, unknown> }
const ON = '2026-11-20';
const rated = (rosh: string) => ({
  ratings: {
    likelihoodOfReoffending: 'medium', likelihoodRationale: 'Two offences this year', roshRating: rosh, roshRationale: 'Weapon carried',
    safetyWellbeingRating: 'low', safetyWellbeingRationale: 'Settled at home', explanations: 'Peer group', conclusionsCompletedOn: ON,
  },
});

describe('AssetPlus: assessments as items of assessments.assessments', () => {
  let api: TasksCasesApi;
  const complete = async (instanceKey: string, elementId: string, who: Person, data: unknown) => {
    const task = (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId);
    if (!task) throw new Error(`no open ${elementId}`);
    const res = await api.call('POST', `/tasks/${task.key}/complete`, who, { data });
    await api.engine!.runDue();
    return res;
  };
  const start = async (caseId: string) => {
    const { instanceKey } = await api.engine!.startInstance('assetplus-assessment', { caseId, orderMadeAt: '2026-11-16' }, { businessKey: caseId });
    await api.engine!.runDue();
    return instanceKey;
  };
  const assessments = async (caseId: string): Promise<Item[]> =>
    (await api.call('GET', `/cases/${caseId}`, 'tm')).body.sections.assessments.collections?.assessments ?? [];

  beforeAll(async () => { api = await startTasksCasesApi('assetplus-records', { engine: true }); });
  afterAll(() => api.close());

  it('a returned assessment is amended in place with the countersigner\'s view; a second assessment is a second item', async () => {
    const caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id as string;
    const first = await start(caseId);
    const base = { personalCircumstances: 'Lives with mother', offendingHistory: 'Robbery' };
    expect((await complete(first, 'infoGathering', 'cm', { ...base, assessment: { reason: 'community-order', informationGatheredOn: ON } })).status).toBe(200);
    expect((await complete(first, 'conclusions', 'cm', rated('high'))).status).toBe(200);
    expect((await complete(first, 'planning', 'cm', { contactLevel: 'intensive', planTargets: [{ target: 'Attend school' }], planStage: { planCompletedOn: ON } })).status).toBe(200);
    expect((await complete(first, 'riskManagement', 'cm', {
      riskManagement: { riskMeetingHeldOn: ON, riskMeetingAgencies: ['police', 'social-care'], mappaReferral: 'not-eligible', maracReferral: 'not-relevant', riskManagementActions: 'Curfew checks' },
    })).status).toBe(200);
    expect((await complete(first, 'contingencyPlan', 'cm', { contingency: { warningSigns: 'Missing from home', contingencyActions: 'Police and social worker told', contingencyAgreedOn: ON } })).status).toBe(200);
    expect((await complete(first, 'countersign', 'tm', {
      countersignature: { countersignView: 'disagree', countersignReasons: 'ROSH is Very High', countersignDecision: 'return-ratings', countersignedOn: ON },
    })).status).toBe(200);
    expect((await complete(first, 'conclusions', 'cm', rated('very-high'))).status).toBe(200);

    const second = await start(caseId);
    expect((await complete(second, 'infoGathering', 'cm', { ...base, assessment: { reason: 'review', informationGatheredOn: ON } })).status).toBe(200);
    expect((await complete(second, 'conclusions', 'cm', rated('medium'))).status).toBe(200);

    const items = await assessments(caseId);
    expect(items.map((i) => [i.values.reason, i.values.roshRating, i.values.roshRationale])).toEqual([
      ['community-order', 'very-high', 'Weapon carried'], ['review', 'medium', 'Weapon carried'],
    ]);
    expect(items[0].values).toMatchObject({
      countersignView: 'disagree', countersignReasons: 'ROSH is Very High', countersignDecision: 'return-ratings',
      riskMeetingHeldOn: ON, contingencyAgreedOn: ON, planCompletedOn: ON,
    });
    expect(items[1].values.countersignView).toBeUndefined();
    // The process decides on the item it amends: its variables name the same item.
    expect((await api.engine!.getInstance(first))?.variables.ratings).toMatchObject({ id: items[0].id, roshRating: 'very-high' });
  });
});
