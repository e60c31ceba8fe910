import { describeFields, filterBySection, sectionsOf, type FormDefinition } from '../../../server/src/forms-core';

const form: FormDefinition = {
  id: 'intake',
  components: [
    { id: 'n', type: 'textfield', key: 'name', label: 'Name', properties: { section: 'personal' } },
    { id: 'g', type: 'group', label: 'Health', path: 'health', properties: { section: 'health', sensitivity: 'special-category' }, components: [
      { id: 'm', type: 'textarea', key: 'mental', label: 'Mental health' },
      { id: 'gp', type: 'textfield', key: 'gp', label: 'GP', properties: { section: 'personal', sensitivity: 'standard' } },
    ] },
    { id: 'l', type: 'dynamiclist', path: 'victims', label: 'Victims', components: [
      { id: 'vn', type: 'textfield', key: 'name', label: 'Victim name', properties: { section: 'victims' } },
      { id: 'vr', type: 'textfield', key: 'ref', label: 'Reference' },
    ] },
    { id: 'x', type: 'text', text: 'display only', properties: { section: 'ignored' } },
  ],
};

describe('form sections', () => {
  it('lists every answer with its section and sensitivity, inherited from groups', () => {
    expect(describeFields(form)).toEqual([
      { path: 'name', type: 'textfield', label: 'Name', section: 'personal' },
      { path: 'health.mental', type: 'textarea', label: 'Mental health', section: 'health', sensitivity: 'special-category' },
      { path: 'health.gp', type: 'textfield', label: 'GP', section: 'personal', sensitivity: 'standard' },
      { path: 'victims[].name', type: 'textfield', label: 'Victim name', section: 'victims' },
      { path: 'victims[].ref', type: 'textfield', label: 'Reference' },
    ]);
    expect(sectionsOf(form)).toEqual(['', 'health', 'personal', 'victims']);
  });

  it('drops answers of sections the reader may not see, inside groups and list rows', () => {
    const data = { name: 'Sam', health: { mental: 'CAMHS', gp: 'Dr A' }, victims: [{ name: 'V1', ref: 'R1' }, { name: 'V2' }] };
    expect(filterBySection(form, data, (s) => s === 'personal')).toEqual({ name: 'Sam', health: { gp: 'Dr A' }, victims: [{ ref: 'R1' }, {}] });
    expect(filterBySection(form, data, () => true)).toEqual(data);
    expect(data.health.mental).toBe('CAMHS'); // the input is not mutated
  });
});
