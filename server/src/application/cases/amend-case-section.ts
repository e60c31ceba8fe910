// A practitioner corrects or adds values on one tab of a case (the PIA's "data can be amended when
// inaccurate"). A reason is required because the amendment history is read by the DPO and inspectors.
// Sections the actor may not write are refused before anything is read or stored.
import { ForbiddenError, ValidationError } from '../../domain/errors';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import { moveHome, type Address, type SectionValues } from '../../domain/cases/case-record';
import { isCaseSection, SECTION_LABELS, type CaseSection } from '../../domain/cases/case-section';
import { checkSectionPatch, NEW_ADDRESS_FIELD } from '../../domain/cases/section-rules';
import { localDate } from '../../forms-core/form-dates';
import type { Clock } from '../../ports/clock.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import { auditActor, loadVisibleCase, requireAction, writable, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { writeCaseSection } from './write-case-section';

export interface AmendCaseSectionInput {
  caseId: string;
  section: string;
  /** field → new value; null or "" clears the field. `newAddress` (personal) records a move. */
  changes: SectionValues;
  reason: string;
}

export interface AmendCaseSectionDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  clock: Clock;
  audit?: CaseAuditSink;
}

export async function amendCaseSection(deps: AmendCaseSectionDeps, actor: Actor, input: AmendCaseSectionInput): Promise<CaseAmendment | undefined> {
  if (!isCaseSection(input.section)) {
    throw new ValidationError(`Unknown section "${input.section}"`, { section: 'Not a section of a case record' }, 'UNKNOWN_SECTION');
  }
  const section: CaseSection = input.section;
  requireAction(deps.policy, actor, 'view-cases', 'amend case records');
  if (!writable(deps.policy, actor).includes(section)) {
    throw new ForbiddenError(`Your role may not change the ${SECTION_LABELS[section]} section`, 'SECTION_NOT_WRITABLE');
  }
  const errors = checkSectionPatch(section, input.changes, localDate(deps.clock.now()));
  if (!input.reason?.trim()) errors.reason = 'Say why the record is being changed';
  if (!Object.keys(input.changes).length) errors.changes = 'Change at least one field';
  if (Object.keys(errors).length) throw new ValidationError('Some changes need correcting', errors, 'AMENDMENT_INVALID');

  const record = await loadVisibleCase(deps, actor, input.caseId);
  const patch = { ...input.changes };
  if (section === 'personal' && patch[NEW_ADDRESS_FIELD]) {
    const history = (record.sections.personal?.values.addresses as Address[] | undefined) ?? [];
    patch.addresses = moveHome(history, patch[NEW_ADDRESS_FIELD] as Address);
    delete patch[NEW_ADDRESS_FIELD];
  }
  const amendment = await writeCaseSection(deps, {
    caseId: record.id, section, patch, by: actor.id, at: deps.clock.now().toISOString(),
    source: { kind: 'manual', reason: input.reason.trim() },
  });
  if (amendment) {
    await deps.audit?.record({
      actor: auditActor(actor), action: 'case.write', recordType: 'case', recordId: record.id, sections: [section],
      reason: input.reason.trim(), before: beforeOf(amendment), after: afterOf(amendment),
    });
  }
  return amendment;
}

// The audit keeps field-level before/after of a manual amendment (the amendment itself holds the same).
const beforeOf = (a: CaseAmendment) => Object.fromEntries(a.changes.map((c) => [c.field, c.previous ?? null]));
const afterOf = (a: CaseAmendment) => Object.fromEntries(a.changes.map((c) => [c.field, c.value ?? null]));
