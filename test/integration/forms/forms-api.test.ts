// Deploying versions, permissions, drafts and submissions through the HTTP API on the real database.
import { startFormsApi, type FormsApi } from '../../support/forms-api';

let api: FormsApi;
beforeAll(async () => {
  api = await startFormsApi('formsapi');
});
afterAll(() => api.close());

const referral = (label = 'Reason for referral') => ({
  id: 'referral-note',
  type: 'default',
  components: [
    { id: 't', type: 'text', text: '# Referral note' },
    { id: 'r', type: 'textarea', key: 'reason', label, validate: { required: true } },
    { id: 'u', type: 'checkbox', key: 'urgent', label: 'Urgent' },
  ],
});

describe('deploying forms', () => {
  it('creates version 1, returns the same version for the same content (key order ignored), keeps every version', async () => {
    const first = await api.call('POST', '/forms', 'manager', { schema: referral(), comment: 'Test deploy' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ formId: 'referral-note', version: 1, created: true, deployedBy: 'manager-1', source: 'api' });

    const reordered = Object.fromEntries(Object.entries(referral()).reverse());
    const again = await api.call('POST', '/forms', 'manager', { schema: { ...reordered, exporter: { name: 'Camunda Modeler', version: '5.30.0' } }, comment: 'Test deploy' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ version: 1, created: false });

    const second = await api.call('POST', '/forms', 'manager', { schema: referral('Why refer?'), comment: 'Test deploy' });
    expect(second.status).toBe(201);
    expect(second.body.version).toBe(2);

    const versions = await api.call('GET', '/forms/referral-note/versions', 'worker');
    expect(versions.body.items.map((v: { version: number }) => v.version)).toEqual([2, 1]);
    const v1 = await api.call('GET', '/forms/referral-note/versions/1', 'worker');
    expect(v1.body.schema.components[1].label).toBe('Reason for referral');
    const latest = await api.call('GET', '/forms/referral-note', 'worker');
    expect(latest.body.schema.components[1].label).toBe('Why refer?');
    const list = await api.call('GET', '/forms', 'worker');
    expect(list.body.items).toEqual([expect.objectContaining({ formId: 'referral-note', version: 2, title: 'Referral note' })]);
  });

  it('refuses an invalid form with the checker messages naming the component', async () => {
    const res = await api.call('POST', '/forms', 'manager', { schema: { id: 'broken', components: [{ id: 'Field_x', type: 'range', key: 'f' }] }, comment: 'Test deploy' });
    expect(res.status).toBe(422);
    expect(res.body.error.code).toBe('INVALID_FORM');
    expect(res.body.errors['components[0]']).toMatch(/range "Field_x" at components\[0\]: unknown component type "range"/);
    expect((await api.call('GET', '/forms/broken', 'manager')).status).toBe(404);
  });

  it("gives a form without an id its file's name, and refuses a file name that is not text", async () => {
    const schema = { components: [{ id: 'n', type: 'textfield', key: 'nickname', label: 'Nickname' }] };
    const res = await api.call('POST', '/forms', 'manager', { schema, comment: 'From a file', fileName: 'nickname-check.form' });
    expect([res.status, res.body.formId, res.body.schema?.id]).toEqual([201, 'nickname-check', 'nickname-check']);
    const bad = await api.call('POST', '/forms', 'manager', { schema, comment: 'From a file', fileName: 5 });
    expect([bad.status, bad.body.errors]).toEqual([422, { fileName: 'The file name must be 1 to 200 characters' }]);
  });

  it('refuses a section that is not a case-record section (its answers would escape the section rules)', async () => {
    const res = await api.call('POST', '/forms', 'manager', { schema: { id: 'typo', components: [{ id: 'h', type: 'textarea', key: 'h', properties: { section: 'helth' } }] }, comment: 'Test deploy' });
    expect(res.status).toBe(422);
    expect(res.body.errors['components[0]']).toMatch(/property section "helth" is not a case-record section \(personal, /);
  });

  it('offers the checker without deploying', async () => {
    const res = await api.call('POST', '/forms/check', 'manager', { id: 'x', components: [{ type: 'select', key: 's', validate: { required: true } }] });
    expect(res.status).toBe(200);
    expect(res.body.problems).toEqual([expect.objectContaining({ path: 'components[0]', message: expect.stringMatching(/is required but has no options/) })]);
  });

  const note = (label: string) => ({ ...referral(label), id: 'comment-note' });
  it('asks for a comment: none (or a bare definition) is 422 with a message and stores nothing; the comment is kept with the version and audited', async () => {
    for (const body of [note('No comment'), { schema: note('No comment') }, { schema: note('No comment'), comment: '   ' }]) {
      const refused = await api.call('POST', '/forms', 'manager', body);
      expect(refused.status).toBe(422);
      expect(refused.body.errors.comment).toBe(refused.body.error.message);
      expect(refused.body.error.message).toMatch(/^Enter a comment saying why you are deploying this version of the form/);
    }
    const extra = await api.call('POST', '/forms', 'manager', { schema: note('x'), comment: 'ok', $where: '1' });
    expect(extra.status).toBeGreaterThanOrEqual(400);
    expect((await api.call('GET', '/forms/comment-note', 'worker')).status).toBe(404); // nothing stored

    const deployed = await api.call('POST', '/forms', 'manager', { schema: note('Why is the child referred?'), comment: 'Plainer question, as the panel asked' });
    expect(deployed.status).toBe(201);
    expect(deployed.body.comment).toBe('Plainer question, as the panel asked');
    const versions = await api.call('GET', '/forms/comment-note/versions', 'worker');
    expect(versions.body.items[0]).toMatchObject({ version: deployed.body.version, comment: 'Plainer question, as the panel asked', deployedByName: expect.any(String) });
    expect(api.audit.at(-1)).toMatchObject({ action: 'form.deploy', recordId: `comment-note@${deployed.body.version}`, reason: 'Plainer question, as the panel asked' });
  });

  it('lets only managers deploy and only signed-in users read', async () => {
    expect((await api.call('POST', '/forms', 'worker', { schema: referral('x'), comment: 'Test deploy' })).status).toBe(403);
    expect((await api.call('GET', '/forms', undefined)).status).toBe(401);
  });
});

describe('submissions', () => {
  it('records form id and version, who, when and the task, against an older version when asked', async () => {
    const res = await api.call('POST', '/forms/referral-note/submissions', 'worker', { version: 1, data: { reason: 'School concern' }, taskId: 'task-9' });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ formId: 'referral-note', version: 1, data: { reason: 'School concern' }, submittedBy: 'worker-1', submittedAt: '2026-03-10T12:00:00.000Z', taskId: 'task-9' });
    const list = await api.call('GET', '/submissions?taskId=task-9', 'worker');
    expect(list.body.items.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
  });

  it('hides submissions of cases the reader cannot see (404, left out of lists)', async () => {
    const res = await api.call('POST', '/forms/referral-note/submissions', 'manager', { data: { reason: 'Secret' }, caseId: 'c-secret' });
    expect(res.status).toBe(201);
    expect((await api.call('GET', `/submissions/${res.body.id}`, 'worker')).status).toBe(404);
    expect((await api.call('GET', '/submissions?caseId=c-secret', 'worker')).body.items).toEqual([]);
    expect((await api.call('GET', '/submissions?caseId=c-secret', 'manager')).body.items.map((s: { id: string }) => s.id)).toEqual([res.body.id]);
    const blind = await api.call('POST', '/forms/referral-note/submissions', 'worker', { data: { reason: 'x' }, caseId: 'c-secret' });
    expect(blind.status).toBe(404);
    expect(blind.body.error.code).toBe('CASE_NOT_FOUND');
  });

  it('answers 404 for an unknown form and 422 for a missing data object', async () => {
    expect((await api.call('POST', '/forms/nope/submissions', 'worker', { data: {} })).status).toBe(404);
    const res = await api.call('POST', '/forms/referral-note/submissions', 'worker', { data: 'text' });
    expect(res.status).toBe(422);
    expect(res.body.errors).toEqual({ '': 'The form data must be an object' });
  });
});

describe('drafts', () => {
  it('saves partial data without validation, lists, resumes, updates and submits it (then it is gone)', async () => {
    const saved = await api.call('POST', '/drafts', 'worker', { formId: 'referral-note', data: { urgent: 'half-typed', stray: 1 }, caseId: 'case-7' });
    expect(saved.status).toBe(201);
    expect(saved.body).toMatchObject({ formId: 'referral-note', version: 2, ownerId: 'worker-1', data: { urgent: 'half-typed', stray: 1 } });
    const id = saved.body.id;

    expect((await api.call('GET', '/drafts?formId=referral-note', 'worker')).body.items.map((d: { id: string }) => d.id)).toEqual([id]);
    expect((await api.call('GET', '/drafts', 'other')).body.items).toEqual([]);
    expect((await api.call('GET', `/drafts/${id}`, 'other')).status).toBe(403);

    const failed = await api.call('POST', `/drafts/${id}/submit`, 'worker');
    expect(failed.status).toBe(422);
    expect(failed.body.errors).toEqual({ reason: 'Why refer? is required', urgent: 'Urgent must be yes or no', stray: 'This is not a field of this form' });
    expect((await api.call('GET', `/drafts/${id}`, 'worker')).status).toBe(200); // kept after a failed submit

    const updated = await api.call('PUT', `/drafts/${id}`, 'worker', { data: { reason: 'Exclusion', urgent: true } });
    expect(updated.body.data).toEqual({ reason: 'Exclusion', urgent: true });
    const resumed = await api.call('GET', `/drafts/${id}`, 'worker');
    expect(resumed.body.data).toEqual({ reason: 'Exclusion', urgent: true });

    const submitted = await api.call('POST', `/drafts/${id}/submit`, 'worker');
    expect(submitted.status).toBe(201);
    expect(submitted.body).toMatchObject({ formId: 'referral-note', version: 2, caseId: 'case-7', data: { reason: 'Exclusion', urgent: true } });
    expect((await api.call('GET', `/drafts/${id}`, 'worker')).status).toBe(404);
  });

  it('keeps a draft on its form version after a new version is deployed, and discards it', async () => {
    const saved = await api.call('POST', '/drafts', 'worker', { formId: 'referral-note', data: { reason: 'x' } });
    await api.call('POST', '/forms', 'manager', { schema: referral('Reason (v3)'), comment: 'Test deploy' });
    expect((await api.call('GET', `/drafts/${saved.body.id}`, 'worker')).body.version).toBe(2);
    expect((await api.call('DELETE', `/drafts/${saved.body.id}`, 'other')).status).toBe(403);
    expect((await api.call('DELETE', `/drafts/${saved.body.id}`, 'worker')).status).toBe(204);
    expect((await api.call('DELETE', `/drafts/${saved.body.id}`, 'worker')).status).toBe(404);
  });

  it('stores draft keys the database would otherwise interpret', async () => {
    const saved = await api.call('POST', '/drafts', 'worker', { formId: 'referral-note', data: { 'a.b': 'dotted', nested: { 'x.y': [1] } } });
    expect(saved.status).toBe(201);
    expect((await api.call('GET', `/drafts/${saved.body.id}`, 'worker')).body.data).toEqual({ 'a.b': 'dotted', nested: { 'x.y': [1] } });
  });
});

describe('case sections on answers', () => {
  const health = {
    id: 'health-screen',
    components: [
      { id: 'n', type: 'textfield', key: 'school', label: 'School', properties: { section: 'education' } },
      { id: 'g', type: 'group', label: 'Health', path: 'health', properties: { section: 'health', sensitivity: 'restricted' }, components: [
        { id: 'm', type: 'textarea', key: 'mental', label: 'Mental health' },
      ] },
    ],
  };
  beforeAll(async () => {
    expect((await api.call('POST', '/forms', 'manager', { schema: health, comment: 'Test deploy' })).status).toBe(201);
  });

  it('refuses answers in a section the user may not write (403), accepts the rest', async () => {
    const refused = await api.call('POST', '/forms/health-screen/submissions', 'worker', { data: { school: 'Hill', health: { mental: 'CAMHS' } } });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toEqual({
      code: 'SECTION_NOT_WRITABLE',
      message: 'Your role may not record Health information: leave "Mental health" empty for a colleague who can. Nothing was saved.',
    });
    expect((await api.call('POST', '/forms/health-screen/submissions', 'worker', { data: { school: 'Hill', health: { mental: '' } } })).status).toBe(201);
  });

  it('omits answers from sections the reader may not read and says which were withheld', async () => {
    const byManager = await api.call('POST', '/forms/health-screen/submissions', 'manager', { data: { school: 'Vale', health: { mental: 'CAMHS' } }, caseId: 'c-health' });
    expect(byManager.status).toBe(201);
    const asWorker = await api.call('GET', `/submissions/${byManager.body.id}`, 'worker');
    expect(asWorker.body).toMatchObject({ data: { school: 'Vale' }, withheldSections: ['health'] });
    expect(asWorker.body.data.health).toBeUndefined();
    const listed = await api.call('GET', '/submissions?caseId=c-health', 'worker');
    expect(listed.body.items.map((i: { data: unknown }) => i.data)).toEqual([{ school: 'Vale' }]);
    const asManager = await api.call('GET', `/submissions/${byManager.body.id}`, 'manager');
    expect(asManager.body).toMatchObject({ data: { school: 'Vale', health: { mental: 'CAMHS' } }, withheldSections: [] });
  });

  it('audits deploys, submissions and reads with the sections involved', async () => {
    const submitted = await api.call('POST', '/forms/health-screen/submissions', 'manager', { data: { school: 'Oak', health: { mental: 'none' } } });
    const before = api.audit.length;
    await api.call('GET', `/submissions/${submitted.body.id}`, 'worker');
    expect(api.audit.slice(before)).toEqual([{
      actor: { id: 'worker-1', roles: ['case-managers'] }, action: 'submission.read', recordType: 'submission', recordId: submitted.body.id,
      sections: ['education'], after: { formId: 'health-screen', version: 1, withheldSections: ['health'] },
    }]);
    expect(api.audit).toContainEqual(expect.objectContaining({
      action: 'form.submit', recordId: submitted.body.id, sections: ['education', 'health'], actor: { id: 'manager-1', roles: ['team-managers'] },
    }));
    expect(api.audit.filter((e) => e.action === 'form.deploy' && e.recordId?.startsWith('health-screen@')).map((e) => e.recordId)).toEqual(['health-screen@1']);
    // Refused writes store nothing and so record no submission.
    expect(api.audit.filter((e) => e.action === 'form.submit' && e.actor.id === 'worker-1' && e.sections?.includes('health'))).toEqual([]);
  });
});
