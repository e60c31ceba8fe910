// Where a component's value lives in the submitted data. form-js binds inputs by `key`, groups may nest
// their children under `path`, dynamic lists always hold an array of rows under `path`; dotted keys and
// paths ("address.postcode") nest objects.
import {
  CONTAINER_TYPES, DISPLAY_TYPES, GROUP_TYPES, INPUT_TYPES, OPTION_TYPES,
  type FormComponent, type FormOption, type InputType,
} from './form.types';

export const isInput = (c: FormComponent): c is FormComponent & { type: InputType; key: string } =>
  (INPUT_TYPES as readonly string[]).includes(c.type);
export const isContainer = (c: FormComponent): boolean => (CONTAINER_TYPES as readonly string[]).includes(c.type);
/** A group, or form-js's multipage or page: its fields are the form's own, under the group's path if it has one. */
export const isGroup = (c: FormComponent): boolean => (GROUP_TYPES as readonly string[]).includes(c.type);
export const isDisplay = (c: FormComponent): boolean => (DISPLAY_TYPES as readonly string[]).includes(c.type);
export const hasOptions = (c: FormComponent): boolean => (OPTION_TYPES as readonly string[]).includes(c.type);
export const isMultiValue = (c: FormComponent): boolean => c.type === 'checklist' || c.type === 'taglist';

/** Segments of the data path this component adds: key for inputs, path for containers, none otherwise. */
export function ownSegments(c: FormComponent): string[] {
  if (isInput(c)) return typeof c.key === 'string' ? c.key.split('.') : [];
  if (isContainer(c) && typeof c.path === 'string' && c.path.trim()) return c.path.split('.');
  return [];
}

export function isPlainObject(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v) && !(v instanceof Date);
}

export function getIn(obj: unknown, segments: string[]): unknown {
  let cur: unknown = obj;
  for (const s of segments) {
    if (!isPlainObject(cur)) return undefined;
    cur = cur[s];
  }
  return cur;
}

/** The yup-style path used in error maps: `contacts[0].name`, `address.postcode`. */
export function joinPath(base: string, segment: string | number): string {
  if (typeof segment === 'number') return `${base}[${segment}]`;
  return base ? `${base}.${segment}` : segment;
}

export function labelOf(c: FormComponent): string {
  const label = c.label ?? (c.subtype === 'time' ? c.timeLabel : c.dateLabel) ?? c.key ?? c.path ?? c.id;
  return (label ?? 'This field').toString().trim() || 'This field';
}

/** Options may be {label,value} objects or bare primitives (valuesKey data from a process). */
export function normaliseOptions(raw: unknown): FormOption[] | undefined {
  if (!Array.isArray(raw)) return undefined;
  return raw.map((o) =>
    isPlainObject(o) ? { label: String(o.label ?? o.value), value: o.value as string } : { label: String(o), value: o as string },
  );
}

/** Visits every component depth-first with its JSON path in the definition (for checker messages). */
export function walkComponents(
  components: FormComponent[],
  visit: (c: FormComponent, jsonPath: string, dataPath: string[], inList: boolean) => void,
  jsonBase = 'components',
  dataBase: string[] = [],
  inList = false,
): void {
  components.forEach((c, i) => {
    const jsonPath = `${jsonBase}[${i}]`;
    if (!isPlainObject(c)) return visit(c, jsonPath, dataBase, inList);
    const dataPath = [...dataBase, ...ownSegments(c)];
    visit(c, jsonPath, dataPath, inList);
    if (Array.isArray(c.components)) {
      // Rows of a dynamic list are marked "[]" so keys inside a row never clash with keys outside it.
      const childBase = c.type === 'dynamiclist' ? [...dataPath, '[]'] : dataPath;
      walkComponents(c.components, visit, `${jsonPath}.components`, childBase, inList || c.type === 'dynamiclist');
    }
  });
}
