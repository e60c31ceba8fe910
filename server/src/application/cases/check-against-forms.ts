// A correction is held to the rules of the form that asks for the field (issue 18): the deployed forms'
// component for that key in that section (or collection), compiled alone by forms-core — the same rules
// the task form and the client's "Correct a value" apply. A key no deployed form writes is left to the
// section's own rules (section-rules.ts); clearing a value (null or "") is checked there too.
import { validateSubmission } from '../../forms-core';
import type { CaseSection } from '../../domain/cases/case-section';
import type { FieldErrors } from '../../forms-core';
import type { FieldCatalogueSource } from './field-catalogue';

export async function checkAgainstForms(
  catalogue: FieldCatalogueSource, section: CaseSection, changes: Record<string, unknown>, collection?: string,
): Promise<FieldErrors> {
  const known = (await catalogue.get()).fields[section];
  const fields = collection ? known?.items[collection] : known?.fields;
  const errors: FieldErrors = {};
  for (const [key, value] of Object.entries(changes)) {
    const field = fields?.[key];
    if (!field || value === null || value === '' || field.type === 'group' || field.type === 'dynamiclist') continue;
    // Two forms may ask for the same key differently (options, bounds): a value one of them accepts stands.
    const results = [field.component, ...(field.alternatives ?? [])].map((component) => validateSubmission({ id: 'correction', components: [component] }, { [key]: value }));
    const first = results[0];
    if (!results.some((r) => r.ok) && !first.ok) errors[key] = Object.values(first.errors)[0] ?? 'Enter a valid value';
  }
  return errors;
}
