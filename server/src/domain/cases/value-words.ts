// A stored value in words, as a practitioner reads it: an option by its label ("Very high", not
// "very-high"), a checkbox as Yes/No, a list joined, a date marked as a date so the client shows it in
// the one date format ("14 March 2010"; client/src/shell/format.ts) — never a key or raw JSON.
import type { CatalogueField } from '../forms/field-catalogue';
import { spellOutKey } from '../forms/field-catalogue';
import { fileNameOf } from '../../forms-core/form-files';

export interface ValueWords {
  text: string;
  /** A calendar date (YYYY-MM-DD): shown as "14 March 2010". */
  date?: string;
  /** An instant: shown as "14 March 2010, 09:30" (Europe/London). */
  dateTime?: string;
}

export const NOT_RECORDED = 'Not recorded';

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;
const INSTANT = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:?\d{2})?$/;

type FieldShape = Pick<CatalogueField, 'type' | 'options'> & { component?: { subtype?: string } };

function optionLabel(field: FieldShape | undefined, value: unknown): string | undefined {
  const found = field?.options?.find((o) => o.value === value);
  return found?.label;
}

/** A value with no field to describe it (nested answers): primitives as text, maps as "Label: value". */
function plain(value: unknown): string {
  if (value === undefined || value === null || value === '') return NOT_RECORDED;
  if (typeof value === 'boolean') return value ? 'Yes' : 'No';
  if (typeof value === 'string' || typeof value === 'number') return String(value);
  if (Array.isArray(value)) return value.length ? value.map(plain).join('; ') : 'None';
  if (typeof value === 'object') {
    return Object.entries(value as Record<string, unknown>).filter(([k]) => k !== 'id').map(([k, v]) => `${spellOutKey(k)}: ${plain(v)}`).join('; ');
  }
  return String(value);
}

/** A filepicker's answer: the files by name (they are on the Documents tab), never their references. */
function fileNames(value: unknown[]): string {
  return value.map((r) => fileNameOf(r) ?? 'A file').join(', ') || 'None';
}

export function valueWords(value: unknown, field?: FieldShape): ValueWords {
  if (value === undefined || value === null || value === '') return { text: NOT_RECORDED };
  if (field?.type === 'filepicker' && Array.isArray(value)) return { text: fileNames(value) };
  if (typeof value === 'boolean') return { text: value ? 'Yes' : 'No' };
  if (Array.isArray(value) && value.every((v) => typeof v !== 'object' || v === null)) {
    if (!value.length) return { text: 'None' };
    return { text: value.map((v) => optionLabel(field, v) ?? plain(v)).join(', ') };
  }
  if (typeof value === 'string') {
    const label = optionLabel(field, value);
    if (label) return { text: label };
    const trimmed = value.trim();
    if (field?.type === 'datetime' && field.component?.subtype === 'time') return { text: trimmed };
    if (DATE_ONLY.test(trimmed)) return { text: trimmed, date: trimmed };
    if (INSTANT.test(trimmed)) return { text: trimmed, dateTime: trimmed };
    return { text: value };
  }
  if (typeof value === 'number') return { text: optionLabel(field, value) ?? String(value) };
  return { text: plain(value) };
}
