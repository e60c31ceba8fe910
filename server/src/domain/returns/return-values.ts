// One field of the return: its product value found by the layout's source, and turned into the return's
// form by its type (a date, a whole number, a code from the layout's table). What cannot be turned is a
// reason in words, never a guess: the record is then left out of the file and listed for the data officer.
import type { CaseRecord } from '../cases/case-record';
import type { CollectionItem } from '../cases/case-collections';
import { sectionLabel } from '../cases/case-section';
import { civilDateOf as londonDateOf } from '../calendar/london-time';
import type { LayoutField, LayoutRecord } from './return-layout';

export interface ValueContext {
  record: Pick<CaseRecord, 'id' | 'team' | 'sections'> & { submissions?: Record<string, Record<string, unknown>> };
  /** The record's own layout (item records: their collections and date fields). */
  layoutRecord: LayoutRecord;
  item?: CollectionItem;
}

export type FieldOutcome = { value: string } | { absent: true } | { problem: string; shown?: string };

const present = (v: unknown) => v !== undefined && v !== null && v !== '' && !(Array.isArray(v) && v.length === 0);

/**
 * The id of each form's latest submission on the case, from the sources of the case record's values (flat
 * and in collection items): every value a submission wrote names it.
 */
export function latestSubmissionIds(record: Pick<CaseRecord, 'sections'>, forms: readonly string[]): Record<string, string> {
  const latest: Record<string, { id: string; at: string }> = {};
  const note = (src: { formId?: string; submissionId?: string; at: string }) => {
    if (!src.formId || !src.submissionId || !forms.includes(src.formId)) return;
    const seen = latest[src.formId];
    if (!seen || src.at > seen.at) latest[src.formId] = { id: src.submissionId, at: src.at };
  };
  for (const section of Object.values(record.sections)) {
    Object.values(section?.sources ?? {}).forEach(note);
    for (const items of Object.values(section?.collections ?? {})) for (const i of items) Object.values(i.sources ?? {}).forEach(note);
  }
  return Object.fromEntries(Object.entries(latest).map(([form, s]) => [form, s.id]));
}

/** A civil date (London) from a form's date or date-time value; undefined when it is neither. */
export function civilDateOf(v: unknown): string | undefined {
  if (typeof v !== 'string') return undefined;
  if (/^\d{4}-\d{2}-\d{2}$/.test(v)) return Number.isNaN(Date.parse(v)) ? undefined : v;
  if (!/^\d{4}-\d{2}-\d{2}T/.test(v) || Number.isNaN(Date.parse(v))) return undefined;
  return londonDateOf(new Date(v), 'Europe/London');
}

/** The item's date that places it in a quarter: the first of the layout's date fields recorded. */
export function itemDateOf(item: CollectionItem, dateFields: readonly string[]): string | undefined {
  for (const f of dateFields) {
    const d = civilDateOf(item.values[f]);
    if (d) return d;
  }
  return undefined;
}

function postcodeDistrict(personal: Record<string, unknown> | undefined): string | undefined {
  const addresses = Array.isArray(personal?.addresses) ? (personal.addresses as { postcode?: unknown; to?: unknown }[]) : [];
  const current = [...addresses].reverse().find((a) => !a?.to && typeof a?.postcode === 'string') ?? [...addresses].reverse().find((a) => typeof a?.postcode === 'string');
  const code = typeof current?.postcode === 'string' ? current.postcode.trim().toUpperCase() : '';
  if (!code) return undefined;
  // The outward code: what comes before the space, or all but the last three characters (the inward code).
  return code.includes(' ') ? code.split(/\s+/)[0] : code.length > 4 ? code.slice(0, -3) : code;
}

function wholeYears(from: string, to: string): number {
  const [fy, fm, fd] = from.split('-').map(Number);
  const [ty, tm, td] = to.split('-').map(Number);
  return ty - fy - (tm < fm || (tm === fm && td < fd) ? 1 : 0);
}

/** Why a derived value could not be worked out, in words. */
const DERIVED_GAPS: Record<string, string> = {
  postcodeDistrict: 'there is no address with a postcode on the Personal tab',
  itemDate: 'none of its dates is recorded',
  ageAtItemDate: 'the date of birth (Personal tab) or the date of the outcome is missing',
};

function rawValue(field: LayoutField, ctx: ValueContext): unknown {
  const s = field.source;
  const sections = ctx.record.sections;
  if ('case' in s) return s.case === 'id' ? ctx.record.id : ctx.record.team;
  if ('section' in s) return sections[s.section]?.values[s.field];
  if ('item' in s) {
    const names = Array.isArray(s.item) ? s.item : [s.item];
    const found = names.map((n) => (n === 'id' ? ctx.item?.id : ctx.item?.values[n])).find(present);
    return found;
  }
  if ('submission' in s) {
    let v: unknown = ctx.record.submissions?.[s.submission.form];
    for (const k of s.submission.field.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[k] : undefined;
    return v;
  }
  const dates = ctx.layoutRecord.dateFields ?? [];
  if (s.derived === 'postcodeDistrict') return postcodeDistrict(sections.personal?.values);
  if (s.derived === 'itemDate') return ctx.item ? itemDateOf(ctx.item, dates) : undefined;
  const dob = civilDateOf(sections.personal?.values.dateOfBirth);
  const on = ctx.item ? itemDateOf(ctx.item, dates) : undefined;
  return dob && on ? wholeYears(dob, on) : undefined;
}

function whereOf(field: LayoutField, ctx: ValueContext): string {
  const s = field.source;
  if ('section' in s) return ` (${sectionLabel(s.section)} tab)`;
  if ('submission' in s) return ` (${s.submission.formLabel ?? s.submission.form} form)`;
  if ('item' in s && ctx.layoutRecord.section) return ` (${sectionLabel(ctx.layoutRecord.section)} tab)`;
  return '';
}

export function fieldValue(field: LayoutField, ctx: ValueContext): FieldOutcome {
  const raw = rawValue(field, ctx);
  if (!present(raw)) {
    if (!field.required) return { absent: true };
    if ('derived' in field.source) return { problem: `${field.label} cannot be worked out: ${DERIVED_GAPS[field.source.derived]}` };
    return { problem: `${field.label} is not recorded${whereOf(field, ctx)}` };
  }
  const shown = Array.isArray(raw) ? raw.join(', ') : String(raw);
  switch (field.type) {
    case 'date': {
      const d = civilDateOf(raw);
      return d ? { value: d } : { problem: `${field.label} is not a date`, shown };
    }
    case 'integer': {
      const n = typeof raw === 'number' ? raw : typeof raw === 'string' && /^-?\d+$/.test(raw.trim()) ? Number(raw) : NaN;
      if (!Number.isInteger(n)) return { problem: `${field.label} is not a whole number`, shown };
      if ((field.min !== undefined && n < field.min) || (field.max !== undefined && n > field.max)) {
        return { problem: `${field.label} is outside what the return accepts (${field.min ?? '…'} to ${field.max ?? '…'})`, shown };
      }
      return { value: String(n) };
    }
    case 'code': {
      // Own keys only: a free-text answer such as "constructor" must not reach an inherited property.
      const key = shown.trim().toLowerCase();
      const code = field.codes && Object.hasOwn(field.codes, key) ? field.codes[key] : undefined;
      return typeof code === 'string' && code ? { value: code } : { problem: `${field.label} has no code in the return's layout for the value recorded`, shown };
    }
    default:
      return field.maxLength !== undefined && shown.length > field.maxLength
        ? { problem: `${field.label} is longer than the ${field.maxLength} characters the return accepts`, shown }
        : { value: shown };
  }
}
