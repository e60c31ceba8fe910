// Names of Object.prototype as field keys or answer keys: yup looked them up among the form's fields,
// found Object's own members and threw a TypeError (a 500 on completion); a form keyed `constructor`
// deployed and then refused every submission. Both are now refused by name, as data.
import { deployForm } from '../../../server/src/application/deploy-form';
import { ValidationError } from '../../../server/src/domain/errors';
import { checkFormDefinition, validateSubmission } from '../../../server/src/forms-core';

const PROTOTYPE_NAMES = ['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf', 'isPrototypeOf', 'propertyIsEnumerable', 'toLocaleString', '__defineGetter__'];
const form = {
  id: 'f',
  components: [
    { id: 'name', type: 'textfield', key: 'name', label: 'Name' },
    { id: 'addr', type: 'group', path: 'address', components: [{ id: 'pc', type: 'textfield', key: 'postcode', label: 'Postcode' }] },
    { id: 'rows', type: 'dynamiclist', path: 'contacts', components: [{ id: 'cn', type: 'textfield', key: 'who', label: 'Who' }] },
  ],
};

describe('reserved names (Object.prototype members)', () => {
  it.each(PROTOTYPE_NAMES)('refuses answers keyed %s at any depth, naming the key, without throwing', (key) => {
    const shapes: Array<[string, string]> = [
      [`{"${key}": "x"}`, key],
      [`{"${key}": {"a": 1}}`, key],
      [`{"address": {"${key}": "x"}}`, `address.${key}`],
      [`{"contacts": [{"who": "a"}, {"${key}": "x"}]}`, `contacts[1].${key}`],
    ];
    for (const [json, path] of shapes) {
      const result = validateSubmission(form as never, JSON.parse(json));
      expect(result).toEqual({ ok: false, errors: { [path]: `"${key}" is a reserved name and cannot be used as a field name` } });
    }
  });

  it('still accepts ordinary answers, stored as plain objects', () => {
    const result = validateSubmission(form as never, { name: 'Sam', address: { postcode: 'N1 1AA' }, contacts: [{ who: 'Mum' }] });
    expect(result).toEqual({ ok: true, value: { name: 'Sam', address: { postcode: 'N1 1AA' }, contacts: [{ who: 'Mum' }] } });
    if (result.ok) expect(Object.getPrototypeOf(result.value.address)).toBe(Object.prototype);
  });

  it.each(['constructor', 'toString', 'address.valueOf', '__proto__'])('refuses a form whose key is %s, naming the key and the component', (key) => {
    const problems = checkFormDefinition({ id: 'f', components: [{ id: 'Field_bad', type: 'textfield', key, label: 'Bad' }] });
    expect(problems).toHaveLength(1);
    expect(problems[0]).toMatchObject({ componentId: 'Field_bad' });
    expect(problems[0].message).toContain(`textfield "Field_bad"`);
    expect(problems[0].message).toContain(`is a reserved name`);
    expect(problems[0].message).toContain(`"${key.split('.').pop()}"`);
  });

  it('refuses a group or list path that is a reserved name', () => {
    const problems = checkFormDefinition({ id: 'f', components: [{ id: 'G', type: 'dynamiclist', path: 'hasOwnProperty', components: [] }] });
    expect(problems.map((p) => p.message)).toEqual([expect.stringContaining('"hasOwnProperty" is a reserved name')]);
  });

  it('refuses such a form at deploy (nothing stored)', async () => {
    const rows: unknown[] = [];
    const forms = { latest: async () => undefined, append: async (v: unknown) => void rows.push(v) } as never;
    const deploy = deployForm({ forms, clock: { now: () => new Date() } }, { system: true }, { id: 'f', components: [{ id: 'C', type: 'textfield', key: 'constructor' }] });
    await expect(deploy).rejects.toBeInstanceOf(ValidationError);
    await expect(deploy).rejects.toMatchObject({ message: expect.stringContaining('constructor') });
    expect(rows).toEqual([]);
  });
});
