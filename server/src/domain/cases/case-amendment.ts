// One change to one section of a case, kept for ever (the PIA's accuracy principle: who changed what,
// when, and what it was before). Amendments are numbered per case+section; the storage makes
// (caseId, section, seq) unique, which is how two simultaneous writers are told apart.
import type { CaseSection } from './case-section';
import type { Collections } from './case-collections';
import type { SectionValues } from './case-record';

/**
 * A change of one value. A value of a collection's item is named by `collection` + `item` (its id) +
 * `field` (the item's field), rather than by one path string such as `victims[<id>].rjConsent`: each part
 * is validated on its own (names, ids), the history groups changes by item without parsing, and the
 * audit renders the path form (changePath in case-collections.ts). `itemLabel` is the item's name when
 * the change was made; `added` marks the values of an item this amendment created.
 */
export interface FieldChange {
  field: string;
  previous?: unknown;
  value?: unknown;
  collection?: string;
  item?: string;
  itemLabel?: string;
  added?: true;
}

export type AmendmentSource =
  | { kind: 'referral' }
  | { kind: 'manual'; reason: string }
  | { kind: 'submission'; submissionId: string; formId: string; formVersion: number; taskId?: string };

export interface CaseAmendment {
  caseId: string;
  section: CaseSection;
  seq: number;
  at: string;
  by: string;
  source: AmendmentSource;
  changes: FieldChange[];
  /** The section's values after this amendment, so the record can be rebuilt from amendments alone. */
  after: SectionValues;
  /** The section's collections after this amendment, when it has any (same reason). */
  afterCollections?: Collections;
}

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);

/**
 * Applies a patch (field → new value; undefined or null clears) and lists what actually changed.
 * Unchanged fields are not recorded, so re-submitting the same answers leaves no noise in the history.
 */
export function diffSection(before: SectionValues, patch: SectionValues): { after: SectionValues; changes: FieldChange[] } {
  const after: SectionValues = { ...before };
  const changes: FieldChange[] = [];
  for (const [field, value] of Object.entries(patch)) {
    const previous = before[field];
    const cleared = value === undefined || value === null || value === '';
    if (cleared ? previous === undefined : same(previous, value)) continue;
    if (cleared) delete after[field];
    else after[field] = value;
    changes.push({ field, ...(previous !== undefined ? { previous } : {}), ...(cleared ? {} : { value }) });
  }
  return { after, changes };
}
