// The case-level return's record layout and how product data fills it: one versioned configuration file
// a year (processes/returns/case-level-<year>.json), because the YJB changes the layout yearly. The file is
// checked once, when it is read: a layout that names an unknown source, type or derivation is refused with
// the record and field it is in, so a generation never meets one.
import { CASE_SECTIONS, type CaseSection } from '../cases/case-section';
import { ValidationError } from '../errors';

/** Values computed by code, each named in the layout (docs/returns.md lists them). */
export const DERIVATIONS = ['postcodeDistrict', 'itemDate', 'ageAtItemDate'] as const;
export type Derivation = (typeof DERIVATIONS)[number];
const RETURN_FACTS = ['quarter', 'periodStart', 'periodEnd', 'layoutVersion'] as const;
export type ReturnFact = (typeof RETURN_FACTS)[number];

export type FieldSource =
  | { case: 'id' | 'team' }
  | { section: CaseSection; field: string }
  /** A field of the item the record is made from (`id` is the item's own id); a list: the first one recorded. */
  | { item: string | string[] }
  | { derived: Derivation }
  /**
   * A field of the case's latest submission of a form (a dotted path in its answers, which may hold fields
   * kept on the submission only). Found through the case record's value sources, which link each value to
   * the submission that wrote it, and read by its id: no search of the submissions.
   */
  | { submission: { form: string; field: string; formLabel?: string } };

export type FieldType = 'string' | 'date' | 'integer' | 'code';

export interface LayoutField {
  element: string;
  /** What people call the value, in the report of records that cannot be completed. */
  label: string;
  source: FieldSource;
  type: FieldType;
  required: boolean;
  maxLength?: number;
  min?: number;
  max?: number;
  /** type code: the product's value (lower case, trimmed) → the return's code. */
  codes?: Record<string, string>;
}

export interface LayoutRecord {
  id: string;
  element: string;
  label: string;
  /** `case`: one per child; `item`: one per item of the collections, inside the child's record. */
  per: 'case' | 'item';
  section?: CaseSection;
  collections?: string[];
  /** item records: the item's date (first recorded) places it in a quarter. */
  dateFields?: string[];
  excludeWhen?: { field: string; in: string[] };
  fields: LayoutField[];
}

export interface ReturnLayout {
  id: string;
  version: string;
  label: string;
  /** The first day of the first quarter this layout is used for. */
  validFrom: string;
  verified: boolean;
  root: { element: string; namespace: string };
  header: { attribute: string; source: { return: ReturnFact } | { value: string } }[];
  records: LayoutRecord[];
}

const NAME = /^[A-Za-z_][A-Za-z0-9_.-]{0,63}$/;
const DATE = /^\d{4}-\d{2}-\d{2}$/;
const obj = (v: unknown): v is Record<string, unknown> => !!v && typeof v === 'object' && !Array.isArray(v);
const strings = (v: unknown): v is string[] => Array.isArray(v) && v.length > 0 && v.every((s) => typeof s === 'string' && s !== '');

function sourceProblem(s: unknown, per: LayoutRecord['per']): string | undefined {
  if (!obj(s)) return 'has no source';
  if ('case' in s) return s.case === 'id' || s.case === 'team' ? undefined : 'case source must be "id" or "team"';
  if ('section' in s) return (CASE_SECTIONS as readonly unknown[]).includes(s.section) && typeof s.field === 'string' ? undefined : 'section source needs a known section and a field';
  if ('item' in s) return per !== 'item' ? 'an item source is only for item records' : typeof s.item === 'string' || strings(s.item) ? undefined : 'item source needs a field name or a list of them';
  if ('submission' in s) return obj(s.submission) && typeof s.submission.form === 'string' && typeof s.submission.field === 'string' ? undefined : 'submission source needs a form and a field';
  if ('derived' in s) return (DERIVATIONS as readonly unknown[]).includes(s.derived) ? undefined : `unknown derived value (known: ${DERIVATIONS.join(', ')})`;
  return 'source must be one of case, section, item, submission or derived';
}

function fieldProblem(f: Record<string, unknown>, per: LayoutRecord['per']): string | undefined {
  if (typeof f.element !== 'string' || !NAME.test(f.element)) return 'element must be an XML name';
  if (typeof f.label !== 'string' || !f.label) return 'needs a label';
  if (typeof f.required !== 'boolean') return 'required must be true or false';
  if (!['string', 'date', 'integer', 'code'].includes(f.type as string)) return 'type must be string, date, integer or code';
  if (f.type === 'code' && (!obj(f.codes) || !Object.values(f.codes).every((c) => typeof c === 'string' && c))) return 'a code field needs codes (product value → code)';
  return sourceProblem(f.source, per);
}

function recordProblem(r: Record<string, unknown>): string | undefined {
  if (typeof r.id !== 'string' || typeof r.element !== 'string' || !NAME.test(r.element) || typeof r.label !== 'string') return 'needs an id, an XML element name and a label';
  if (r.per !== 'case' && r.per !== 'item') return 'per must be "case" or "item"';
  if (r.per === 'item' && (!(CASE_SECTIONS as readonly unknown[]).includes(r.section) || !strings(r.collections) || !strings(r.dateFields))) return 'an item record needs a section, collections and dateFields';
  if (r.excludeWhen !== undefined && !(obj(r.excludeWhen) && typeof r.excludeWhen.field === 'string' && strings(r.excludeWhen.in))) return 'excludeWhen needs a field and a list "in"';
  if (!Array.isArray(r.fields) || !r.fields.length) return 'has no fields';
  return undefined;
}

/** Checks a layout file's contents; refuses it naming the record and field at fault. */
export function parseReturnLayout(json: unknown, fileName: string): ReturnLayout {
  const fail = (what: string) => { throw new ValidationError(`${fileName}: ${what}`, {}, 'INVALID_RETURN_LAYOUT'); };
  if (!obj(json)) return fail('is not a JSON object');
  if (typeof json.id !== 'string' || typeof json.version !== 'string' || typeof json.label !== 'string') return fail('needs id, version and label');
  if (typeof json.validFrom !== 'string' || !DATE.test(json.validFrom)) return fail('validFrom must be a date written YYYY-MM-DD');
  if (!obj(json.root) || typeof json.root.element !== 'string' || !NAME.test(json.root.element) || typeof json.root.namespace !== 'string') return fail('root needs an element and a namespace');
  if (!Array.isArray(json.header) || !json.header.every((h) => obj(h) && typeof h.attribute === 'string' && NAME.test(h.attribute)
    && obj(h.source) && ((RETURN_FACTS as readonly unknown[]).includes(h.source.return) || typeof h.source.value === 'string'))) {
    return fail(`header attributes need a name and a source: { "return": ${RETURN_FACTS.join(' | ')} } or { "value": "…" }`);
  }
  const records = json.records;
  if (!Array.isArray(records) || !records.length || records.filter((r) => obj(r) && r.per === 'case').length !== 1) return fail('needs records, exactly one of them per "case"');
  for (const r of records) {
    const problem = obj(r) ? recordProblem(r) : 'is not an object';
    if (problem) return fail(`record ${String((r as { id?: unknown })?.id ?? '?')} ${problem}`);
    for (const f of r.fields as unknown[]) {
      const fp = obj(f) ? fieldProblem(f, r.per) : 'is not an object';
      if (fp) return fail(`record ${r.id}, field ${String((f as { element?: unknown })?.element ?? '?')} ${fp}`);
    }
  }
  return { ...(json as unknown as ReturnLayout), verified: json.verified === true };
}

/** The forms whose latest submission a layout reads. */
export const formsRead = (layout: ReturnLayout): string[] =>
  [...new Set(layout.records.flatMap((r) => r.fields.flatMap((f) => ('submission' in f.source ? [f.source.submission.form] : []))))];

/** The layout in force for a quarter: the one with the latest validFrom on or before the quarter's first day. */
export function layoutForPeriod(layouts: readonly ReturnLayout[], periodStart: string): ReturnLayout | undefined {
  return [...layouts].filter((l) => l.validFrom <= periodStart).sort((a, b) => b.validFrom.localeCompare(a.validFrom))[0];
}
