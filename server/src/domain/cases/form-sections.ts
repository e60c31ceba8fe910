// Which case section each submitted value belongs to, read from the form: a field's own
// `properties.section`, else the nearest enclosing group's. Values are placed by their top-level key
// (a group with a `path` or a dynamic list travels as one object/array), so a whole group lands in
// one section. Fields without a section stay on the submission only. Collection groups and lists
// (properties.collection) are the exception: their values become items (form-collection-items.ts).
import type { FormComponent, FormDefinition } from '../../forms-core';
import { isInput, ownSegments } from '../../forms-core/form-tree';
import { isCaseSection, type CaseSection } from './case-section';
import type { SectionValues } from './case-record';
import type { ItemPatch } from './case-collections';
import { itemsOfSubmission, withoutCollections, type NewItemId } from './form-collection-items';

export function sectionOfKeys(form: Pick<FormDefinition, 'components'>): Map<string, CaseSection> {
  const map = new Map<string, CaseSection>();
  const visit = (components: FormComponent[], inherited: CaseSection | undefined, topKey: string | undefined) => {
    for (const c of components ?? []) {
      if (!c || typeof c !== 'object') continue;
      const own = c.properties?.section;
      const section = isCaseSection(own) ? own : inherited;
      const top = topKey ?? ownSegments(c)[0];
      if (isInput(c) && top && section && !map.has(top)) map.set(top, section);
      if (Array.isArray(c.components)) visit(c.components, section, top);
    }
  };
  visit(form.components, undefined, undefined);
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
