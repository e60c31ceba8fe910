// Conditions must see the same values in the browser (where inputs hold strings, "15") and on the server
// (which receives coerced JSON, 15). So before FEEL sees the data, numbers and checkboxes are coerced by
// their field type: `=age < 16` then behaves the same on both sides.
import { isGroup, isInput, isPlainObject, ownSegments } from './form-tree';
import type { FormComponent } from './form.types';

export function valuesForConditions(components: FormComponent[], data: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = structuredCloneSafe(data);
  apply(components, out, []);
  return out;
}

function apply(components: FormComponent[], root: Record<string, unknown>, base: string[]): void {
  for (const c of components) {
    const segments = [...base, ...ownSegments(c)];
    if (isInput(c)) update(root, segments, (v) => coerce(c.type, v));
    else if (isGroup(c) && c.components) apply(c.components, root, segments);
    else if (c.type === 'dynamiclist' && c.components) {
      const rows = read(root, segments);
      if (Array.isArray(rows)) rows.forEach((row) => isPlainObject(row) && apply(c.components ?? [], row, []));
    }
  }
}

function coerce(type: string, v: unknown): unknown {
  if (type === 'number' && typeof v === 'string') return v.trim() === '' ? null : Number.isFinite(Number(v)) ? Number(v) : v;
  if (type === 'checkbox' && (v === 'true' || v === 'false')) return v === 'true';
  if (v === '') return null;
  return v;
}

function read(obj: Record<string, unknown>, segments: string[]): unknown {
  let cur: unknown = obj;
  for (const s of segments) cur = isPlainObject(cur) ? cur[s] : undefined;
  return cur;
}

function update(obj: Record<string, unknown>, segments: string[], f: (v: unknown) => unknown): void {
  let cur: Record<string, unknown> = obj;
  for (const s of segments.slice(0, -1)) {
    if (!isPlainObject(cur[s])) return;
    cur = cur[s] as Record<string, unknown>;
  }
  const last = segments[segments.length - 1];
  if (last !== undefined && last in cur) cur[last] = f(cur[last]);
}

/** A deep copy of plain JSON-like data (Dates kept), so coercion never mutates the caller's values. */
function structuredCloneSafe<T>(v: T): T {
  if (Array.isArray(v)) return v.map(structuredCloneSafe) as T;
  if (isPlainObject(v)) return Object.fromEntries(Object.entries(v).map(([k, x]) => [k, structuredCloneSafe(x)])) as T;
  return v;
}
