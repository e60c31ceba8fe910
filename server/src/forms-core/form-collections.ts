// The form convention for repeating case entities (docs/forms.md, "Repeating entities of a case"): a `group` with a `path`, or a
// `dynamiclist` with a `path`, whose `properties.collection` names a collection writes its values as ITEMS
// of that collection in its section, not as one field. `properties.itemId` (FEEL over the process
// variables and the form's data) names the item a group amends; `properties.itemLabel` (FEEL over the
// item's own values) names an item in lists and the audit. One walker, used by the checker, the schema
// compiler (which lets a list row carry its item's `id`), the section filter and the server's case writes.
import { isContainer, isGroup, isInput, isPlainObject, labelOf, ownSegments } from './form-tree';
import type { FormComponent } from './form.types';

/** Item ids travel in URLs, audit lines and process variables: letters, digits, - and _ only (no `$`, no `.`). */
export const ITEM_ID = /^[A-Za-z0-9_-]{1,64}$/;
/** Collection names are camelCase (`victims`, `hearings`): they become keys of stored documents. */
export const COLLECTION_NAME = /^[a-z][A-Za-z0-9]{0,63}$/;

export interface CollectionField {
  /** The field's key relative to the item (its value sits at this dotted path inside the item). */
  key: string;
  label: string;
  section?: string;
}

export interface CollectionSpec {
  collection: string;
  /** Data path of the group or list in the submission ("victim", "details.offences"). */
  segments: string[];
  list: boolean;
  /** The group's own section, else the nearest enclosing one, else its fields' (undefined when none or mixed). */
  section?: string;
  itemId?: string;
  itemLabel?: string;
  label: string;
  fields: CollectionField[];
  component: FormComponent;
}

export const collectionNameOf = (c: FormComponent): string | undefined => {
  const name = isPlainObject(c.properties) ? c.properties.collection : undefined;
  return typeof name === 'string' && name.trim() ? name.trim() : undefined;
};

/**
 * Every collection group or list of a form, outside dynamic lists (a collection inside a list, or inside
 * another collection, is refused by the checker and ignored here).
 */
export function collectionsOfForm(components: FormComponent[]): CollectionSpec[] {
  const out: CollectionSpec[] = [];
  const visit = (list: FormComponent[], base: string[], inherited: string | undefined) => {
    for (const c of list ?? []) {
      if (!isPlainObject(c)) continue;
      const own = isPlainObject(c.properties) && typeof c.properties.section === 'string' ? c.properties.section : undefined;
      const section = own ?? inherited;
      const segments = [...base, ...ownSegments(c)];
      const name = collectionNameOf(c);
      if (name && isContainer(c) && typeof c.path === 'string' && c.path.trim()) {
        const fields = fieldsOf(c.components ?? [], [], section);
        const fieldSections = [...new Set(fields.map((f) => f.section))];
        out.push({
          collection: name, segments, list: c.type === 'dynamiclist', label: labelOf(c), fields, component: c,
          section: section ?? (fieldSections.length === 1 ? fieldSections[0] : undefined),
          ...(typeof c.properties?.itemId === 'string' && c.properties.itemId.trim() ? { itemId: c.properties.itemId } : {}),
          ...(typeof c.properties?.itemLabel === 'string' && c.properties.itemLabel.trim() ? { itemLabel: c.properties.itemLabel } : {}),
        });
      } else if (isGroup(c) && Array.isArray(c.components)) visit(c.components, segments, section);
    }
  };
  visit(components, [], undefined);
  return out;
}

function fieldsOf(list: FormComponent[], base: string[], inherited: string | undefined): CollectionField[] {
  const out: CollectionField[] = [];
  for (const c of list ?? []) {
    if (!isPlainObject(c)) continue;
    const section = isPlainObject(c.properties) && typeof c.properties.section === 'string' ? c.properties.section : inherited;
    const segments = [...base, ...ownSegments(c)];
    if (isInput(c)) out.push({ key: segments.join('.'), label: labelOf(c), ...(section ? { section } : {}) });
    else if (isGroup(c) && Array.isArray(c.components)) out.push(...fieldsOf(c.components, segments, section));
  }
  return out;
}
