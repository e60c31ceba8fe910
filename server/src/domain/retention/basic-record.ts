// "Reduce to a basic record after N years" (statutory court orders: a basic record after 3 years, deleted
// after 5): what the basic record of a case keeps. Chosen so that a later enquiry about the child (a court,
// the police, the child's own subject access request) can still be answered — who the child is, which
// orders and outcomes there were, of what type and when, when the case closed — and so that the retention
// review still classifies and dates the case the same way until its full erasure. Everything else goes:
// health, education, family, victims, assessments, plans, free text, and every other value. Pure.
import type { CaseReduction, CaseRecord, SectionState } from '../cases/case-record';

/** Flat values kept, by section. */
export const BASIC_RECORD_VALUES: Readonly<Record<string, readonly string[]>> = {
  // Identity: the name and date of birth answer "did you work with this child?". Not the NHS number (a
  // health identifier): name and date of birth still match legal holds and subject access searches.
  personal: ['givenName', 'familyName', 'dateOfBirth'],
  // The retention class: pathway and the sexual-offence marker (classify-case reads them).
  offending: ['pathway', 'sexualOffence'],
  // The closure date: the period of every CASE+N rule counts from it.
  plans: ['closureDate'],
};

/** Item fields kept, by section and collection: the orders and outcomes with their type and dates. */
export const BASIC_RECORD_ITEMS: Readonly<Record<string, Readonly<Record<string, readonly string[]>>>> = {
  offending: {
    orders: ['type', 'court', 'madeOn', 'start', 'end', 'endedOn', 'lengthMonths', 'sexualOffence'],
    outcomes: ['type', 'givenOn', 'decidedOn', 'madeOn', 'endedOn', 'lengthMonths'],
    // Only the marker (on orders too), so a sexual offence recorded on an item keeps its longer rule.
    offences: ['sexualOffence'],
  },
};

const pick = (o: Record<string, unknown> | undefined, keys: readonly string[]) =>
  Object.fromEntries(keys.filter((k) => o?.[k] !== undefined && o?.[k] !== null && o?.[k] !== '').map((k) => [k, o![k]]));

/** A source no longer points at a submission or task: those are deleted with the reduction. */
const slimSource = ({ submissionId: _s, taskId: _t, ...rest }: SectionState['sources'][string]) => rest;

function basicSection(section: string, state: SectionState): SectionState | undefined {
  const keep = BASIC_RECORD_VALUES[section] ?? [];
  const itemKeep = BASIC_RECORD_ITEMS[section] ?? {};
  const values = pick(state.values, keep);
  const collections: NonNullable<SectionState['collections']> = {};
  for (const [name, fields] of Object.entries(itemKeep)) {
    const items = (state.collections?.[name] ?? [])
      .map((i) => ({ id: i.id, values: pick(i.values, fields), sources: {} }))
      .filter((i) => Object.keys(i.values).length > 0);
    if (items.length) collections[name] = items;
  }
  if (!Object.keys(values).length && !Object.keys(collections).length) return undefined;
  const sources = Object.fromEntries(Object.entries(state.sources ?? {}).filter(([k]) => k in values).map(([k, s]) => [k, slimSource(s)]));
  const fields = pick(state.labels?.fields, Object.keys(values)) as Record<string, string>;
  const items = Object.fromEntries(Object.keys(collections).map((n) => [n, pick(state.labels?.items?.[n], itemKeep[n]) as Record<string, string>]));
  const labels = { ...(Object.keys(fields).length ? { fields } : {}), ...(Object.keys(items).length ? { items } : {}) };
  return {
    values,
    // Revision and dates stay: the next amendment numbers on, and "last activity" is not moved by the reduction.
    revision: state.revision, updatedAt: state.updatedAt, updatedBy: state.updatedBy,
    sources,
    ...(Object.keys(collections).length ? { collections } : {}),
    ...(Object.keys(labels).length ? { labels } : {}),
  };
}

/** The case as its basic record: the kept facts only, marked as reduced. */
export function basicRecordOf(record: CaseRecord, reduction: CaseReduction): CaseRecord {
  const sections: CaseRecord['sections'] = {};
  for (const [name, state] of Object.entries(record.sections)) {
    const kept = state ? basicSection(name, state) : undefined;
    if (kept) (sections as Record<string, SectionState>)[name] = kept;
  }
  const { nhsNumber: _nhs, ...identity } = record.identity;
  return {
    id: record.id, team: record.team, status: record.status,
    ...(record.pathway ? { pathway: record.pathway } : {}),
    createdAt: record.createdAt, createdBy: record.createdBy,
    identity, sections, reduction,
  };
}
