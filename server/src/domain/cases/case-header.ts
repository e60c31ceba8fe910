// The facts a practitioner needs at a glance, read from the record alone (pure): the current orders with
// their end dates (offending.orders), the latest assessment's ratings (assessments.assessments), and
// whether the case was reduced to a basic record. Tasks, names and holds are added by the application.
import type { FieldCatalogue } from '../forms/field-catalogue';
import type { CollectionItem } from './case-collections';
import type { CaseRecord } from './case-record';
import { valueWords, type ValueWords } from './value-words';

export interface HeaderOrder {
  itemId: string;
  label: string;
  type?: string;
  madeOn?: string;
  /** The order's end date (YYYY-MM-DD) when recorded. */
  endDate?: string;
}

export interface HeaderRating {
  label: string;
  value: ValueWords;
}

export interface RecordHeader {
  orders: HeaderOrder[];
  ratings: HeaderRating[];
  reduced?: { reducedAt: string; rule: string };
}

const RATING_FIELDS = ['roshRating', 'safetyWellbeingRating', 'likelihoodOfReoffending'] as const;
const RATING_WORDS: Record<(typeof RATING_FIELDS)[number], string> = {
  roshRating: 'Risk of serious harm (ROSH)', safetyWellbeingRating: 'Safety & wellbeing', likelihoodOfReoffending: 'Likelihood of reoffending',
};

const str = (v: unknown): string | undefined => (typeof v === 'string' && v.trim() ? v.trim() : undefined);

/** An order is current until it ended (endedOn) or its end date has passed. */
function isCurrent(item: CollectionItem, today: string): boolean {
  if (str(item.values.endedOn)) return false;
  const end = str(item.values.end) ?? str(item.values.endDate);
  return !end || end.slice(0, 10) >= today;
}

/** The item written last (by its sources' times): the latest assessment. */
function latest(items: readonly CollectionItem[]): CollectionItem | undefined {
  const at = (i: CollectionItem) => Object.values(i.sources ?? {}).reduce((m, s) => (s.at > m ? s.at : m), '');
  return [...items].sort((a, b) => at(b).localeCompare(at(a)))[0];
}

export function recordHeader(record: CaseRecord, catalogue: FieldCatalogue, today: string, readable: readonly string[]): RecordHeader {
  const out: RecordHeader = { orders: [], ratings: [] };
  if (readable.includes('offending')) {
    const typeField = catalogue.offending?.items.orders?.type;
    for (const item of record.sections.offending?.collections?.orders ?? []) {
      if (!isCurrent(item, today)) continue;
      const endDate = str(item.values.end) ?? str(item.values.endDate);
      const madeOn = str(item.values.madeOn) ?? str(item.values.start);
      const type = item.values.type !== undefined ? valueWords(item.values.type, typeField).text : undefined;
      out.orders.push({
        // An order without a name of its own is called by its type ("Youth rehabilitation order"), not "Order".
        itemId: item.id, label: item.label ?? type ?? 'Order',
        ...(type !== undefined ? { type } : {}),
        ...(madeOn ? { madeOn: madeOn.slice(0, 10) } : {}), ...(endDate ? { endDate: endDate.slice(0, 10) } : {}),
      });
    }
  }
  if (readable.includes('assessments')) {
    const assessment = latest(record.sections.assessments?.collections?.assessments ?? []);
    const fields = catalogue.assessments?.items.assessments ?? {};
    for (const key of RATING_FIELDS) {
      const value = assessment?.values[key] ?? record.sections.assessments?.values[key];
      if (value === undefined || value === null || value === '') continue;
      out.ratings.push({ label: fields[key]?.label ?? RATING_WORDS[key], value: valueWords(value, fields[key]) });
    }
  }
  if (record.reduction) out.reduced = { reducedAt: record.reduction.reducedAt, rule: record.reduction.rule };
  return out;
}
