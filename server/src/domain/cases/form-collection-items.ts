// From a submission to collection items (the form convention: forms-core/form-collections.ts).
// assignItemIds runs BEFORE the submission is stored: each collection group or row gets the id of the item
// it writes, put into the submitted data at `<path>.id`, so the stored answers, the process variables the
// completion sets (`victim.id`) and every retry or recovery of the completion name the same item. New ids
// come from `newId(path, row)`, which the caller makes deterministic from the submission id: a completion
// run twice creates its item once. itemsOfSubmission then reads the items back out of stored answers.
import { buildScope, evaluateFeel } from '../../forms-core/form-conditions';
import { collectionsOfForm, type CollectionSpec } from '../../forms-core/form-collections';
import { getIn, isPlainObject } from '../../forms-core/form-tree';
import type { FormDefinition } from '../../forms-core';
import type { FieldErrors } from '../errors';
import { isItemId, type ItemPatch } from './case-collections';
import { isCaseSection, type CaseSection } from './case-section';

type Data = Record<string, unknown>;
export type NewItemId = (path: string, row: number) => string;

export interface ItemIdContext {
  /** The task's process variables (what `properties.itemId` reads besides the form's own data). */
  variables?: Data;
  newId: NewItemId;
}

/** The data with every collection item's id in place, or field errors when an itemId names no valid id. */
export function assignItemIds(form: Pick<FormDefinition, 'components'>, data: Data, ctx: ItemIdContext): { ok: true; value: Data } | { ok: false; errors: FieldErrors } {
  let out = data;
  const errors: FieldErrors = {};
  const scopeData = overVariables(ctx.variables, data);
  for (const spec of collectionsOfForm(form.components)) {
    const path = spec.segments.join('.');
    const value = getIn(out, spec.segments);
    if (spec.list) {
      if (!Array.isArray(value)) continue;
      const rows = value.map((row, index) => {
        if (!isPlainObject(row)) return row;
        // A row may carry the id of the item it amends (the schema accepts only a well-formed one).
        if (isItemId(row.id)) return row;
        const named = spec.itemId ? evaluateFeel(spec.itemId, buildScope(ctx.variables, scopeData, { local: row, parent: data, index })) : null;
        const id = chosenId(named, () => ctx.newId(path, index), `${path}[${index}]`, errors);
        return id ? { ...row, id } : row;
      });
      out = setIn(out, spec.segments, rows);
    } else {
      if (!isPlainObject(value) || !Object.keys(value).length) continue; // nothing answered: no item
      const named = spec.itemId ? evaluateFeel(spec.itemId, buildScope(ctx.variables, scopeData)) : null;
      const id = chosenId(named, () => ctx.newId(path, 0), path, errors);
      if (id) out = setIn(out, spec.segments, { ...value, id });
    }
  }
  return Object.keys(errors).length ? { ok: false, errors } : { ok: true, value: out };
}

/**
 * The form's data over the process variables, objects merged one level deep: a form whose group has the
 * path `order` amends the order an earlier form created with `itemId: "=order.id"` — its own `order`
 * answers (which never carry an id: the schema refuses one in a group) would otherwise hide the variable's.
 */
function overVariables(variables: Data | undefined, data: Data): Data {
  const out: Data = { ...data };
  for (const [k, v] of Object.entries(data)) {
    const held = variables?.[k];
    if (isPlainObject(v) && isPlainObject(held)) out[k] = { ...held, ...v };
  }
  return out;
}

/** itemId's result: a valid id amends (or creates) that item; null, "" or no expression adds a new one. */
function chosenId(named: unknown, fresh: () => string, path: string, errors: FieldErrors): string | undefined {
  if (named === null || named === undefined || named === '') return fresh();
  if (isItemId(named)) return named;
  errors[path] = 'The item this answer belongs to has an id that is not valid (letters, digits, - and _ only)';
  return undefined;
}

/** The collection items of a submission, per section (its flat values are split in form-sections.ts). */
export function itemsOfSubmission(form: Pick<FormDefinition, 'components'>, data: Data, fallbackId: NewItemId): Map<CaseSection, ItemPatch[]> {
  const bySection = new Map<CaseSection, ItemPatch[]>();
  for (const spec of collectionsOfForm(form.components)) {
    if (!isCaseSection(spec.section)) continue;
    const value = getIn(data, spec.segments);
    const path = spec.segments.join('.');
    const rows = spec.list ? (Array.isArray(value) ? value : []) : [value];
    const patches = bySection.get(spec.section) ?? [];
    rows.forEach((row, index) => {
      if (!isPlainObject(row)) return;
      const { id, ...values } = row;
      if (!Object.keys(values).length) return;
      // A submission stored before ids were assigned (or by an older server) still names its items stably.
      const label = labelFor(spec, values);
      patches.push({ collection: spec.collection, id: isItemId(id) ? id : fallbackId(path, index), values, ...(label ? { label } : {}) });
    });
    if (patches.length) bySection.set(spec.section, patches);
  }
  return bySection;
}

/** Field labels of a form's collection items, by collection then field, per section. */
export function itemFieldLabels(form: Pick<FormDefinition, 'components'>): Map<CaseSection, Record<string, Record<string, string>>> {
  const out = new Map<CaseSection, Record<string, Record<string, string>>>();
  for (const spec of collectionsOfForm(form.components)) {
    if (!isCaseSection(spec.section)) continue;
    const bySection = out.get(spec.section) ?? {};
    const labels = (bySection[spec.collection] ??= {});
    for (const f of spec.fields) labels[f.key.split('.')[0]] ??= f.label;
    out.set(spec.section, bySection);
  }
  return out;
}

function labelFor(spec: CollectionSpec, values: Data): string | undefined {
  if (!spec.itemLabel) return undefined;
  const label = evaluateFeel(spec.itemLabel, buildScope(undefined, values));
  return typeof label === 'string' && label.trim() ? label.trim().slice(0, 200) : undefined;
}

/** The data without the collections' values (what is left is split into flat section values). */
export function withoutCollections(form: Pick<FormDefinition, 'components'>, data: Data): Data {
  let out = data;
  for (const spec of collectionsOfForm(form.components)) out = setIn(out, spec.segments, undefined);
  return out;
}

/** A copy with the value at `segments` replaced (undefined removes it, and an object it empties). */
function setIn(obj: Data, segments: string[], value: unknown): Data {
  const [head, ...rest] = segments;
  if (head === undefined) return obj;
  const copy: Data = { ...obj };
  const inner = rest.length ? (isPlainObject(copy[head]) ? setIn(copy[head] as Data, rest, value) : undefined) : value;
  if (rest.length && !isPlainObject(copy[head])) return obj;
  if (inner === undefined || (rest.length && isPlainObject(inner) && !Object.keys(inner).length)) delete copy[head];
  else copy[head] = inner;
  return copy;
}
