// The shared case table (test/support/form-cases.ts) through the HTTP API: the same answers the unit
// suite expects from validateSubmission, as 422 bodies or as the stored submission.
import { formCaseGroups } from '../../support/form-cases';
import { startFormsApi, type FormsApi } from '../../support/forms-api';

let api: FormsApi;
beforeAll(async () => {
  api = await startFormsApi('formcases');
  for (const g of formCaseGroups) {
    const res = await api.call('POST', '/forms', 'manager', { schema: g.form, comment: 'Test deploy' });
    if (res.status !== 201) throw new Error(`deploy ${g.form.id}: ${res.status} ${JSON.stringify(res.body)}`);
  }
});
afterAll(() => api.close());

describe.each(formCaseGroups.map((g) => [g.form.id, g] as const))('POST /api/forms/%s/submissions', (formId, group) => {
  it.each(group.cases.map((c) => [c.name, c] as const))('%s', async (_name, c) => {
    const res = await api.call('POST', `/forms/${formId}/submissions`, 'worker', { data: c.data, caseId: 'case-1' });
    if (c.expect.ok) {
      expect(res.status).toBe(201);
      expect(res.body).toMatchObject({ formId, version: 1, data: c.expect.value, submittedBy: 'worker-1', caseId: 'case-1' });
      // What is stored is exactly the validated value: hidden fields and blanks are not kept.
      const stored = await api.call('GET', `/submissions/${res.body.id}`, 'worker');
      expect(stored.body.data).toEqual(c.expect.value);
    } else {
      expect(res.status).toBe(422);
      expect(res.body).toEqual({ error: { code: 'FORM_INVALID', message: 'Some answers need correcting' }, errors: c.expect.errors });
    }
  });
});
