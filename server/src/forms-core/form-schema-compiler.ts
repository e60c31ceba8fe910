// Form → yup schema. Which fields exist depends on the values (conditional.hide), so the root is a
// yup.lazy that rebuilds the shape from the current values: hidden (and read-only) fields become .strip() (neither
// validated nor kept), keys the form does not know are refused by name, and every visible field gets the
// schema its type and rules say. Used by the Formik renderer and by the server alike.
import * as yup from 'yup';
import { buildScope, isHidden, isReadonly, resolveOptions, type FeelScope } from './form-conditions';
import { localDate } from './form-dates';
import { valuesForConditions } from './form-scope-values';
import { fieldSchema, type FieldEnv } from './form-field-schemas';
import { collectionNameOf, ITEM_ID } from './form-collections';
import { computeExpressions } from './form-expressions';
import { resolveComponent } from './form-resolve';
import { hasOptions, isGroup, isInput, isPlainObject, joinPath, labelOf, ownSegments } from './form-tree';
import type { FormComponent, FormContext, FormDefinition } from './form.types';

interface Entry { segments: string[]; schema: yup.AnySchema }
const stripped = (): yup.AnySchema => yup.mixed().strip() as unknown as yup.AnySchema;
interface Walk { variables?: Record<string, unknown>; root: Record<string, unknown>; today: string; acceptFiles?: boolean }

const itemIdSchema = (): yup.AnySchema =>
  yup.string().typeError('The item id must be text').matches(ITEM_ID, 'The item id may hold only letters, digits, - and _') as unknown as yup.AnySchema;

export const UNKNOWN_FIELD_MESSAGE = 'This is not a field of this form';

export function compileFormSchema(form: FormDefinition, context: FormContext = {}): yup.Schema<Record<string, unknown>> {
  const today = localDate(context.now ?? new Date());
  return yup.lazy((values: unknown) => {
    // Conditions see the expression fields' values as computed here, never as the client sent them.
    const root = computeExpressions(form.components, valuesForConditions(form.components, isPlainObject(values) ? values : {}), context.variables);
    const walk: Walk = { variables: context.variables, root, today, acceptFiles: context.acceptFiles };
    return assemble(entriesFor(form.components, root, buildScope(context.variables, root), false, [], walk), 'The form data');
  }) as unknown as yup.Schema<Record<string, unknown>>;
}

function entriesFor(
  components: FormComponent[], local: Record<string, unknown>, scope: FeelScope, hiddenAbove: boolean, base: string[], walk: Walk,
): Entry[] {
  const entries: Entry[] = [];
  for (const c of components) {
    const hidden = hiddenAbove || isHidden(c, scope);
    const segments = [...base, ...ownSegments(c)];
    if (isInput(c)) {
      // Read-only and disabled fields display values the process already holds: whatever a client sends
      // for them is dropped, so a crafted request cannot overwrite a process variable through them.
      // An expression's value is computed (validateSubmission writes it), so what a client sends is dropped too.
      const locked = isReadonly(c, scope) || c.disabled === true || c.type === 'expression';
      entries.push({ segments, schema: hidden || locked ? stripped() : fieldSchema(resolveComponent(c, scope), envFor(c, scope, walk)) });
    } else if (isGroup(c) && Array.isArray(c.components)) {
      entries.push(...entriesFor(c.components, local, scope, hidden, segments, walk));
    } else if (c.type === 'dynamiclist' && Array.isArray(c.components)) {
      entries.push({ segments, schema: hidden ? stripped() : listSchema(c, local, walk) });
    }
  }
  return entries;
}

/** Each row is its own scope: conditions inside a row see the row's fields by name, `this` and `parent`. */
function listSchema(list: FormComponent, parent: Record<string, unknown>, walk: Walk): yup.AnySchema {
  const label = labelOf(resolveComponent(list, buildScope(walk.variables, walk.root)));
  return yup.array()
    .typeError(`${label} must be a list of rows`)
    .transform((v, orig) => (orig === null ? undefined : v))
    .of(yup.lazy((row: unknown, options) => {
      const local = valuesForConditions(list.components ?? [], isPlainObject(row) ? row : {});
      const scope = buildScope(walk.variables, walk.root, { local, parent, index: (options as { index?: number }).index ?? 0 });
      const entries = entriesFor(list.components ?? [], local, scope, false, [], walk);
      // A row of a collection list may name the item it amends by the id the server gave it.
      if (collectionNameOf(list) && !entries.some((e) => e.segments[0] === 'id')) entries.push({ segments: ['id'], schema: itemIdSchema() });
      return assemble(entries, `Each row of ${label}`);
    }));
}

function envFor(c: FormComponent, scope: FeelScope, walk: Walk): FieldEnv {
  const env = { today: walk.today, acceptFiles: walk.acceptFiles };
  return hasOptions(c) ? { ...env, options: resolveOptions(c, scope) } : env;
}

/** Builds nested objects from dotted segments and refuses keys the form does not declare at each level. */
function assemble(entries: Entry[], what: string): yup.ObjectSchema<Record<string, unknown>> {
  const shape: Record<string, yup.AnySchema> = {};
  const nested = new Map<string, Entry[]>();
  for (const e of entries) {
    const [head, ...rest] = e.segments;
    if (rest.length === 0) shape[head] ??= e.schema;
    else nested.set(head, [...(nested.get(head) ?? []), { segments: rest, schema: e.schema }]);
  }
  for (const [head, inner] of nested) shape[head] ??= assemble(inner, head);
  const known = new Set(Object.keys(shape));
  return yup.object(shape)
    .typeError(`${what} must be an object`)
    .test('known-keys', UNKNOWN_FIELD_MESSAGE, function (value) {
      if (!isPlainObject(value)) return true;
      const unknown = Object.keys(value).filter((k) => !known.has(k));
      if (unknown.length === 0) return true;
      return new yup.ValidationError(unknown.map((k) => this.createError({ path: joinPath(this.path ?? '', k), message: UNKNOWN_FIELD_MESSAGE })));
    }) as yup.ObjectSchema<Record<string, unknown>>;
}
