// A value is stored in the case record by its top-level key: a group with a path (or a dynamic list) travels
// as one object into one section. So every field under one top-level key must name the same section (or
// none); otherwise the record would file, say, a health answer under Offending while the submission's read
// filter hid it by its own section — two rules for one answer. Collections are exempt: their items are
// filed per collection (form-collections.ts). Refused at deploy with the key and the sections named.
import { collectionsOfForm } from './form-collections';
import { describeFields } from './form-sections';
import type { FormComponent, FormDefinitionProblem } from './form.types';

export function checkSectionsPerKey(components: FormComponent[]): FormDefinitionProblem[] {
  const collections = new Set(collectionsOfForm(components).map((s) => s.segments[0]));
  const sectionsByKey = new Map<string, Set<string>>();
  for (const field of describeFields({ id: 'check', components } as never)) {
    const top = topKeyOf(field.path);
    if (collections.has(top)) continue;
    const seen = sectionsByKey.get(top) ?? new Set<string>();
    seen.add(field.section ?? '');
    sectionsByKey.set(top, seen);
  }
  return [...sectionsByKey]
    .filter(([, sections]) => sections.size > 1)
    .map(([key, sections]) => ({
      path: key,
      message: `"${key}" is stored as one value, but its fields name different case-record sections (${[...sections].map((s) => s || 'none').sort().join(', ')}): give the group one section, or move the fields out of it`,
    }));
}

/** The first segment of a field's data path ("order.type" → "order", "contacts[].date" → "contacts"). */
export const topKeyOf = (path: string): string => path.split('.')[0].replace(/\[\]$/, '');
