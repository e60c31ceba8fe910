// Which case section each submitted value belongs to, read from the form by the one rule forms-core's
// describeFields applies (a field's own `properties.section`, else the nearest enclosing group's). Values are
// placed by their top-level key (a group with a `path` or a dynamic list travels as one object/array), so a
// whole group lands in one section — deploy refuses a group whose fields name different sections
// (form-sections-check.ts). Fields without a section stay on the submission only. Collection groups and
// lists (properties.collection) are the exception: their values become items (form-collection-items.ts).
import type { FormDefinition } from '../../forms-core';
import { describeFields } from '../../forms-core/form-sections';
import { topKeyOf } from '../../forms-core/form-sections-check';
import { isCaseSection, type CaseSection } from './case-section';
import type { SectionValues } from './case-record';
import type { ItemPatch } from './case-collections';
import { itemsOfSubmission, withoutCollections, type NewItemId } from './form-collection-items';

export function sectionOfKeys(form: Pick<FormDefinition, 'components'>): Map<string, CaseSection> {
  const map = new Map<string, CaseSection>();
  for (const field of describeFields({ id: '', components: form.components ?? [] })) {
    const top = topKeyOf(field.path);
    if (top && isCaseSection(field.section) && !map.has(top)) map.set(top, field.section);
  }
  return map;
}

/** Splits validated submission data into one patch of flat values per section (collections left out). */
export function splitBySection(form: Pick<FormDefinition, 'components'>, data: SectionValues): Map<CaseSection, SectionValues> {
  const keys = sectionOfKeys(form);
  const patches = new Map<CaseSection, SectionValues>();
  for (const [key, value] of Object.entries(withoutCollections(form, data))) {
    const section = keys.get(key);
    if (!section) continue;
    const patch = patches.get(section) ?? {};
    patch[key] = value;
    patches.set(section, patch);
  }
  return patches;
}

export interface SectionPatch {
  values: SectionValues;
  items: ItemPatch[];
}

/** Flat values and collection items of a submission, per section it writes. */
export function splitSubmission(form: Pick<FormDefinition, 'components'>, data: SectionValues, fallbackId: NewItemId): Map<CaseSection, SectionPatch> {
  const parts = new Map<CaseSection, SectionPatch>();
  for (const [section, values] of splitBySection(form, data)) parts.set(section, { values, items: [] });
  for (const [section, items] of itemsOfSubmission(form, data, fallbackId)) parts.set(section, { values: parts.get(section)?.values ?? {}, items });
  // In the order the answers come (the form's order), as the sections of flat values always were.
  const keys = sectionOfKeys(form);
  const order = [...new Set(Object.keys(data).map((k) => keys.get(k)).filter((s): s is CaseSection => !!s && parts.has(s)))];
  return new Map([...order, ...parts.keys()].map((s) => [s, parts.get(s)!]));
}

/** Sections a form can write to (to check a user's write permission before they fill it in). */
export const sectionsOfForm = (form: Pick<FormDefinition, 'components'>): CaseSection[] => [...new Set(sectionOfKeys(form).values())];
