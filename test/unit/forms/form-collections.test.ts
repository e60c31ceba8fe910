// The form convention for repeating case entities: what the checker accepts and what a list row may carry.
import { deployForm } from '../../../server/src/application/deploy-form';
import { deployFormFiles } from '../../../server/src/application/deploy-form-files';
import { checkFormDefinition, filterBySection, validateSubmission, type FormDefinition } from '../../../server/src/forms-core';

const form = (components: unknown[]) => ({ id: 'f', type: 'default', components }) as FormDefinition;
const messages = (f: unknown) => checkFormDefinition(f).map((p) => p.message);
const victimGroup = (properties: Record<string, string>, components: unknown[] = [{ type: 'textfield', key: 'name', label: 'Name' }]) =>
  ({ id: 'g', type: 'group', path: 'victim', label: 'Victim', properties, components });

describe('collections in forms: the checker', () => {
  it('accepts a collection group or list with a path, camelCase name, section and FEEL itemId/itemLabel', () => {
    expect(messages(form([
      victimGroup({ collection: 'victims', section: 'victims', itemId: '=victim.id', itemLabel: '=name' }),
      { type: 'dynamiclist', path: 'hearings', properties: { collection: 'hearings' }, components: [{ type: 'textfield', key: 'court', properties: { section: 'offending' } }] },
    ]))).toEqual([]);
  });

  it('refuses collection on an input or a group without a path, a name not camelCase, and nesting', () => {
    expect(messages(form([{ id: 't', type: 'textfield', key: 'x', properties: { collection: 'victims', section: 'victims' } }])))
      .toEqual([expect.stringMatching(/textfield "t" at components\[0\]: property collection is only for a group with a path or a dynamic list/)]);
    expect(messages(form([{ id: 'g', type: 'group', properties: { collection: 'victims', section: 'victims' }, components: [] }])))
      .toEqual([expect.stringMatching(/only for a group with a path/)]);
    expect(messages(form([victimGroup({ collection: 'Victims-list', section: 'victims' })]))).toEqual([expect.stringMatching(/must be a camelCase name/)]);
    expect(messages(form([{ type: 'dynamiclist', path: 'rows', components: [victimGroup({ collection: 'victims', section: 'victims' })] }])))
      .toEqual([expect.stringMatching(/cannot sit inside a dynamic list/)]);
    expect(messages(form([victimGroup({ collection: 'victims', section: 'victims', itemId: '=victim.' })]))).toEqual([expect.stringMatching(/itemId is not valid FEEL/)]);
  });

  it('refuses a collection without a section, an "id" field inside one, and a flat field of the same name in the section', () => {
    expect(messages(form([victimGroup({ collection: 'victims' })]))).toEqual([expect.stringMatching(/collection "victims" needs a case section/)]);
    expect(messages(form([victimGroup({ collection: 'victims', section: 'victims' }, [{ type: 'textfield', key: 'id' }])])))
      .toEqual([expect.stringMatching(/key "id" is the item's id/)]);
    expect(messages(form([
      victimGroup({ collection: 'victims', section: 'victims' }),
      { type: 'textfield', key: 'victims', properties: { section: 'victims' } },
    ]))).toEqual(['section "victims" has both a collection "victims" and a field "victims": a name is either a list of items or one value; rename one']);
  });

  it('refuses the same clash across two form files at deploy, naming both', async () => {
    const list = { id: 'a', components: [victimGroup({ collection: 'victims', section: 'victims' })] };
    const flat = { id: 'b', components: [{ type: 'textfield', key: 'victims', properties: { section: 'victims' } }] };
    const deps = { forms: { latest: async () => undefined, append: async () => undefined }, clock: { now: () => new Date() } } as never;
    await expect(deployFormFiles(deps, [{ name: 'a.form', text: JSON.stringify(list) }, { name: 'b.form', text: JSON.stringify(flat) }]))
      .rejects.toMatchObject({ errors: { 'b.form': 'field "victims" of section "victims" in b.form clashes with collection "victims" of a.form: a name is either a list of items or one value; rename one' } });
  });

  it('refuses the clash when a manager deploys a form through the API, against the latest of every other form', async () => {
    const list = { formId: 'a', version: 1, schema: { id: 'a', components: [victimGroup({ collection: 'victims', section: 'victims' })] } };
    const forms = { listLatest: async () => [{ formId: 'a', version: 1 }], latest: async (id: string) => (id === 'a' ? list : undefined), append: async () => undefined };
    const deps = { forms, clock: { now: () => new Date() } } as never;
    const manager = { system: false as const, actor: { id: 'tm-1', roles: ['team-managers'] }, comment: 'Unit test deploy' } as never;
    await expect(deployForm(deps, manager, { id: 'b', components: [{ type: 'textfield', key: 'victims', properties: { section: 'victims' } }] }))
      .rejects.toMatchObject({ code: 'INVALID_FORM', message: expect.stringMatching(/field "victims" of section "victims" in this form \(b\) clashes with collection "victims" of a/) });
    await expect(deployForm(deps, manager, { id: 'b', components: [{ type: 'textfield', key: 'other', properties: { section: 'victims' } }] })).resolves.toMatchObject({ created: true });
  });
});

describe('collections in forms: submissions', () => {
  const f = form([{ type: 'dynamiclist', path: 'hearings', label: 'Hearings', properties: { collection: 'hearings', section: 'offending' }, components: [{ type: 'textfield', key: 'court' }] }]);
  it('lets a row of a collection list name its item by id, a well-formed one only', () => {
    expect(validateSubmission(f, { hearings: [{ court: 'Leeds', id: 'i1' }] })).toEqual({ ok: true, value: { hearings: [{ court: 'Leeds', id: 'i1' }] } });
    const bad = validateSubmission(f, { hearings: [{ court: 'Leeds', id: '$where' }] });
    expect(bad).toEqual({ ok: false, errors: { 'hearings[0].id': 'The item id may hold only letters, digits, - and _' } });
  });
  it('still refuses an id in a group (its item comes from itemId only) and in a list that is no collection', () => {
    const g = form([victimGroup({ collection: 'victims', section: 'victims' })]);
    expect(validateSubmission(g, { victim: { name: 'A', id: 'x' } })).toMatchObject({ ok: false, errors: { 'victim.id': 'This is not a field of this form' } });
    const plain = form([{ type: 'dynamiclist', path: 'rows', components: [{ type: 'textfield', key: 'a' }] }]);
    expect(validateSubmission(plain, { rows: [{ a: 'x', id: 'i1' }] })).toMatchObject({ ok: false });
  });
});

describe('collections in forms: reading a submission', () => {
  it("drops a hidden collection's item id with its values (a reader without the section learns no item exists)", () => {
    const f = form([
      victimGroup({ collection: 'victims', section: 'victims' }),
      { type: 'dynamiclist', path: 'rows', properties: { collection: 'hearings', section: 'victims' }, components: [{ type: 'textfield', key: 'court' }] },
      { type: 'textfield', key: 'note', properties: { section: 'plans' } },
    ]);
    const data = { victim: { name: 'Ann', id: 'i1' }, rows: [{ court: 'Leeds', id: 'i2' }], note: 'n' };
    expect(filterBySection(f, data, (s) => s !== 'victims')).toEqual({ rows: [{}], note: 'n' });
    expect(filterBySection(f, data, () => true)).toEqual(data);
  });
});
