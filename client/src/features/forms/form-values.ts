// Bridges between the shared core (flat "a.b[0].c" error paths) and Formik (nested values and errors).
import { getIn, setIn } from 'formik';
import { isGroup, isInput, type FieldErrors, type FormComponent, type FormDefinition } from '../../../../server/src/forms-core';

/** Nested errors for Formik; the form-level message (path "") is returned apart. */
export function toFormikErrors(errors: FieldErrors): { nested: Record<string, unknown>; formLevel?: string } {
  let nested: Record<string, unknown> = {};
  let formLevel: string | undefined;
  for (const [path, message] of Object.entries(errors)) {
    if (!path) formLevel = message;
    else nested = setIn(nested, path, message);
  }
  return { nested, formLevel };
}

/**
 * Starting values: defaults from the definition, empty lists and the rows a dynamic list starts with;
 * then, as form-js does, process variables bound by key (what read-only fields display); then a saved draft.
 */
export function initialValuesFor(form: FormDefinition, saved?: Record<string, unknown>, variables?: Record<string, unknown>): Record<string, unknown> {
  return { ...startValues(form.components, variables), ...(saved ?? {}) };
}

/** The values a new dynamic-list row starts with (same rules, relative to the row). */
export const rowInitialValues = (components: FormComponent[]): Record<string, unknown> => startValues(components);

function startValues(components: FormComponent[], variables?: Record<string, unknown>): Record<string, unknown> {
  let values: Record<string, unknown> = {};
  const visit = (list: FormComponent[], base: string) => {
    for (const c of list) {
      const own = isInput(c) ? c.key : c.path;
      const name = own ? (base ? `${base}.${own}` : own) : base;
      const fromProcess = isInput(c) && variables ? getIn(variables, name) : undefined;
      if (fromProcess !== undefined) values = setIn(values, name, fromProcess);
      else if (isInput(c) && c.defaultValue !== undefined) values = setIn(values, name, c.defaultValue);
      // As form-js does: an unticked checkbox is an answer (false), not a missing one.
      else if (c.type === 'checkbox') values = setIn(values, name, false);
      else if (c.type === 'checklist' || c.type === 'taglist') values = setIn(values, name, []);
      else if (isGroup(c) && c.components) visit(c.components, name);
      else if (c.type === 'dynamiclist') {
        const rows = Array.from({ length: c.defaultRepetitions ?? 1 }, () => startValues(c.components ?? []));
        values = setIn(values, name, rows);
      }
    }
  };
  visit(components, '');
  return values;
}

/** A DOM id from a value path ("contacts[1].name" → "field-contacts-1-name"). */
export const fieldId = (name: string): string => `field-${name.replace(/[^A-Za-z0-9_]+/g, '-').replace(/-$/, '')}`;
