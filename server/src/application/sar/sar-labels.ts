// Words for what the SAR shows: field labels as the forms said them (kept on the case with the values),
// else the key spelled out ("dateOfBirth" → "Date of birth"). People read labels, not keys.
import type { FieldLabels } from '../../domain/cases/case-record';
import { sectionLabel as labelOfSection } from '../../domain/cases/case-section';

export function spellOut(key: string): string {
  const words = key.replace(/([a-z0-9])([A-Z])/g, '$1 $2').replace(/[_-]+/g, ' ').trim().toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const sectionLabel = (s: string): string => (labelOfSection(s) === s ? spellOut(s) : labelOfSection(s));

export const fieldLabel = (labels: FieldLabels | undefined, field: string): string => labels?.fields?.[field] ?? spellOut(field);

export const itemFieldLabel = (labels: FieldLabels | undefined, collection: string, field: string): string =>
  labels?.items?.[collection]?.[field] ?? spellOut(field);

/** A value map with labels for keys; nested maps and lists keep their shape, their keys spelled out. */
export function labelled(values: Record<string, unknown>, label: (key: string) => string): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(values)) {
    out[label(k)] = v && typeof v === 'object' && !Array.isArray(v) ? labelled(v as Record<string, unknown>, spellOut) : v;
  }
  return out;
}

const ACTIONS: Record<string, string> = {
  'case.read': 'Read the record', 'case.write': 'Changed the record', 'case.create': 'Created the record',
  'case.close': 'Closed the case', 'sar.disclose': 'Disclosed in a subject access response',
  'document.upload': 'Added a document', 'document.download': 'Downloaded a document', 'document.list': 'Looked at the list of documents',
};
export const actionWords = (action: string): string => ACTIONS[action] ?? spellOut(action.replace(/\./g, ' '));

/** A value as one line of text, for the printable document. */
export function asText(v: unknown): string {
  if (v === null || v === undefined || v === '') return '—';
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (typeof v === 'string' || typeof v === 'number') return String(v);
  if (Array.isArray(v)) return v.map(asText).join('; ');
  return Object.entries(v as Record<string, unknown>).map(([k, x]) => `${k}: ${asText(x)}`).join('; ');
}
