// Which case-record section (tab) and sensitivity each answer belongs to, from `properties.section` and
// `properties.sensitivity`. A group's properties apply to everything inside it unless a child says
// otherwise. The case API uses this to omit sections a user may not read and refuse writes to them.
import { collectionsOfForm } from './form-collections';
import { isInput, isPlainObject, labelOf, ownSegments } from './form-tree';
import type { FormComponent, FormDefinition } from './form.types';

export interface FieldInfo {
  /** Dotted data path; "[]" marks a dynamic-list row ("contacts[].name"). */
  path: string;
  type: string;
  label: string;
  section?: string;
  sensitivity?: string;
}

export function describeFields(form: FormDefinition): FieldInfo[] {
  const out: FieldInfo[] = [];
  const visit = (components: FormComponent[], base: string[], inherited: Pick<FieldInfo, 'section' | 'sensitivity'>) => {
    for (const c of components) {
      const own = {
        section: c.properties?.section ?? inherited.section,
        sensitivity: c.properties?.sensitivity ?? inherited.sensitivity,
      };
      const segments = [...base, ...ownSegments(c)];
      if (isInput(c)) out.push({ path: segments.join('.'), type: c.type, label: labelOf(c), ...defined(own) });
      else if (Array.isArray(c.components)) visit(c.components, c.type === 'dynamiclist' ? [...segments.slice(0, -1), `${segments[segments.length - 1]}[]`] : segments, own);
    }
  };
  visit(form.components, [], {});
  return out;
}

const defined = <T extends object>(o: T): Partial<T> => Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;

/** The sections a form writes to (answers without a section are listed as undefined → "" here). */
export function sectionsOf(form: FormDefinition): string[] {
  return [...new Set(describeFields(form).map((f) => f.section ?? ''))].sort();
}

/**
 * A copy of submitted data without the answers whose section the reader may not see. Answers of a form
 * without sections stay (their access is the form's or the case's).
 */
export function filterBySection(form: FormDefinition, data: Record<string, unknown>, canRead: (section: string) => boolean): Record<string, unknown> {
  const hidden = describeFields(form).filter((f) => f.section !== undefined && !canRead(f.section)).map((f) => f.path);
  // The id the server wrote into a hidden collection's group or rows goes too: it would still say an item exists.
  for (const spec of collectionsOfForm(form.components)) {
    if (spec.section === undefined || canRead(spec.section)) continue;
    const at = spec.list ? [...spec.segments.slice(0, -1), `${spec.segments[spec.segments.length - 1]}[]`] : spec.segments;
    hidden.push([...at, 'id'].join('.'));
  }
  let out: unknown = data;
  for (const path of hidden) out = removePath(out, path.split('.'));
  return out as Record<string, unknown>;
}

function removePath(value: unknown, segments: string[]): unknown {
  if (!isPlainObject(value) || !segments.length) return value;
  const [head, ...rest] = segments;
  const isList = head.endsWith('[]');
  const key = isList ? head.slice(0, -2) : head;
  if (!(key in value)) return value;
  const copy: Record<string, unknown> = { ...value };
  if (!rest.length) delete copy[key];
  else if (isList) copy[key] = Array.isArray(copy[key]) ? (copy[key] as unknown[]).map((row) => removePath(row, rest)) : copy[key];
  else {
    const inner = removePath(copy[key], rest);
    // An object emptied by the removal goes too: "health: {}" would still say there were health answers.
    if (isPlainObject(inner) && Object.keys(inner).length === 0) delete copy[key];
    else copy[key] = inner;
  }
  return copy;
}
