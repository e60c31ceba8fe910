// Repeating entities of a case through the real HTTP routes, engine and database: two victims recorded
// by a real task form (`properties.collection: "victims"`), the second's consent given by a later task
// whose form names the item with `itemId: "=victim.id"` — the first victim is never touched.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { applySubmissionToCase } from '../../../server/src/application/cases/apply-submission-to-case';
import { submissionItemIds } from '../../../server/src/application/cases/item-ids';
import { submissionIdForTask } from '../../../server/src/application/tasks/get-task';
import { recoverCompletions } from '../../../server/src/application/tasks/recover-completions';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const fixture = (name: string) => ({ name, content: readFileSync(path.join(__dirname, 'fixtures', name), 'utf8') });
const files = {
  forms: [fixture('test-victim-add.form'), fixture('test-victim-consent.form')],
  processes: [fixture('test-victim-items.bpmn')],
};
interface Item { id: string; label: string; values: Record<string, unknown>; sources: Record<string, { submissionId?: string; amendmentSeq: number }> }

describe('case collections: victims as items', () => {
  let api: TasksCasesApi;
  let caseId: string;
  const victims = async (): Promise<Item[]> => (await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims.collections.victims;
  const openTask = async (instanceKey: string, elementId: string) =>
    (await api.engine!.listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)!;
  const start = async (id: string, variables: Record<string, unknown> = {}) => {
    const { instanceKey } = await api.engine!.startInstance('test-victim-items', { victim: null, ...variables, caseId: id }, { businessKey: id });
    await api.engine!.runDue();
    return instanceKey;
  };
  const complete = (taskKey: string, data: unknown) => api.call('POST', `/tasks/${taskKey}/complete`, 'vw', { data });

  let ann: string;
  let bo: string;
  let secondInstance: string;
  let consentSubmission: string;

  beforeAll(async () => {
    api = await startTasksCasesApi('collections', { engine: true, files });
    caseId = (await api.call('POST', '/cases', 'cm', { givenName: 'Ada', familyName: 'Jones', dateOfBirth: '2010-02-03', team: 'east' })).body.id;
  });
  afterAll(() => api.close());

  it('adds one item per submission, with the server-given id written into the answers and the process variables', async () => {
    const first = await start(caseId);
    const second = await start(caseId);
    secondInstance = second;
    const a = await complete((await openTask(first, 'addVictim')).key, { victim: { name: 'Ann', contactConsent: 'yes' } });
    const b = await complete((await openTask(second, 'addVictim')).key, { victim: { name: 'Bo', contactConsent: 'no' } });
    expect([a.status, b.status]).toEqual([200, 200]);
    ann = a.body.submission.data.victim.id;
    bo = b.body.submission.data.victim.id;
    expect(ann).toMatch(/^i[0-9a-f]{20}$/);
    expect(bo).not.toBe(ann);
    expect((await api.engine!.getInstance(second))?.variables.victim).toEqual({ name: 'Bo', contactConsent: 'no', id: bo });
    const items = await victims();
    expect(items.map((i) => [i.id, i.label, i.values])).toEqual([[ann, 'Ann', { name: 'Ann', contactConsent: 'yes' }], [bo, 'Bo', { name: 'Bo', contactConsent: 'no' }]]);
    expect(items[0].sources.name).toMatchObject({ submissionId: a.body.submission.id, amendmentSeq: 1 });
    const record = (await api.call('GET', `/cases/${caseId}`, 'vw')).body;
    expect(record.sections.victims.labels).toEqual({ items: { victims: { name: "Victim's name", contactConsent: 'Does the victim agree to be contacted?' } } });
  });

  it("the second victim's consent (itemId =victim.id) amends only the second victim; a retried completion changes nothing", async () => {
    const second = await openTask(secondInstance, 'recordConsent');
    const done = await complete(second.key, { consent: { rjConsent: 'no' } });
    expect(done.status).toBe(200);
    consentSubmission = done.body.submission.id;
    expect(done.body.submission.data.consent.id).toBe(bo);
    const again = await complete(second.key, { consent: { rjConsent: 'yes' } });
    expect(again.body).toMatchObject({ repeated: true, amendedSections: [] });
    const [a, b] = await victims();
    expect(a.values).toEqual({ name: 'Ann', contactConsent: 'yes' });
    expect(Object.values(a.sources).map((s) => s.amendmentSeq)).toEqual([1, 1]);
    expect(b.values).toEqual({ name: 'Bo', contactConsent: 'no', rjConsent: 'no' });
    expect(b.sources.rjConsent).toMatchObject({ submissionId: consentSubmission, amendmentSeq: 3 });
  });

  it('the audit event and the amendment history name the item', async () => {
    const events = api.audit.filter((e) => e.action === 'case.write' && e.after?.submissionId === consentSubmission);
    expect(events).toHaveLength(1);
    expect(events[0].after?.fields).toEqual([`victims.victims[${bo}].rjConsent`]);
    const [latest] = (await api.call('GET', `/cases/${caseId}/amendments?section=victims&limit=1`, 'vw')).body.items;
    expect(latest.changes).toEqual([{ collection: 'victims', item: bo, itemLabel: 'Bo', field: 'rjConsent', value: 'no' }]);
  });

  it('a completion stored before a crash, finished twice, creates its item once', async () => {
    const instance = await start(caseId);
    const task = await openTask(instance, 'addVictim');
    await api.repos.tasks.claim(task.key, 'vw-1', '2026-11-24T10:00:00.000Z');
    // As complete-task stores it: the id is already in the answers.
    const id = 'i0000000000000000cafe';
    await api.repos.submissions.create({
      id: submissionIdForTask(task.key), formId: 'test-victim-add', version: 1, data: { victim: { name: 'Cy', id } },
      submittedBy: 'vw-1', submittedAt: '2026-11-24T10:01:00.000Z', taskId: task.key, caseId,
    });
    for (let i = 0; i < 2; i++) expect((await complete(task.key, { victim: { name: 'typed again' } })).body.repeated).toBe(true);
    const items = await victims();
    expect(items.map((v) => v.values.name)).toEqual(['Ann', 'Bo', 'Cy']);
    expect(items[2].id).toBe(id);
  });

  it('start-up recovery of a submission stored without ids (an older server) names its item the same way every time', async () => {
    const instance = await start(caseId);
    const task = await openTask(instance, 'addVictim');
    await api.repos.tasks.claim(task.key, 'vw-1', '2026-11-24T10:00:00.000Z');
    const id = submissionIdForTask(task.key);
    await api.repos.submissions.create({
      id, formId: 'test-victim-add', version: 1, data: { victim: { name: 'Dot' } }, submittedBy: 'vw-1', submittedAt: '2026-11-24T10:02:00.000Z', taskId: task.key, caseId,
    });
    const deps = { ...api.repos, engine: api.engine!, audit: api.auditLog, users: { findById: async () => ({ roles: ['victim-workers'] }) } };
    expect((await recoverCompletions(deps)).finished).toBe(1);
    await applySubmissionToCase({ cases: api.repos.cases }, { ...(await api.repos.submissions.get(id))!, caseId }, (await api.repos.forms.getVersion('test-victim-add', 1))!.schema);
    const dots = (await victims()).filter((v) => v.values.name === 'Dot');
    expect(dots.map((v) => v.id)).toEqual([submissionItemIds(id)('victim', 0)]);
  });

  it("an itemId naming another case's item cannot reach it: items are looked up in this case only", async () => {
    const other = (await api.call('POST', '/cases', 'cm', { givenName: 'Eve', familyName: 'Stone', dateOfBirth: '2011-03-04', team: 'east' })).body.id;
    const before = await victims();
    const foreign = await start(other, { victim: { id: ann } }); // goes straight to the consent task
    const done = await complete((await openTask(foreign, 'recordConsent')).key, { consent: { rjConsent: 'yes' } });
    expect(done.status).toBe(200);
    expect(await victims()).toEqual(before);
    const there = (await api.call('GET', `/cases/${other}`, 'vw')).body.sections.victims.collections.victims as Item[];
    expect(there.map((v) => v.values)).toEqual([{ rjConsent: 'yes' }]);
  });

  it('a user without victims access sees neither the list nor its items, in the record or the history', async () => {
    const record = await api.call('GET', `/cases/${caseId}`, 'cm');
    const history = await api.call('GET', `/cases/${caseId}/amendments`, 'cm');
    expect(record.body.withheldSections).toContain('victims');
    for (const text of [record.text, history.text]) {
      for (const secret of ['Ann', 'Bo', 'rjConsent', ann, bo]) expect(text).not.toContain(secret);
    }
  });

  it('a manual amendment changes one item and adds another, with a reason, naming the item in the audit', async () => {
    const amended = await api.call('PATCH', `/cases/${caseId}/sections/victims/collections/victims/${ann}`, 'tm', { changes: { rjConsent: 'yes' }, reason: 'told us by phone' });
    expect(amended.status).toBe(200);
    const [a, b] = amended.body.sections.victims.collections.victims as Item[];
    expect(a.values).toEqual({ name: 'Ann', contactConsent: 'yes', rjConsent: 'yes' });
    expect(b.values).toEqual({ name: 'Bo', contactConsent: 'no', rjConsent: 'no' });
    expect(api.audit.find((e) => e.reason === 'told us by phone')).toMatchObject({ sections: ['victims'], before: { [`victims[${ann}].rjConsent`]: null }, after: { [`victims[${ann}].rjConsent`]: 'yes' } });
    const added = await api.call('POST', `/cases/${caseId}/sections/victims/collections/victims`, 'tm', { changes: { name: 'Fay' }, reason: 'second police report' });
    expect(added.status).toBe(201);
    const items = added.body.sections.victims.collections.victims as Item[];
    expect(items.at(-1)).toMatchObject({ id: added.body.addedItemId, label: 'Victim 5', values: { name: 'Fay' } });
    // Flat values keep working beside the lists; one name is either a value or a list.
    const flat = await api.call('PATCH', `/cases/${caseId}/sections/victims`, 'tm', { changes: { summary: 'two victims known' }, reason: 'note' });
    expect(flat.status).toBe(200);
    expect(flat.body.sections.victims.values).toEqual({ summary: 'two victims known' });
    expect(flat.body.sections.victims.collections.victims).toEqual(items);
    const clash = await api.call('POST', `/cases/${caseId}/sections/victims/collections/summary`, 'tm', { changes: { name: 'x' }, reason: 'r' });
    expect(clash.body.errors).toEqual({ collection: 'summary is one value of this section, not a list of items' });
  });

  it('refuses hostile or wrong input with 4xx and changes nothing', async () => {
    const before = (await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims;
    const item = (id: string) => `/cases/${caseId}/sections/victims/collections/victims/${encodeURIComponent(id)}`;
    const tries = await Promise.all([
      api.call('PATCH', item('$where'), 'tm', { changes: { rjConsent: 'no' }, reason: 'r' }),
      api.call('PATCH', item('nope'), 'tm', { changes: { rjConsent: 'no' }, reason: 'r' }),
      api.call('PATCH', item(ann), 'tm', { changes: { rjConsent: { $gt: '' } }, reason: 'r' }),
      api.call('PATCH', item(ann), 'tm', { changes: { rjConsent: { nested: 1 } }, reason: 'r' }),
      api.call('PATCH', item(ann), 'tm', { changes: 'yes', reason: 'r' }),
      api.call('PATCH', item(ann), 'tm', { changes: { id: 'other' }, reason: 'r' }),
      api.call('PATCH', item(ann), 'cm', { changes: { rjConsent: 'no' }, reason: 'r' }),
      api.call('PATCH', `/cases/${caseId}/sections/victims`, 'tm', { changes: { victims: 'none' }, reason: 'r' }),
      api.call('POST', `/cases/${caseId}/sections/victims/collections/Bad$Name`, 'tm', { changes: { name: 'x' }, reason: 'r' }),
      api.call('POST', `/cases/${caseId}/sections/victims/collections/victims`, 'tm', { changes: { name: 'x' }, reason: '' }),
    ]);
    expect(tries.map((t) => t.status)).toEqual([404, 404, 422, 422, 422, 422, 403, 422, 422, 422]);
    expect(tries[1].body.error.message).toMatch(/No item "nope" in the victims of this case/);
    expect((await api.call('GET', `/cases/${caseId}`, 'vw')).body.sections.victims).toEqual(before);
  });
});
