// Checks of the collection convention (form-collections.ts) for the form checker. A mistake here would
// put a victim's answers in the wrong place for ever (a flat value overwritten by the next form, or an
// item nobody can find), so it is refused at deploy with the component named.
import { feelSyntaxError } from './form-conditions';
import { collectionNameOf, collectionsOfForm, COLLECTION_NAME } from './form-collections';
import { isInput, isPlainObject, ownSegments } from './form-tree';
import type { FormComponent, FormDefinitionProblem } from './form.types';

type Add = (c: FormComponent, jsonPath: string, message: string) => void;

export function checkCollections(components: FormComponent[]): FormDefinitionProblem[] {
  const problems: FormDefinitionProblem[] = [];
  const add: Add = (c, path, message) => problems.push({ path, componentId: c.id, message: `${c.type}${c.id || c.path ? ` "${c.id ?? c.path}"` : ''} at ${path}: ${message}` });
  walk(components, 'components', add, false, undefined);
  for (const clash of flatClashes(components)) problems.push({ path: 'components', message: clash });
  return problems;
}

function walk(list: FormComponent[], base: string, add: Add, inList: boolean, collection: string | undefined): void {
  list.forEach((c, i) => {
    if (!isPlainObject(c)) return;
    const path = `${base}[${i}]`;
    const name = collectionNameOf(c);
    if (name) {
      if (!(c.type === 'group' || c.type === 'dynamiclist') || typeof c.path !== 'string' || !c.path.trim()) add(c, path, 'property collection is only for a group with a path or a dynamic list (its values become the items)');
      else if (!COLLECTION_NAME.test(name)) add(c, path, `collection "${name}" must be a camelCase name (letters and digits, starting with a lower-case letter), such as "victims"`);
      else if (inList || collection) add(c, path, `collection "${name}" cannot sit inside ${collection ? `collection "${collection}"` : 'a dynamic list'}`);
      for (const prop of ['itemId', 'itemLabel'] as const) {
        const expr = c.properties?.[prop];
        if (expr !== undefined && (!expr.trim() || feelSyntaxError(expr))) add(c, path, `property ${prop} is not valid FEEL`);
      }
    } else if (c.properties?.itemId !== undefined || c.properties?.itemLabel !== undefined) {
      add(c, path, 'properties itemId and itemLabel need properties.collection on the same group or list');
    }
    if (collection && isInput(c) && c.key === 'id') add(c, path, `key "id" is the item's id in collection "${collection}"; name the field differently`);
    if (Array.isArray(c.components)) walk(c.components, `${path}.components`, add, inList || c.type === 'dynamiclist', collection ?? name);
  });
}

/** Sections and names of the collections, and where they are not usable: no section, or mixed ones. */
function flatClashes(components: FormComponent[]): string[] {
  const messages: string[] = [];
  const specs = collectionsOfForm(components);
  for (const spec of specs) {
    const sections = [...new Set(spec.fields.map((f) => f.section ?? spec.section))];
    if (!spec.section) messages.push(`collection "${spec.collection}" needs a case section: set properties.section on its group or list (or the same one on all its fields)`);
    else if (sections.some((s) => s !== spec.section)) messages.push(`collection "${spec.collection}": all its fields must be in section "${spec.section}" (one item lives in one section)`);
  }
  const flat = flatKeys(components, undefined);
  for (const spec of specs) {
    if (flat.has(`${spec.section}|${spec.collection}`)) {
      messages.push(`section "${spec.section}" has both a collection "${spec.collection}" and a field "${spec.collection}": a name is either a list of items or one value; rename one`);
    }
  }
  return messages;
}

/** `section|topKey` of every value outside collections (what lands as a flat value of a section). */
export function flatKeys(list: FormComponent[], inherited: string | undefined, top?: string, out = new Set<string>()): Set<string> {
  for (const c of list ?? []) {
    if (!isPlainObject(c) || collectionNameOf(c)) continue;
    const section = isPlainObject(c.properties) && typeof c.properties.section === 'string' ? c.properties.section : inherited;
    const key = top ?? ownSegments(c)[0];
    if (isInput(c) && key && section) out.add(`${section}|${key}`);
    if (Array.isArray(c.components)) flatKeys(c.components, section, key, out);
  }
  return out;
}
