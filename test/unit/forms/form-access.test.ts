// Fields of sections a user may not write (issue 15 §2): not offered (served disabled), and a submission
// carrying one is refused naming the field's label — never silently dropped.
import { answeredFieldsOutside, assertAnswersWritable, offeredForm } from '../../../server/src/domain/forms/form-access';
import { ForbiddenError } from '../../../server/src/domain/errors';
import { validateSubmission, type FormDefinition } from '../../../server/src/forms-core';

const form: FormDefinition = {
  id: 'pdat', type: 'default',
  components: [
    { id: 'a', type: 'textarea', key: 'factors', label: 'Factors for desistance', properties: { section: 'assessments' } },
    { id: 'h', type: 'textarea', key: 'healthNotes', label: 'Health needs (health tab)', properties: { section: 'health' } },
    { id: 'g', type: 'group', label: 'Victim', path: 'victim', properties: { section: 'victims' }, components: [
      { id: 'v', type: 'textfield', key: 'views', label: 'Victim views' },
      { id: 'p', type: 'textfield', key: 'plan', label: 'Plan note', properties: { section: 'plans' } },
    ] },
    { id: 'n', type: 'textfield', key: 'note', label: 'Note without a section' },
  ],
} as FormDefinition;
const CASE_MANAGER = ['personal', 'family', 'education', 'offending', 'assessments', 'plans', 'agencies', 'documents'];

describe('answers in sections the user may not write', () => {
  it('names the answered fields outside the writable sections (group sections inherited, a child may override)', () => {
    const data = { factors: 'x', healthNotes: 'CAMHS', victim: { views: 'wants apology', plan: 'p' }, note: 'n' };
    expect(answeredFieldsOutside(form, data, CASE_MANAGER).map((f) => f.label)).toEqual(['Health needs (health tab)', 'Victim views']);
    expect(answeredFieldsOutside(form, { factors: 'x', healthNotes: '', victim: { plan: 'p' } }, CASE_MANAGER)).toEqual([]);
  });

  it('refuses with 403 SECTION_NOT_WRITABLE naming the field by its label', () => {
    let error: unknown;
    try {
      assertAnswersWritable(form, { factors: 'x', healthNotes: 'CAMHS' }, CASE_MANAGER);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ForbiddenError);
    expect(error).toMatchObject({ code: 'SECTION_NOT_WRITABLE' });
    expect((error as Error).message).toContain('"Health needs (health tab)"');
    expect((error as Error).message).toContain('Health');
    expect(() => assertAnswersWritable(form, { factors: 'x' }, CASE_MANAGER)).not.toThrow();
  });

  it('serves those fields disabled, and the stored form still validates a crafted value (so it is refused, not stripped)', () => {
    const offered = offeredForm(form, CASE_MANAGER);
    const byKey = (components: FormDefinition['components'], key: string): any => components.flatMap((c) => [c, ...(c.components ?? [])]).find((c) => c.key === key);
    expect(byKey(offered.components, 'healthNotes').disabled).toBe(true);
    expect(byKey(offered.components, 'views').disabled).toBe(true);
    expect(byKey(offered.components, 'plan').disabled).toBeUndefined();
    expect(byKey(offered.components, 'factors').disabled).toBeUndefined();
    expect(byKey(form.components, 'healthNotes').disabled).toBeUndefined(); // the stored version is unchanged
    const checked = validateSubmission(form, { factors: 'x', healthNotes: 'CAMHS' }, { now: new Date('2026-11-24T10:00:00Z') });
    expect(checked.ok && checked.value.healthNotes).toBe('CAMHS');
  });
});
