// form-js renders a dynamic list that has no value with `defaultRepetitions` rows (1 unless set), and the
// required fields of those rows apply: a person cannot submit the form without filling them. A request to
// the API that leaves the list out is validated the same way, so the API accepts exactly what the browser
// does. Rows that were only assumed, and hold nothing once validated, are not stored: an absent list stays
// absent rather than becoming a list of empty rows.
import { isGroup, isPlainObject, ownSegments } from './form-tree';
import type { FormComponent } from './form.types';

export interface AssumedRows { data: Record<string, unknown>; paths: string[][] }

/** The data with every absent list (outside other lists) given its default rows, and where they were added. */
export function withAssumedRows(components: FormComponent[], data: Record<string, unknown>): AssumedRows {
  const paths: string[][] = [];
  let out = data;
  const visit = (list: FormComponent[], base: string[]) => {
    for (const c of list) {
      if (!isPlainObject(c)) continue;
      const segments = [...base, ...ownSegments(c)];
      if (c.type === 'dynamiclist' && segments.length > base.length && (readPath(out, segments) ?? undefined) === undefined) {
        const count = typeof c.defaultRepetitions === 'number' && c.defaultRepetitions >= 0 ? Math.min(c.defaultRepetitions, 50) : 1;
        if (count === 0) continue;
        out = writePath(out, segments, Array.from({ length: count }, () => ({})));
        paths.push(segments);
      } else if (isGroup(c) && Array.isArray(c.components)) visit(c.components, segments);
    }
  };
  visit(components, []);
  return { data: out, paths };
}

/** The validated value without the assumed lists whose rows hold nothing. */
export function dropEmptyAssumedRows(value: Record<string, unknown>, paths: string[][]): Record<string, unknown> {
  let out = value;
  for (const path of paths) {
    const rows = readPath(out, path);
    if (Array.isArray(rows) && rows.every((r) => isPlainObject(r) && Object.keys(r).length === 0)) out = writePath(out, path, undefined);
  }
  return out;
}

function readPath(obj: unknown, segments: string[]): unknown {
  let cur = obj;
  for (const s of segments) cur = isPlainObject(cur) ? cur[s] : undefined;
  return cur;
}

function writePath(obj: Record<string, unknown>, segments: string[], value: unknown): Record<string, unknown> {
  const [head, ...rest] = segments;
  const copy: Record<string, unknown> = { ...obj };
  if (!rest.length) {
    if (value === undefined) delete copy[head];
    else copy[head] = value;
    return copy;
  }
  // Only through objects the data already has or that can be created: a non-object in the way is left as
  // sent, for the schema to refuse.
  if (copy[head] !== undefined && !isPlainObject(copy[head])) return copy;
  const next = writePath(isPlainObject(copy[head]) ? (copy[head] as Record<string, unknown>) : {}, rest, value);
  if (Object.keys(next).length) copy[head] = next;
  else delete copy[head];
  return copy;
}
