// The field-label catalogue: for every case section, the fields the deployed forms write there — their
// label, type, options (value → label) and the form component itself (so a correction can be validated by
// the same compiled rules as the form). Flat values by key, collection items by collection then field.
// Built from the latest version of every form; where two forms write the same key, the most recently
// deployed one's wording wins (a form's new wording replaces the old, as stored labels do).
import { collectionNameOf } from '../../forms-core/form-collections';
import { hasOptions, isContainer, isInput, isPlainObject, labelOf, normaliseOptions, ownSegments } from '../../forms-core/form-tree';
import type { FormComponent, FormDefinition, FormOption } from '../../forms-core';
import { isCaseSection, type CaseSection } from '../cases/case-section';

export interface CatalogueField {
  key: string;
  label: string;
  /** The form-js component type (textfield, select, datetime…). */
  type: string;
  /** Static options, in the form's order; absent for options a process supplies at run time. */
  options?: FormOption[];
  /** The component as the form declares it (key set to `key`): compiled alone to validate a correction. */
  component: FormComponent;
  /** Other forms' (older) definitions of the same key, when they differ: a value any of them accepts is valid. */
  alternatives?: FormComponent[];
}

export interface SectionCatalogue {
  fields: Record<string, CatalogueField>;
  /** Collection → field → entry. */
  items: Record<string, Record<string, CatalogueField>>;
  /** Collection → its title as the form's group says it ("The order"). */
  collections: Record<string, string>;
}

export type FieldCatalogue = Partial<Record<CaseSection, SectionCatalogue>>;

export interface CatalogueForm {
  deployedAt: string;
  schema: Pick<FormDefinition, 'components'>;
}

const sectionOf = (c: FormComponent, inherited: string | undefined): string | undefined =>
  isPlainObject(c.properties) && typeof c.properties.section === 'string' ? c.properties.section : inherited;

function entry(c: FormComponent & { key: string }, key: string): CatalogueField {
  const options = hasOptions(c) ? normaliseOptions(c.values) : undefined;
  const { components: _nested, conditional: _hide, ...own } = c;
  return { key, label: labelOf(c), type: c.type, ...(options?.length ? { options } : {}), component: { ...own, key } };
}

/** Keeps the newest definition of a key; a differing older one is kept as an alternative. */
function add(map: Record<string, CatalogueField>, c: FormComponent & { key: string }, key: string): void {
  const next = entry(c, key);
  const kept = map[key];
  if (!kept) map[key] = next;
  else if (JSON.stringify(kept.component) !== JSON.stringify(next.component)) (kept.alternatives ??= []).push(next.component);
}

function sectionCatalogue(out: FieldCatalogue, section: CaseSection): SectionCatalogue {
  return (out[section] ??= { fields: {}, items: {}, collections: {} });
}

/** Adds one form's fields; keys already present (from a newer form) are kept. */
function addForm(out: FieldCatalogue, components: FormComponent[]): void {
  const visit = (list: FormComponent[], inherited: string | undefined, nested: boolean) => {
    for (const c of list ?? []) {
      if (!isPlainObject(c)) continue;
      const section = sectionOf(c, inherited);
      const collection = collectionNameOf(c);
      if (collection && isContainer(c) && !nested) {
        if (isCaseSection(section)) sectionCatalogue(out, section).collections[collection] ??= labelOf(c);
        addItemFields(out, collection, c.components ?? [], section, []);
        continue;
      }
      // Only top-level keys are fields of a section: a group with a path travels as one value.
      if (isInput(c) && !nested && isCaseSection(section) && !c.key.includes('.')) {
        add(sectionCatalogue(out, section).fields, c, c.key);
      }
      const path = typeof c.path === 'string' ? c.path.trim() : '';
      if (isContainer(c) && path && !path.includes('.') && !nested && isCaseSection(section)) {
        sectionCatalogue(out, section).fields[path] ??= { key: path, label: labelOf(c), type: c.type, component: { type: c.type, key: path, label: labelOf(c) } };
      }
      if (Array.isArray(c.components)) visit(c.components, section, nested || ownSegments(c).length > 0);
    }
  };
  visit(components, undefined, false);
}

function addItemFields(out: FieldCatalogue, collection: string, list: FormComponent[], inherited: string | undefined, base: string[]): void {
  for (const c of list ?? []) {
    if (!isPlainObject(c)) continue;
    const section = sectionOf(c, inherited);
    const segments = [...base, ...ownSegments(c)];
    if (isInput(c) && isCaseSection(section) && segments.length === 1) {
      const items = (sectionCatalogue(out, section).items[collection] ??= {});
      add(items, c, segments[0]);
    } else if (c.type === 'group' && Array.isArray(c.components)) addItemFields(out, collection, c.components, section, segments);
  }
}

/** The catalogue of these forms (latest versions), newest deployment's wording first. */
export function buildFieldCatalogue(forms: readonly CatalogueForm[]): FieldCatalogue {
  const out: FieldCatalogue = {};
  const newestFirst = [...forms].sort((a, b) => b.deployedAt.localeCompare(a.deployedAt));
  for (const f of newestFirst) addForm(out, f.schema.components ?? []);
  return out;
}

/** "dateOfBirth" → "Date of birth": the words for a key no deployed form labels (an old form's field). */
export function spellOutKey(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
