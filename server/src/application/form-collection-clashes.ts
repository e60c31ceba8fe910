// One name in one section is either a collection of items or one flat value, across all forms: a form
// writing `victims.victims` as a field would otherwise sit beside another form's list of victims, and
// readers could not tell which is the record. Checked over the files in forms/ at start and, for a form
// deployed through the API, against the latest version of every other form.
import { collectionsOfForm } from '../forms-core/form-collections';
import { flatKeys } from '../forms-core/form-collections-check';
import type { FormComponent } from '../forms-core';

export interface NamedForm {
  /** How the message names the form (its file name, or its id). */
  name: string;
  components: unknown;
}

export interface CollectionClash {
  section: string;
  name: string;
  /** The form with the flat field, and the one with the collection. */
  flatIn: string;
  listIn: string;
}

export function collectionClashes(forms: readonly NamedForm[]): CollectionClash[] {
  const lists = new Map<string, string>();
  const flats = new Map<string, string>();
  for (const form of forms) {
    const components = Array.isArray(form.components) ? (form.components as FormComponent[]) : [];
    for (const spec of collectionsOfForm(components)) if (spec.section && !lists.has(`${spec.section}|${spec.collection}`)) lists.set(`${spec.section}|${spec.collection}`, form.name);
    for (const key of flatKeys(components, undefined)) if (!flats.has(key)) flats.set(key, form.name);
  }
  const clashes: CollectionClash[] = [];
  for (const [key, listIn] of lists) {
    const flatIn = flats.get(key);
    const [section, name] = key.split('|');
    if (flatIn && flatIn !== listIn) clashes.push({ section, name, flatIn, listIn });
  }
  return clashes;
}

export const clashMessage = (c: CollectionClash): string =>
  `field "${c.name}" of section "${c.section}" in ${c.flatIn} clashes with collection "${c.name}" of ${c.listIn}: a name is either a list of items or one value; rename one`;
