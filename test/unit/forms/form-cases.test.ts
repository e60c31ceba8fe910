// Runs the shared case table (test/support/form-cases.ts) against the shared validator; the integration
// suite runs the same table through the HTTP API.
import { checkFormDefinition, validateSubmission } from '../../../server/src/forms-core';
import { CASES_NOW, formCaseGroups } from '../../support/form-cases';

describe.each(formCaseGroups.map((g) => [g.form.id, g] as const))('form %s', (_id, group) => {
  it('is a valid definition', () => {
    expect(checkFormDefinition(group.form)).toEqual([]);
  });
  it.each(group.cases.map((c) => [c.name, c] as const))('%s', (_name, c) => {
    const result = validateSubmission(group.form, c.data, { now: CASES_NOW });
    if (c.expect.ok) expect(result).toEqual({ ok: true, value: c.expect.value });
    else expect(result).toEqual({ ok: false, errors: c.expect.errors });
  });
});
