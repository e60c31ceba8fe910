// The shipped out-of-court-disposal process and its real forms through the HTTP routes, engine and database: the
// offence and its gravity score become an item of offending.offences; the outcome is ONE item of
// offending.outcomes that the panel creates and every later form (police decision, YCC requirements, exit)
// amends by disposal.id — so a second disposal on the same case is a second item, not an overwrite; each victim's
// views are an item of victims.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startTasksCasesApi, type Person, type TasksCasesApi } from '../../support/tasks-cases-api';

const root = path.resolve(__dirname, '../../..');
const read = (dir: string, name: string) => ({ name, content: readFileSync(path.join(root, dir, name), 'utf8') });
const files = {
  forms: readdirSync(path.join(root, 'forms')).filter((f) => f.startsWith('oocd-')).map((f) => read('forms', f)),
  processes: [read('processes', 'out-of-court-disposal.bpmn')],
};
interface Item { id: string; label: string; values: Record<string, unknown> }

describe('out-of-court disposal: offences and outcomes as items', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const offending = async () => (await api.call('GET', `/cases/${caseId}`, 'tm')).body.sections.offending.collections as Record<string, Item[]>;
  const openTask = async (instanceKey: string, elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)!;
  const complete = async (who: Person, instanceKey: string, elementId: string, data: unknown) => {
    const r = await api.call('POST', `/tasks/${(await openTask(instanceKey, elementId)).key}/complete`, who, { data });
    expect([elementId, r.status, r.body.error?.fields ?? r.body.error]).toEqual([elementId, 200, undefined]);
    await api.engine!.runDue();
  };
  async function disposal(type: string, offence: string) {
    const { instanceKey: i } = await api.engine!.startInstance('out-of-court-disposal', {
      caseId, referralReceivedAt: '2026-11-23T09:00:00Z', bailDate: '2026-11-30T09:00:00Z',
    }, { businessKey: caseId });
    await api.engine!.runDue();
    await complete('cm', i, 'pdat', { assessmentDate: '2026-11-30', factorsForDesistance: 'x', recommendedOutcome: type,
      offence: { offence, offenceDate: '2026-11-20', gravityScore: '2' } });
    await complete('vw', i, 'victimViews', { victimViews: [{ victimName: `${offence} victim A`, victimContacted: true, views: 'wants an apology' }, { victimName: `${offence} victim B`, victimContacted: false, noContactReason: 'declined' }] });
    const conditions = type === 'youth-conditional-caution' ? { proposedConditions: 'reparation' } : {};
    await complete('tm', i, 'panel', { disposal: { type, decidedOn: '2026-12-10', decisionReasons: 'r', policeInformedOn: '2026-12-10', ...conditions } });
    await complete('cm', i, 'policeDecision', { policeDecision: { type, policeDecidedOn: '2026-12-11' } });
    return i;
  }

  beforeAll(async () => {
    api = await startTasksCasesApi('oocd-records', { engine: true, files });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('one disposal: one offence item and one outcome item that later forms amend, ending with whether it was completed', async () => {
    const i = await disposal('youth-conditional-caution', 'Theft');
    await complete('cm', i, 'yccRequirements', { yccRequirements: { evidence: true, sufficientToCharge: true, admitted: true, explainedAndWarned: true,
      sixteenOrUnder: true, appropriateAdultPresent: true, documentSigned: true, conditions: 'reparation', givenOn: '2026-12-14' } });
    await complete('cm', i, 'programme', { yccProgress: { status: 'complied' } });
    await complete('cm', i, 'exit', { disposalEnd: { completed: 'yes', endedOn: '2027-03-01' }, eteAtEnd: 'suitable', accommodationAtEnd: 'suitable', exitSummary: 's' });
    expect((await api.engine!.getInstance(i))?.state).toBe('completed');
    const { offences, outcomes } = await offending();
    expect(offences.map((o) => [o.label, o.values.gravityScore])).toEqual([['Theft', '2']]);
    expect(outcomes).toHaveLength(1);
    expect(outcomes[0].values).toMatchObject({ type: 'youth-conditional-caution', policeInformedOn: '2026-12-10', admitted: true, status: 'complied', completed: 'yes' });
  });

  it('a second disposal on the same case is a second offence and a second outcome; the first is untouched', async () => {
    const before = (await offending()).outcomes[0];
    await disposal('community-resolution', 'Criminal damage');
    const { offences, outcomes } = await offending();
    expect(offences.map((o) => o.label)).toEqual(['Theft', 'Criminal damage']);
    expect(outcomes.map((o) => o.values.type)).toEqual(['youth-conditional-caution', 'community-resolution']);
    expect(outcomes[0]).toEqual(before);
  });

  it("each victim's views are their own item of victims, not one map per case", async () => {
    const items = (await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims.collections.victims as Item[];
    expect(items.map((v) => [v.label, v.values.victimContacted ?? false])).toEqual([
      ['Theft victim A', true], ['Theft victim B', false], ['Criminal damage victim A', true], ['Criminal damage victim B', false]]);
    expect(items[0].values.views).toBe('wants an apology');
  });
});
