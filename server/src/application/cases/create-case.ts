// A referral opens a case. The duplicate check runs here too, not only in the UI: unless the referrer
// confirms they looked at the matches, a likely duplicate is refused with the matches named as data.
import { randomBytes } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import type { CaseAmendment } from '../../domain/cases/case-amendment';
import type { CaseRecord, SectionValues } from '../../domain/cases/case-record';
import type { CaseSection } from '../../domain/cases/case-section';
import { REFERRED_BY_SECTION } from '../../domain/cases/referral-start-variables';
import { normaliseNhsNumber } from '../../domain/cases/nhs-number';
import type { PersonIdentity } from '../../domain/cases/person-identity';
import { localDate } from '../../forms-core/form-dates';
import type { Clock } from '../../ports/clock.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import { auditActor, canViewCase, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from './case-access';
import { checkIdentity, describeMatch, findDuplicates } from './find-duplicates';
import { referralAgeWarning } from '../../domain/cases/referral-age';
import { assertAllocatable, type TeamUsers } from './team-case-managers';
import { identityOf } from './write-case-section';

export interface CreateCaseInput extends PersonIdentity {
  team: string;
  gender?: string;
  caseManagerId?: string;
  pathway?: string;
  referralSource?: string;
  /** The referrer saw the possible duplicates and this is a different child. */
  confirmedNotDuplicate?: boolean;
}

export interface CreateCaseDeps {
  cases: CaseRepository;
  policy: AccessPolicy;
  clock: Clock;
  audit?: CaseAuditSink;
  newId?: () => string;
  /** Checks a case manager named at referral (an active case manager of the team), when given. */
  people?: TeamUsers;
}

/** A new case, and warnings the referrer was asked to confirm (an age outside 10 to 17 on the referral date). */
export type CreatedCase = CaseRecord & { warnings?: Record<string, string> };

// Crockford base32 without I, L, O, U: references are read out over the phone.
const ALPHABET = '0123456789ABCDEFGHJKMNPQRSTVWXYZ';
const newReference = () => `YJ-${Array.from(randomBytes(8), (b) => ALPHABET[b % 32]).join('')}`;

export async function createCase(deps: CreateCaseDeps, actor: Actor, input: CreateCaseInput): Promise<CreatedCase> {
  requireAction(deps.policy, actor, 'create-case', 'open a case');
  const today = localDate(deps.clock.now());
  const errors = checkIdentity(input, today);
  if (!input.team?.trim()) errors.team = 'Choose the team that will hold the case';
  else if (!canViewCase(deps.policy, actor, { id: '', team: input.team })) {
    errors.team = 'You can only open cases for your own teams';
  }
  if (Object.keys(errors).length) throw new ValidationError('Check the referral details', errors, 'CASE_INVALID');
  if (input.caseManagerId && deps.people) await assertAllocatable(deps.people, input.team, 'caseManagerId', 'Case manager', input.caseManagerId);

  if (!input.confirmedNotDuplicate) {
    const matches = await findDuplicates(deps, actor, input);
    if (matches.length) {
      const named = matches.map(describeMatch).join('; ');
      throw new ValidationError(`This child may already be known: ${named}. Open the existing record, or confirm this is a different child.`, {
        duplicates: named,
      }, 'POSSIBLE_DUPLICATE');
    }
  }

  const at = deps.clock.now().toISOString();
  const personal: SectionValues = {
    givenName: input.givenName.trim(),
    familyName: input.familyName.trim(),
    dateOfBirth: input.dateOfBirth,
    ...(input.nhsNumber ? { nhsNumber: normaliseNhsNumber(input.nhsNumber) } : {}),
    ...(input.gender ? { gender: input.gender } : {}),
  };
  // Who referred the child is filed where the intake's form files it, not beside the identity.
  const filed: Record<CaseSection, SectionValues> = {
    personal, ...(input.referralSource ? { [REFERRED_BY_SECTION]: { referralSource: input.referralSource } } : {}),
  };
  const caseId = (deps.newId ?? newReference)();
  const amendments: CaseAmendment[] = Object.entries(filed).map(([section, values]) => ({
    caseId, section: section as CaseSection, seq: 1, at, by: actor.id, source: { kind: 'referral' },
    changes: Object.entries(values).map(([field, value]) => ({ field, value })), after: values,
  }));
  const sectionOf = (values: SectionValues) => ({
    values, revision: 1, updatedAt: at, updatedBy: actor.id, sources: Object.fromEntries(Object.keys(values).map((f) => [f, { at, by: actor.id, amendmentSeq: 1 }])),
  });
  const record: CaseRecord = {
    id: caseId, team: input.team, status: 'open', createdAt: at, createdBy: actor.id,
    ...(input.caseManagerId ? { caseManagerId: input.caseManagerId } : {}), ...(input.pathway ? { pathway: input.pathway } : {}),
    identity: identityOf(undefined, personal)!,
    sections: Object.fromEntries(Object.entries(filed).map(([section, values]) => [section, sectionOf(values)])),
  };
  await deps.cases.create(record, amendments);
  await deps.audit?.record({ actor: auditActor(actor), action: 'case.create', recordType: 'case', recordId: record.id, sections: Object.keys(filed) as CaseSection[] });
  const age = referralAgeWarning(input.dateOfBirth, today);
  return age ? { ...record, warnings: { dateOfBirth: age } } : record;
}
