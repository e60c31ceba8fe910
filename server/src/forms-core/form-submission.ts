// The one entry point both sides call: the server before storing a submission, the client on submit.
import * as yup from 'yup';
import { compileFormSchema } from './form-schema-compiler';
import { computeExpressions } from './form-expressions';
import { dropEmptyAssumedRows, withAssumedRows } from './form-list-rows';
import { isPlainObject } from './form-tree';
import { findReservedKey, reservedKeyMessage } from './reserved-keys';
import type { FieldErrors, FormContext, FormDefinition, SubmissionResult } from './form.types';

export function validateSubmission(form: FormDefinition, data: unknown, context: FormContext = {}): SubmissionResult {
  if (!isPlainObject(data)) return { ok: false, errors: { '': 'The form data must be an object' } };
  // Before yup: it would look `constructor` up among the form's fields, find Object's, and throw.
  const reserved = findReservedKey(data);
  if (reserved) return { ok: false, errors: { [reserved.path]: reservedKeyMessage(reserved.key) } };
  try {
    // An absent dynamic list has the rows form-js would render, and their required fields apply.
    const assumed = withAssumedRows(form.components, data);
    const value = compileFormSchema(form, context).validateSync(assumed.data, { abortEarly: false }) as Record<string, unknown>;
    const kept = dropEmptyAssumedRows(prune(value) as Record<string, unknown>, assumed.paths);
    // Expression fields from the answers as validated (hidden ones gone, numbers typed) and the variables.
    return { ok: true, value: computeExpressions(form.components, kept, context.variables) };
  } catch (e) {
    if (e instanceof yup.ValidationError) return { ok: false, errors: toFieldErrors(e) };
    throw e;
  }
}

/**
 * Every problem of a field, in yup's order (the most basic first), joined into its one message: a person
 * fixing "too short" should not then meet "wrong format" on the next try.
 */
export function toFieldErrors(e: yup.ValidationError): FieldErrors {
  const messages = new Map<string, string[]>();
  const all = e.inner.length ? e.inner : [e];
  for (const inner of all) {
    const path = inner.path ?? '';
    const list = messages.get(path) ?? [];
    if (!list.includes(inner.message)) list.push(inner.message);
    messages.set(path, list);
  }
  return Object.fromEntries([...messages].map(([path, list]) => [path, list.join('; ')]));
}

/**
 * Drops empty values so that stored data holds only what was entered (hidden groups leave nothing).
 * Objects are built with Object.fromEntries, which defines own properties: no key, whatever its name,
 * can reach a prototype. They keep Object.prototype because FEEL (feelin) takes only such objects for
 * contexts: with null prototypes, `get value(address, "postcode")` on stored answers gives null (measured).
 */
function prune(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(prune);
  if (!isPlainObject(v)) return v;
  const kept: Array<[string, unknown]> = [];
  for (const [k, inner] of Object.entries(v)) {
    const p = prune(inner);
    if (p === undefined || (isPlainObject(p) && Object.keys(p).length === 0)) continue;
    kept.push([k, p]);
  }
  return Object.fromEntries(kept);
}
