// A practitioner corrects or adds values on one tab of a case (the PIA's "data can be amended when
// inaccurate"). A reason is required because the amendment history is read by the DPO and inspectors.
// Sections the actor may not write are refused before anything is read or stored. An `item` targets one
// item of a collection (a victim, an order…): an existing one by id, or a new one (no id); other items
// are never touched, and an id is looked up in this case's section only.
import { ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import { changePath, COLLECTION_NAME, isItemId, type ItemPatch } from '../../domain/cases/case-collections';
import { moveHome, type Address, type CaseRecord, type SectionValues } from '../../domain/cases/case-record';
import { isCaseSection, sectionLabel, type CaseSection } from '../../domain/cases/case-section';
import { checkItemPatch, checkSectionPatch, NEW_ADDRESS_FIELD } from '../../domain/cases/section-rules';
import { localDate } from '../../forms-core/form-dates';
import type { Clock } from '../../ports/clock.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import { auditActor, loadCaseToChange, requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { randomItemId } from './item-ids';
import type { CaseGuard } from '../consent/case-guard';
import { writeCaseSection } from './write-case-section';
import { checkAgainstForms } from './check-against-forms';
import type { FieldCatalogueSource } from './field-catalogue';

export interface AmendCaseSectionInput {
  caseId: string;
  section: string;
  /** field → new value; null or "" clears the field. `newAddress` (personal) records a move. */
  changes: SectionValues;
  reason: string;
  /** One item of a collection: `id` amends it (it must exist), no id adds a new item. */
  item?: { collection: string; id?: string };
}

export interface AmendCaseSectionDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  clock: Clock;
  audit?: CaseAuditSink;
  newItemId?: () => string;
  /** Refuses changes to a case whose processing is restricted, except the DPO's, who reaches it to correct it (application/consent/case-guard.ts). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange' | 'activeRestriction'>;
  /** The deployed forms' fields: a known field's new value must pass its form's rules (check-against-forms.ts). */
  words?: { catalogue: FieldCatalogueSource };
}

export async function amendCaseSection(deps: AmendCaseSectionDeps, actor: Actor, input: AmendCaseSectionInput): Promise<CaseAmendment | undefined> {
  if (!isCaseSection(input.section)) {
    throw new ValidationError(`Unknown section "${input.section}"`, { section: 'Not a section of a case record' }, 'UNKNOWN_SECTION');
  }
  const section: CaseSection = input.section;
  requireAction(deps.policy, actor, 'view-cases', 'amend case records');
  if (!writable(deps.policy, actor).includes(section)) {
    throw new ForbiddenError(`Your role may not change the ${sectionLabel(section)} section`, 'SECTION_NOT_WRITABLE');
  }
  const errors = input.item ? checkItemPatch(input.changes) : checkSectionPatch(section, input.changes, localDate(deps.clock.now()));
  if (input.item && !COLLECTION_NAME.test(input.item.collection)) errors.collection = 'Collection names are camelCase letters and digits, such as victims';
  if (input.item && !input.item.id && !Object.values(input.changes).some((v) => v !== null && v !== '')) errors.changes = 'Give at least one value for the new item';
  if (!input.reason?.trim()) errors.reason = 'Say why the record is being changed';
  if (!Object.keys(input.changes).length) errors.changes = 'Change at least one field';
  if (deps.words) Object.assign(errors, await checkAgainstForms(deps.words.catalogue, section, input.changes, input.item?.collection));
  if (Object.keys(errors).length) throw new ValidationError('Some changes need correcting', errors, 'AMENDMENT_INVALID');

  const { record, correction } = await loadCaseToChange(deps, actor, input.caseId);
  await deps.caseGuard?.assertMayChange(actor, record.id, 'amend this case');
  const patch = input.item ? {} : flatPatch(record, section, input.changes);
  const items = input.item ? [itemPatch(deps, record, section, input.item, input.changes)] : [];
  const amendment = await writeCaseSection(deps, {
    caseId: record.id, section, patch, items, by: actor.id, at: deps.clock.now().toISOString(),
    source: { kind: 'manual', reason: input.reason.trim() },
  });
  if (amendment) {
    await deps.audit?.record({
      actor: auditActor(actor), action: 'case.write', recordType: 'case', recordId: record.id, sections: [section],
      reason: correction ? `${input.reason.trim()} — ${correction}` : input.reason.trim(), before: beforeOf(amendment), after: afterOf(amendment),
      ...(correction ? { flagged: true } : {}), // the DPO past the teams: shown to managers like a break-glass read
    });
  }
  return amendment;
}

function flatPatch(record: CaseRecord, section: CaseSection, changes: SectionValues): SectionValues {
  const lists = record.sections[section]?.collections ?? {};
  const named = Object.keys(changes).filter((f) => f in lists);
  if (named.length) {
    const errors = Object.fromEntries(named.map((f) => [f, `${f} is a list of items: amend or add one of its items instead`]));
    throw new ValidationError('Some changes need correcting', errors, 'AMENDMENT_INVALID');
  }
  const patch = { ...changes };
  if (section === 'personal' && patch[NEW_ADDRESS_FIELD]) {
    const history = (record.sections.personal?.values.addresses as Address[] | undefined) ?? [];
    patch.addresses = moveHome(history, patch[NEW_ADDRESS_FIELD] as Address);
    delete patch[NEW_ADDRESS_FIELD];
  }
  return patch;
}

/** The item is looked up in this case's section only: an id of another case's item finds nothing here. */
function itemPatch(deps: AmendCaseSectionDeps, record: CaseRecord, section: CaseSection, item: { collection: string; id?: string }, values: SectionValues): ItemPatch {
  if (record.sections[section]?.values[item.collection] !== undefined) {
    throw new ValidationError('Some changes need correcting', { collection: `${item.collection} is one value of this section, not a list of items` }, 'AMENDMENT_INVALID');
  }
  if (item.id === undefined) return { collection: item.collection, id: (deps.newItemId ?? randomItemId)(), values };
  const items = record.sections[section]?.collections?.[item.collection] ?? [];
  if (!isItemId(item.id) || !items.some((i) => i.id === item.id)) {
    throw new NotFoundError(`No item "${String(item.id).slice(0, 64)}" in the ${item.collection} of this case's ${sectionLabel(section)} section`, 'ITEM_NOT_FOUND');
  }
  return { collection: item.collection, id: item.id, values };
}

// The audit keeps field-level before/after of a manual amendment (the amendment itself holds the same);
// an item's fields are named `victims[<id>].rjConsent`.
const beforeOf = (a: CaseAmendment) => Object.fromEntries(a.changes.map((c) => [changePath(c), c.previous ?? null]));
const afterOf = (a: CaseAmendment) => Object.fromEntries(a.changes.map((c) => [changePath(c), c.value ?? null]));
