// A legal hold keeps records that would otherwise fall due: on one case, on a person (every case of that
// person, matched by the case's identity keys as duplicate detection does), or on everything (an
// inquiry's preservation order). A held record is never deleted; a hold ends when lifted or at `until`.
import type { FieldErrors } from '../errors';
import { civilDate } from './financial-year';

export const HOLD_SCOPES = ['case', 'person', 'all'] as const;
export type HoldScope = (typeof HOLD_SCOPES)[number];

export interface PersonKeys {
  nameKey: string;
  dateOfBirth: string;
  nhsNumber?: string;
}

export interface LegalHold {
  id: string;
  scope: HoldScope;
  /** For a case hold. */
  caseId?: string;
  /** For a person hold: the identity keys of the case it was placed from, plus that case for the record. */
  person?: PersonKeys;
  personCaseId?: string;
  reason: string;
  placedBy: string;
  since: string;
  /** Civil date after which the hold no longer applies; none = until lifted. */
  until?: string;
  liftedAt?: string;
  liftedBy?: string;
  liftReason?: string;
}

export function validateHoldInput(input: { scope: unknown; caseId: unknown; reason: unknown; until: unknown }, today: string): FieldErrors {
  const errors: FieldErrors = {};
  if (!(HOLD_SCOPES as readonly unknown[]).includes(input.scope)) errors.scope = 'Choose a case, a person or everything';
  if (input.scope !== 'all' && (typeof input.caseId !== 'string' || !/^[A-Za-z0-9_-]{1,64}$/.test(input.caseId))) errors.caseId = 'Enter the case reference';
  if (typeof input.reason !== 'string' || input.reason.trim().length < 5 || input.reason.length > 1000) errors.reason = 'Say why the records are held (5 to 1000 characters)';
  if (input.until !== undefined && input.until !== null && input.until !== '') {
    const day = civilDate(input.until);
    if (!day || day !== input.until) errors.until = 'Enter a date as YYYY-MM-DD';
    else if (day < today) errors.until = 'The end of the hold cannot be in the past';
  }
  return errors;
}

export const isHoldActive = (hold: LegalHold, today: string): boolean => !hold.liftedAt && (!hold.until || hold.until >= today);

/** Whether an active hold covers a case with these identity keys. */
export function holdCovers(hold: LegalHold, c: { caseId: string; nameKey?: string; dateOfBirth?: string; nhsNumber?: string }): boolean {
  if (hold.scope === 'all') return true;
  if (hold.scope === 'case') return hold.caseId === c.caseId;
  const p = hold.person;
  if (!p) return false;
  if (p.nhsNumber && p.nhsNumber === c.nhsNumber) return true;
  return p.nameKey === c.nameKey && p.dateOfBirth === c.dateOfBirth;
}
