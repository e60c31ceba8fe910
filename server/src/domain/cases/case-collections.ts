// Repeating entities of a case section: the victims of an offence, a child's orders, hearings, panel
// meetings… A flat value has one current value (the latest submission wins), so five forms writing
// `panelDate` would overwrite each other; a collection keeps one ITEM per entity instead, each with a
// stable id, its own values and its own sources. Items are only ever added or amended field by field,
// never replaced or removed wholesale, so one victim's consent can never overwrite another's.
// Ids are chosen by the server (form-collection-items.ts and application/cases/item-ids.ts) and
// looked up in one section of one case only: an id cannot reach another case's items by construction.
import { COLLECTION_NAME, ITEM_ID } from '../../forms-core/form-collections';
import type { FieldChange } from './case-amendment';
import type { SectionValues, ValueSource } from './case-record';

export { COLLECTION_NAME, ITEM_ID };

export const isItemId = (v: unknown): v is string => typeof v === 'string' && ITEM_ID.test(v);

export interface CollectionItem {
  id: string;
  /** What people call the item (the form's `itemLabel`); without one readers say "<Collection> <n>". */
  label?: string;
  values: SectionValues;
  /** Which submission or amendment set each of the item's values. */
  sources: Record<string, ValueSource>;
}

export type Collections = Record<string, CollectionItem[]>;

/** One item's new values: fields given replace, others are kept; null or "" clears a field. */
export interface ItemPatch {
  collection: string;
  id: string;
  values: SectionValues;
  label?: string;
}

// Default labels of the collections the form convention names (people read labels, not keys).
const ITEM_NOUNS: Record<string, string> = {
  offences: 'Offence', outcomes: 'Outcome', orders: 'Order', hearings: 'Hearing', panels: 'Panel meeting',
  warnings: 'Warning', reports: 'Court report', contacts: 'Contact', victims: 'Victim', agencies: 'Agency',
  assessments: 'Assessment', addresses: 'Address',
};

/** "Victim 2": the default name of the n-th item (1-based) of a collection. */
export function defaultItemLabel(collection: string, position: number): string {
  const noun = ITEM_NOUNS[collection] ?? `${collection.charAt(0).toUpperCase()}${collection.slice(1).replace(/([A-Z])/g, ' $1').toLowerCase()} item`;
  return `${noun} ${position}`;
}

/** The label of an item as lists and the audit show it. */
export function itemLabelOf(collection: string, items: readonly CollectionItem[], id: string): string {
  const index = items.findIndex((i) => i.id === id);
  const item = items[index];
  return item?.label ?? defaultItemLabel(collection, index < 0 ? items.length + 1 : index + 1);
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const isCleared = (v: unknown) => v === undefined || v === null || v === '';

/**
 * Applies item patches and lists what actually changed, each change naming its collection and item.
 * A patch for an id not in the collection creates the item (appended, so numbering stays stable);
 * items no patch names are untouched. Sources are left to the writer (they need the amendment's number).
 */
export function diffItems(before: Collections | undefined, patches: readonly ItemPatch[]): { after: Collections; changes: FieldChange[] } {
  const after: Collections = { ...(before ?? {}) };
  const changes: FieldChange[] = [];
  for (const p of patches) {
    const items = [...(after[p.collection] ?? [])];
    const index = items.findIndex((i) => i.id === p.id);
    const existing = items[index];
    const item: CollectionItem = existing ? { ...existing, values: { ...existing.values } } : { id: p.id, values: {}, sources: {} };
    const label = p.label ?? existing?.label;
    const mine: FieldChange[] = [];
    for (const [field, value] of Object.entries(p.values)) {
      const previous = item.values[field];
      const cleared = isCleared(value);
      if (cleared ? previous === undefined : same(previous, value)) continue;
      if (cleared) delete item.values[field];
      else item.values[field] = value;
      mine.push({
        collection: p.collection, item: p.id, field,
        ...(previous !== undefined ? { previous } : {}), ...(cleared ? {} : { value }), ...(existing ? {} : { added: true }),
      });
    }
    if (!mine.length) continue;
    if (label) item.label = label;
    const itemLabel = label ?? defaultItemLabel(p.collection, existing ? index + 1 : items.length + 1);
    changes.push(...mine.map((c) => ({ ...c, itemLabel })));
    if (existing) items[index] = item;
    else items.push(item);
    after[p.collection] = items;
  }
  return { after, changes };
}

/** The dotted name of a change for audit lines and messages: `rjConsent`, or `victims[<id>].rjConsent`. */
export const changePath = (c: Pick<FieldChange, 'field' | 'collection' | 'item'>): string =>
  c.collection && c.item ? `${c.collection}[${c.item}].${c.field}` : c.field;
