// What a new form version changes, in words, before a manager deploys it: fields by label (never key),
// options by label, required, sections, and fields inside groups and lists named with their group.
import { diffFormDefinitions, type FormDefinition } from '../../../server/src/forms-core';

const v1: FormDefinition = {
  id: 'f', type: 'default', components: [
    { id: 'a', type: 'textfield', key: 'givenName', label: 'Given name', validate: { required: true } },
    { id: 'b', type: 'select', key: 'outcome', label: 'Outcome', values: [{ label: 'Matched', value: 'matched' }, { label: 'New', value: 'new' }] },
    { id: 'c', type: 'textfield', key: 'nickname', label: 'Nickname' },
    { id: 'g', type: 'group', label: 'School', components: [{ id: 'd', type: 'textfield', key: 'school', label: 'School name', properties: { section: 'education' } }] },
  ],
};
const v2: FormDefinition = {
  id: 'f', type: 'default', components: [
    { id: 'a', type: 'textfield', key: 'givenName', label: 'First name' },
    { id: 'b', type: 'select', key: 'outcome', label: 'Outcome', values: [{ label: 'Matched an existing person', value: 'matched' }, { label: 'Not sure', value: 'unsure' }] },
    { id: 'g', type: 'group', label: 'School', components: [{ id: 'd', type: 'textarea', key: 'school', label: 'School name', properties: { section: 'personal' } }] },
    { id: 'e', type: 'datetime', subtype: 'date', key: 'dateOfBirth', dateLabel: 'Date of birth' },
  ],
};

describe('form diff', () => {
  it('lists fields added, removed and changed by label, with each change in words', () => {
    expect(diffFormDefinitions(v1, v2)).toEqual({
      added: ['Date of birth'],
      removed: ['Nickname'],
      changed: [
        { label: 'First name', changes: ['label “Given name” → “First name”', 'no longer required'] },
        { label: 'Outcome', changes: ['options added: “Not sure”', 'options removed: “New”', 'option “Matched” now reads “Matched an existing person”'] },
        { label: 'School name (in School)', changes: ['type text → long text', 'case section education → personal'] },
      ],
    });
  });

  it('a new form adds every field; the same form changes nothing', () => {
    expect(diffFormDefinitions(undefined, v1).added).toEqual(['Given name', 'Outcome', 'Nickname', 'School name (in School)']);
    expect(diffFormDefinitions(v1, structuredClone(v1))).toEqual({ added: [], removed: [], changed: [] });
  });
});

describe('form diff of an expression field', () => {
  it('says how a computed value changed, naming the type in words', () => {
    const before: FormDefinition = { id: 'f', components: [{ id: 'x', type: 'expression', key: 'total', expression: '=a + b' }] };
    const after: FormDefinition = { id: 'f', components: [{ id: 'x', type: 'expression', key: 'total', expression: '=a * b' }, { id: 'n', type: 'textfield', key: 'n', label: 'N' }] };
    expect(diffFormDefinitions(before, after)).toEqual({ added: ['N'], removed: [], changed: [{ label: 'total', changes: ['how it is computed changed'] }] });
    expect(diffFormDefinitions({ id: 'f', components: [{ id: 'x', type: 'number', key: 'total', label: 'total' }] }, before).changed)
      .toEqual([{ label: 'total', changes: ['type number → computed value'] }]);
  });
});
