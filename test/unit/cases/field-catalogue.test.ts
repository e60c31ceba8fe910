// The field-label catalogue over form schemas: labels per section key from the latest forms (the newest
// deployment's wording wins), option labels, item fields per collection, a group's path as one field, and
// the cache that is rebuilt when a form is deployed.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { buildFieldCatalogue } from '../../../server/src/domain/forms/field-catalogue';
import { createFieldCatalogue } from '../../../server/src/application/cases/field-catalogue';
import type { FormVersion } from '../../../server/src/domain/forms/form-version';

const form = (components: unknown[]) => ({ components }) as FormVersion['schema'];
const personal = form([
  { type: 'text', text: '# Referral' },
  { type: 'textfield', key: 'givenName', label: 'Given name', properties: { section: 'personal' } },
  { type: 'datetime', subtype: 'date', key: 'dateOfBirth', dateLabel: 'Date of birth', properties: { section: 'personal' } },
  { type: 'group', path: 'address', label: 'Home address', properties: { section: 'personal' }, components: [{ type: 'textfield', key: 'postcode', label: 'Postcode' }] },
  { type: 'textfield', key: 'notOnRecord', label: 'Kept on the submission only' },
]);

describe('buildFieldCatalogue', () => {
  it('labels each section key as the form says, a datetime by its date label, a group path by the group', () => {
    const c = buildFieldCatalogue([{ deployedAt: '2026-01-01T00:00:00Z', schema: personal }]);
    expect(c.personal!.fields.givenName).toMatchObject({ label: 'Given name', type: 'textfield' });
    expect(c.personal!.fields.dateOfBirth).toMatchObject({ label: 'Date of birth', type: 'datetime', component: { subtype: 'date', key: 'dateOfBirth' } });
    expect(c.personal!.fields.address).toMatchObject({ label: 'Home address', type: 'group' });
    expect(c.personal!.fields.postcode).toBeUndefined(); // inside the group's value, not a field of the section
    expect(JSON.stringify(c)).not.toContain('notOnRecord');
  });

  it('takes the wording of the most recently deployed form when two forms write the same key', () => {
    const older = form([{ type: 'textfield', key: 'givenName', label: 'First name', properties: { section: 'personal' } }]);
    const c = buildFieldCatalogue([{ deployedAt: '2026-01-01T00:00:00Z', schema: personal }, { deployedAt: '2025-01-01T00:00:00Z', schema: older }]);
    expect(c.personal!.fields.givenName.label).toBe('Given name');
    const d = buildFieldCatalogue([{ deployedAt: '2024-01-01T00:00:00Z', schema: personal }, { deployedAt: '2025-01-01T00:00:00Z', schema: older }]);
    expect(d.personal!.fields.givenName.label).toBe('First name');
  });

  it('reads the shipped forms: the assessment ratings with their option labels, the orders collection item fields', () => {
    const read = (name: string) => ({ deployedAt: '2026-01-01T00:00:00Z', schema: JSON.parse(readFileSync(path.join(__dirname, '../../../forms', name), 'utf8')) });
    const c = buildFieldCatalogue([read('assetplus-explanations-conclusions.form'), read('yro-order.form')]);
    const rosh = c.assessments!.items.assessments.roshRating;
    expect(rosh.label).toBe('Risk of serious harm (ROSH)');
    expect(rosh.options).toContainEqual({ value: 'very-high', label: expect.stringMatching(/^Very high/i) });
    expect(c.offending!.items.orders.requirements).toMatchObject({ type: 'checklist', label: 'Requirements' });
    expect(c.offending!.items.orders.requirements.options!.length).toBeGreaterThan(3);
    expect(c.offending!.collections.orders).toBeDefined();
  });
});

describe('createFieldCatalogue (the cache)', () => {
  const version = (formId: string, label: string, deployedAt: string): FormVersion => ({
    formId, version: 1, contentHash: 'h', deployedAt, deployedBy: 'u', source: 'file',
    schema: { id: formId, components: [{ type: 'textfield', key: 'givenName', label, properties: { section: 'personal' } }] },
  });

  it('builds once, and again only after a deploy (the deploy count moved)', async () => {
    let stored = version('f', 'Given name', '2026-01-01T00:00:00Z');
    let deploys = 0;
    const reads = { list: 0 };
    const forms = {
      listLatest: async () => { reads.list++; return [{ ...stored, schema: undefined, title: 'Referral' }] as never; },
      getVersion: async () => stored,
    };
    const catalogue = createFieldCatalogue({ forms, deployCount: () => deploys });
    expect((await catalogue.get()).fields.personal!.fields.givenName.label).toBe('Given name');
    expect((await catalogue.get()).formTitles.f).toBe('Referral');
    expect(reads.list).toBe(1);
    stored = version('f', 'First name', '2026-02-01T00:00:00Z');
    expect((await catalogue.get()).fields.personal!.fields.givenName.label).toBe('Given name'); // nothing deployed here: kept
    deploys++;
    expect((await catalogue.get()).fields.personal!.fields.givenName.label).toBe('First name');
    expect(reads.list).toBe(2);
  });
});
