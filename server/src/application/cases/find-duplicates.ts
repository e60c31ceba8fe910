// Duplicate check on referral: a child already known by the same normalised name and date of birth, or
// the same NHS number, is offered for matching before a new record is made (duplicates split a child's
// history across records). Only summaries are returned: names for cases the actor may open; for cases
// outside their teams only the team, so the team manager can resolve the match.
import { ValidationError, type FieldErrors } from '../../domain/errors';
import { isValidNhsNumber } from '../../domain/cases/nhs-number';
import { duplicateReasons, identityKeys, type DuplicateReason, type PersonIdentity } from '../../domain/cases/person-identity';
import type { CaseRepository } from '../../ports/case-repository.port';
import { canViewCase, requireAction, type AccessPolicy, type Actor } from './case-access';
import { teamWords } from '../../domain/teams/teams-in-force';

export interface DuplicateMatch {
  reasons: DuplicateReason[];
  /** Present when the actor may open the case; otherwise only its team is said. */
  caseId?: string;
  displayName?: string;
  dateOfBirth?: string;
  team: string;
  /**
   * Another team's record, for a role that may break glass: its reference, to open it with a reason (as the
   * cases list offers). Nothing else of it is said.
   */
  breakGlassId?: string;
}

const REASON_WORDS: Record<DuplicateReason, string> = {
  'name-and-date-of-birth': 'same name and date of birth',
  'nhs-number': 'same NHS number',
};

/** "Sam Smith, born 14 March 2010 (same name and date of birth)", or "a record in South team (same NHS number)". */
export function describeMatch(m: DuplicateMatch): string {
  const why = m.reasons.map((r) => REASON_WORDS[r]).join(' and ');
  if (!m.displayName) return `a record in ${teamWords(m.team)} (${why})`;
  return `${m.displayName}${m.dateOfBirth ? `, born ${longDate(m.dateOfBirth)}` : ''} (${why})`;
}

const longDate = (iso: string) =>
  new Date(`${iso.slice(0, 10)}T12:00:00Z`).toLocaleDateString('en-GB', { day: 'numeric', month: 'long', year: 'numeric', timeZone: 'UTC' });

const isCalendarDate = (s: string) => /^\d{4}-\d{2}-\d{2}$/.test(s) && !Number.isNaN(Date.parse(s)) && new Date(`${s}T00:00:00Z`).toISOString().startsWith(s);

/** `today` (YYYY-MM-DD) when a record is being made: a date of birth after it is refused. */
export function checkIdentity(p: Partial<PersonIdentity>, today?: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!p.givenName?.trim()) errors.givenName = 'Enter the given name';
  if (!p.familyName?.trim()) errors.familyName = 'Enter the family name';
  if (!p.dateOfBirth || !isCalendarDate(p.dateOfBirth)) {
    errors.dateOfBirth = p.dateOfBirth ? 'Date of birth must be a real date' : 'Enter the date of birth';
  } else if (today && p.dateOfBirth > today) {
    errors.dateOfBirth = 'Date of birth must be today or in the past';
  }
  if (p.nhsNumber && !isValidNhsNumber(p.nhsNumber)) errors.nhsNumber = 'Enter a valid NHS number: 10 digits, like 943 476 5919';
  return errors;
}

export async function findDuplicates(
  deps: { cases: CaseRepository; policy: AccessPolicy },
  actor: Actor,
  person: PersonIdentity,
): Promise<DuplicateMatch[]> {
  requireAction(deps.policy, actor, 'create-case', 'search for duplicate people');
  const errors = checkIdentity(person);
  if (Object.keys(errors).length) throw new ValidationError('Check the person details', errors, 'IDENTITY_INVALID');
  const keys = identityKeys(person);
  const found = await deps.cases.findByIdentity(keys, 20);
  return found
    .map((c) => {
      const reasons = duplicateReasons(keys, { nameKey: c.nameKey, dateOfBirth: c.dateOfBirth, nhsNumber: c.nhsNumber });
      const visible = canViewCase(deps.policy, actor, c);
      return visible
        ? { reasons, caseId: c.id, displayName: c.displayName, dateOfBirth: c.dateOfBirth, team: c.team }
        : { reasons, team: c.team, ...(deps.policy.can(actor, 'break-glass') ? { breakGlassId: c.id } : {}) };
    })
    .filter((m) => m.reasons.length > 0);
}
