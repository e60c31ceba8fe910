// The disposals a case can have had, in words: the options of the `type` field of offending.outcomes and
// offending.orders items in the deployed forms (court outcome, out-of-court decision, allocation…), read from
// the field-label catalogue, which is rebuilt only when a form is deployed. Where forms offer the same value
// with different wording, the newest form's wording is used.
import { DISPOSAL_COLLECTIONS } from '../../domain/cases/case-search-row';
import { normaliseOptions } from '../../forms-core/form-tree';
import type { FieldCatalogueSource } from './field-catalogue';
import type { PathwayOption, PathwayOptionsSource } from './pathway-options';

export function disposalOptionsFrom(catalogue: Pick<FieldCatalogueSource, 'get'>): PathwayOptionsSource {
  return async () => {
    const offending = (await catalogue.get()).fields.offending;
    const labels = new Map<string, string>();
    for (const collection of DISPOSAL_COLLECTIONS) {
      const field = offending?.items[collection]?.type;
      for (const component of field ? [field.component, ...(field.alternatives ?? [])] : []) {
        for (const o of normaliseOptions(component.values) ?? []) if (!labels.has(String(o.value))) labels.set(String(o.value), o.label);
      }
    }
    return [...labels].map(([value, label]): PathwayOption => ({ value, label })).sort((a, b) => a.label.localeCompare(b.label));
  };
}
