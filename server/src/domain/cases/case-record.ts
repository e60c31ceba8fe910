// A child's case: identity, ownership (team, case manager), status and pathway, and one value map per
// section. Section values are the LATEST values; how each got there lives in the append-only
// amendments (see case-amendment.ts), and each value remembers which submission or person set it.
import type { CaseSection } from './case-section';
import type { CollectionItem } from './case-collections';
import type { IdentityKeys } from './person-identity';

export type CaseStatus = 'open' | 'closed';

export type SectionValues = Record<string, unknown>;

/** Where a value came from: a form submission (linked) or a manual amendment (with its reason). */
export interface ValueSource {
  at: string;
  by: string;
  submissionId?: string;
  formId?: string;
  formVersion?: number;
  taskId?: string;
  amendmentSeq: number;
}

export interface SectionState {
  values: SectionValues;
  /** Equals the seq of the last amendment applied; the next amendment must be revision + 1. */
  revision: number;
  updatedAt: string;
  updatedBy: string;
  sources: Record<string, ValueSource>;
  /** Repeating entities of the section (victims, orders, hearings…), by collection name; see case-collections.ts. */
  collections?: Record<string, CollectionItem[]>;
  /** Form labels of the values, as the forms that wrote them said (people read labels, not keys). */
  labels?: FieldLabels;
}

/** Labels of flat fields by name, and of item fields by collection then field (no dotted keys: stored as is). */
export interface FieldLabels {
  fields?: Record<string, string>;
  items?: Record<string, Record<string, string>>;
}

/** Earlier labels with newer ones on top (a form's new wording replaces the old). */
export function mergeLabels(a: FieldLabels | undefined, b: FieldLabels | undefined): FieldLabels | undefined {
  if (!b) return a;
  const items: Record<string, Record<string, string>> = { ...(a?.items ?? {}) };
  for (const [name, labels] of Object.entries(b.items ?? {})) items[name] = { ...(items[name] ?? {}), ...labels };
  const fields = { ...(a?.fields ?? {}), ...(b.fields ?? {}) };
  return { ...(Object.keys(fields).length ? { fields } : {}), ...(Object.keys(items).length ? { items } : {}) };
}

export interface CaseRecord {
  id: string;
  team: string;
  caseManagerId?: string;
  status: CaseStatus;
  pathway?: string;
  createdAt: string;
  createdBy: string;
  /** Derived from the personal section; kept alongside for duplicate searches and summaries. */
  identity: IdentityKeys & { displayName: string };
  sections: Partial<Record<CaseSection, SectionState>>;
  /** Set when the retention schedule reduced the case to a basic record (see domain/retention/basic-record.ts). */
  reduction?: CaseReduction;
}

/** A case reduced to a basic record: when, under which rule, who approved. Reduced once; erased later. */
export interface CaseReduction {
  reducedAt: string;
  rule: string;
  approvedBy: string;
  approvalRef?: string;
  /** When the rule made the reduction due, when known. */
  dueAt?: string;
}

/** What anyone allowed to see the case may see, whatever their sections (queues, task pages). */
export interface CaseSummary {
  id: string;
  displayName: string;
  dateOfBirth: string;
  team: string;
  caseManagerId?: string;
  status: CaseStatus;
  pathway?: string;
}

export const summariseCase = (c: CaseRecord): CaseSummary => ({
  id: c.id,
  displayName: c.identity.displayName,
  dateOfBirth: c.identity.dateOfBirth,
  team: c.team,
  ...(c.caseManagerId ? { caseManagerId: c.caseManagerId } : {}),
  status: c.status,
  ...(c.pathway ? { pathway: c.pathway } : {}),
});

/** Address history: a move closes the current address the day the new one starts; nothing is deleted. */
export interface Address {
  line1: string;
  line2?: string;
  town: string;
  postcode: string;
  from: string;
  to?: string;
}

export function moveHome(history: readonly Address[], next: Address): Address[] {
  const closed = history.map((a) => (a.to ? a : { ...a, to: next.from }));
  return [...closed, next];
}
