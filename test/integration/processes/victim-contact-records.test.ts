// The shipped victim-contact process and its real forms through the HTTP routes, engine and database: two victims
// of one case, each in their own instance, each writing only their own item of the case's victims list — the
// first form creates the item (no victimId at the start), every later form amends it by victim.id, and one
// victim's withdrawal reaches only their own process and item.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const root = path.resolve(__dirname, '../../..');
const read = (dir: string, name: string) => ({ name, content: readFileSync(path.join(root, dir, name), 'utf8') });
const files = {
  forms: readdirSync(path.join(root, 'forms')).filter((f) => f.startsWith('victim-')).map((f) => read('forms', f)),
  processes: [read('processes', 'victim-contact.bpmn')],
};
interface Item { id: string; label: string; values: Record<string, unknown> }

describe('victim contact: one record per victim', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const victims = async (): Promise<Item[]> => (await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims.collections?.victims ?? [];
  const openTask = async (instanceKey: string, elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)!;
  const complete = async (instanceKey: string, elementId: string, data: unknown) => {
    const r = await api.call('POST', `/tasks/${(await openTask(instanceKey, elementId)).key}/complete`, 'vw', { data });
    await api.engine!.runDue();
    return r;
  };
  const start = async () => {
    const { instanceKey } = await api.engine!.startInstance('victim-contact', {
      caseId, crimeReportedAt: '2026-11-23T09:00:00Z', detailsReceivedAt: '2026-11-24T09:00:00Z', victimObjected: false, enhancedRights: false,
    }, { businessKey: caseId });
    await api.engine!.runDue();
    return instanceKey;
  };

  beforeAll(async () => {
    api = await startTasksCasesApi('victim-records', { engine: true, files });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it("records each victim's decision, contact and withdrawal on their own item only", async () => {
    const first = await start();
    const second = await start();
    const decide = (i: string, name: string, rjDecision: string) =>
      complete(i, 'suitability', { victim: { victimName: name, rjDecision, suitabilityReasons: 'r', suitabilityDecidedOn: '2026-11-24' } });
    expect((await decide(first, 'Ann', 'suitable')).status).toBe(200);
    expect((await decide(second, 'Bo', 'not-suitable')).status).toBe(200);
    const [ann, bo] = await victims();
    expect([ann.label, bo.label]).toEqual(['Ann', 'Bo']);
    expect(ann.id).not.toBe(bo.id);

    const contacted = await complete(second, 'contactInfo', { victimContact: {
      contactDate: '2026-11-25', contactMethod: 'phone', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes' } });
    expect(contacted.status).toBe(200);
    expect(contacted.body.submission.data.victimContact.id).toBe(bo.id);
    await complete(first, 'contact', { victimContact: {
      contactDate: '2026-11-25', contactMethod: 'visit', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'no', rjConsent: 'consents' } });
    let [a, b] = await victims();
    expect(a.values).toMatchObject({ victimName: 'Ann', rjDecision: 'suitable', contactMethod: 'visit', rjConsent: 'consents', keepInformed: 'no' });
    expect(b.values).toMatchObject({ victimName: 'Bo', rjDecision: 'not-suitable', contactMethod: 'phone', keepInformed: 'yes' });
    expect(b.values).not.toHaveProperty('rjConsent');

    // Ann withdraws all consent: keyed by her item id, only her process and her item change.
    expect((await api.engine!.publishMessage('consent-withdrawn', ann.id, {})).correlated).toBe(true);
    await api.engine!.runDue();
    await complete(first, 'recordWithdrawal', { victimWithdrawal: { withdrawnOn: '2026-11-30', contactConsent: 'withdrawn', contactStopped: true } });
    [a, b] = await victims();
    expect(a.values).toMatchObject({ contactConsent: 'withdrawn', contactStopped: true });
    expect(b.values).toMatchObject({ contactConsent: 'yes' });
    expect((await api.engine!.getInstance(first))?.state).toBe('completed');
    expect((await openTask(second, 'keepInformed'))).toBeDefined();
  });
});
