import { buildScope, evaluateFeel, feelSyntaxError, isHidden, isReadonly, validateSubmission } from '../../../server/src/forms-core';
import type { FormDefinition } from '../../../server/src/forms-core';

describe('form conditions (FEEL)', () => {
  it('hides when conditional.hide evaluates to true, with or without a leading "="', () => {
    const c = { type: 'textfield', key: 'x', conditional: { hide: '=age < 16' } };
    expect(isHidden(c, { age: 12 })).toBe(true);
    expect(isHidden(c, { age: 16 })).toBe(false);
    expect(isHidden({ ...c, conditional: { hide: 'age < 16' } }, { age: 12 })).toBe(true);
  });

  it('shows the field when the condition cannot be decided (missing variable yields null, not true)', () => {
    expect(isHidden({ type: 'textfield', key: 'x', conditional: { hide: '=missing > 3' } }, {})).toBe(false);
  });

  it('evaluates readonly as boolean or FEEL', () => {
    expect(isReadonly({ type: 'textfield', readonly: true }, {})).toBe(true);
    expect(isReadonly({ type: 'textfield', readonly: '=status = "closed"' }, { status: 'closed' })).toBe(true);
    expect(isReadonly({ type: 'textfield', readonly: '=status = "closed"' }, { status: 'open' })).toBe(false);
  });

  it('gives rows their own values, this, parent and the process variables', () => {
    const scope = buildScope({ team: 'north' }, { kind: 'a' }, { local: { n: 1 }, parent: { kind: 'a' }, index: 2 });
    expect(evaluateFeel('=n = 1 and this.n = 1 and parent.kind = "a" and team = "north" and _i = 2', scope)).toBe(true);
  });

  it('reports syntax errors and accepts valid expressions', () => {
    expect(feelSyntaxError('=a = ')).toBeDefined();
    expect(feelSyntaxError('=a = 1 and b in ["x", "y"]')).toBeUndefined();
  });
});

describe('validateSubmission with context', () => {
  const form: FormDefinition = {
    id: 'ctx',
    components: [
      { id: 's', type: 'select', key: 'worker', label: 'Worker', valuesKey: 'workers' },
      { id: 'r', type: 'radio', key: 'size', label: 'Size', valuesExpression: '=sizes' },
      { id: 'n', type: 'textfield', key: 'reason', label: 'Reason', validate: { required: true }, conditional: { hide: '=risk != "high"' } },
      { id: 'a', type: 'textfield', key: 'address.line1', label: 'Line 1' },
    ],
  };
  const variables = { workers: [{ label: 'Ann', value: 'ann' }], sizes: ['s', 'm'], risk: 'high' };

  it('checks options from process variables (valuesKey, valuesExpression) and conditions on variables', () => {
    expect(validateSubmission(form, { worker: 'bob', size: 'xl' }, { variables })).toEqual({
      ok: false, errors: { worker: 'Worker must be one of the listed options', size: 'Size must be one of the listed options', reason: 'Reason is required' },
    });
    expect(validateSubmission(form, { worker: 'ann', size: 'm', reason: 'r' }, { variables })).toEqual({ ok: true, value: { worker: 'ann', size: 'm', reason: 'r' } });
  });

  it('submitted data wins over a variable of the same name in conditions', () => {
    expect(validateSubmission({ ...form, components: [...form.components, { id: 'k', type: 'textfield', key: 'risk' }] }, { risk: 'low' }, { variables })).toEqual({ ok: true, value: { risk: 'low' } });
  });

  it('nests dotted keys', () => {
    expect(validateSubmission(form, { address: { line1: '1 High St' } }, { variables: { ...variables, risk: 'low' } }))
      .toEqual({ ok: true, value: { address: { line1: '1 High St' } } });
  });

  it('refuses data that is not an object', () => {
    expect(validateSubmission(form, [1, 2])).toEqual({ ok: false, errors: { '': 'The form data must be an object' } });
  });
});

describe('conditions see typed values whether the data holds strings (browser) or JSON (API)', () => {
  const form: FormDefinition = {
    id: 'typed',
    components: [
      { id: 'a', type: 'number', key: 'age', label: 'Age' },
      { id: 'g', type: 'textfield', key: 'guardian', label: 'Guardian', validate: { required: true }, conditional: { hide: '=age >= 16' } },
      { id: 'l', type: 'dynamiclist', path: 'rows', components: [
        { id: 'n', type: 'number', key: 'n', label: 'N' },
        { id: 'm', type: 'textfield', key: 'why', label: 'Why', validate: { required: true }, conditional: { hide: '=n < 10' } },
      ] },
    ],
  };
  // rows: [] — an absent list would have its one default row, whose required field applies (form-list-rows.ts).
  it.each([[15], ['15']])('age %p → guardian shown and required', (age) => {
    expect(validateSubmission(form, { age, rows: [] })).toEqual({ ok: false, errors: { guardian: 'Guardian is required' } });
  });
  it.each([[17], ['17']])('age %p → guardian hidden', (age) => {
    expect(validateSubmission(form, { age, guardian: 'x', rows: [] })).toEqual({ ok: true, value: { age: 17, rows: [] } });
  });
  it('applies inside dynamic-list rows too', () => {
    expect(validateSubmission(form, { age: 17, rows: [{ n: '3' }, { n: '12' }] })).toEqual({ ok: false, errors: { 'rows[1].why': 'Why is required' } });
  });
});

describe('an unchecked definition', () => {
  it('with a broken pattern refuses values instead of throwing or accepting them', () => {
    const form: FormDefinition = { id: 'x', components: [{ id: 'p', type: 'textfield', key: 'p', label: 'P', validate: { pattern: '([a-' } }] };
    expect(validateSubmission(form, { p: 'abc' })).toEqual({ ok: false, errors: { p: 'P is not in the expected format' } });
    expect(validateSubmission(form, {})).toEqual({ ok: true, value: {} });
  });
});
