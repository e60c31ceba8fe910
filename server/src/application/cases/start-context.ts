// What a start form may read besides its own answers, and what the process receives besides them.
// Start forms name one of the case's orders by `orderId` (a select over `caseOrders`, the orders in words);
// the process then receives the order item as `order` ({ id, type, start, end… }), the shape every
// process deciding by order type reads (compliance-breach's `order.type`). Read from the offending
// section, which only the case's own team reaches here (the start requires the case's team).
import type { CaseRecord } from '../../domain/cases/case-record';
import type { CollectionItem } from '../../domain/cases/case-collections';

export interface StartContext {
  caseOrders: { label: string; value: string }[];
  /** The case's victims by name (victim contact starts for one of them): only for readers of the victims section. */
  caseVictims?: { label: string; value: string }[];
}

const ORDER_TYPES: Record<string, string> = {
  'referral-order': 'Referral order', yro: 'Youth rehabilitation order', dto: 'Detention and training order',
  'detention-s250': 'Detention (section 250)', 'extended-detention': 'Extended detention', 'detention-hmp': 'Detention at His Majesty\'s pleasure',
};

export const ordersOf = (record: CaseRecord): CollectionItem[] => record.sections.offending?.collections?.orders ?? [];

// "2 November 2026": option labels are read by people (one date format across the product).
const inWords = (iso: string) => new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const describe = (item: CollectionItem): string => {
  const type = typeof item.values.type === 'string' ? ORDER_TYPES[item.values.type] ?? item.values.type : undefined;
  const start = typeof item.values.start === 'string' ? item.values.start : typeof item.values.madeOn === 'string' ? item.values.madeOn : undefined;
  return [item.label ?? type ?? 'Order', start && !item.label ? `from ${inWords(start)}` : undefined].filter(Boolean).join(' ');
};

/** What start forms may read, limited to the sections the reader may read. */
export function startContextOf(record: CaseRecord, readable: readonly string[]): StartContext {
  const victims = record.sections.victims?.collections?.victims ?? [];
  return {
    caseOrders: readable.includes('offending') ? ordersOf(record).map((o) => ({ label: describe(o), value: o.id })) : [],
    ...(readable.includes('victims') ? { caseVictims: victims.map((v, i) => ({ label: v.label ?? `Victim ${i + 1}`, value: v.id })) } : {}),
  };
}

/** The order a start names by `orderId`, as the process reads it. */
export function orderVariable(record: CaseRecord, orderId: unknown): Record<string, unknown> | undefined {
  const item = typeof orderId === 'string' ? ordersOf(record).find((o) => o.id === orderId) : undefined;
  return item ? { ...item.values, id: item.id } : undefined;
}

/**
 * The order current on a date (the day of a missed appointment): started on or before it and not ended
 * before it; the latest such. Dates are compared as ISO calendar dates.
 */
export function currentOrder(record: CaseRecord, onDate: string): Record<string, unknown> | undefined {
  const day = onDate.slice(0, 10);
  const started = (o: CollectionItem) => String(o.values.start ?? o.values.madeOn ?? '');
  const current = ordersOf(record)
    .filter((o) => started(o).slice(0, 10) <= day && !(typeof o.values.end === 'string' && o.values.end.slice(0, 10) < day))
    .sort((a, b) => started(b).localeCompare(started(a)))[0];
  return current ? { ...current.values, id: current.id } : undefined;
}
