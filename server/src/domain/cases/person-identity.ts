// Who a case is about, and how two referrals are recognised as the same child. Names are compared
// after normalisation (case, accents, punctuation, spacing) because referrals come from police, court
// and schools' systems that each spell "O'Neil-Smith" their own way.
import { normaliseNhsNumber } from './nhs-number';

export interface PersonIdentity {
  givenName: string;
  familyName: string;
  /** Civil date YYYY-MM-DD. */
  dateOfBirth: string;
  nhsNumber?: string;
}

export interface IdentityKeys {
  nameKey: string;
  dateOfBirth: string;
  nhsNumber?: string;
}

export type DuplicateReason = 'name-and-date-of-birth' | 'nhs-number';

export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/['’`]/g, '') // O'Neil and ONeil are one name; a hyphen or space still separates parts
    .replace(/[^a-z]+/g, ' ')
    .trim()
    .replace(/\s+/g, ' ');
}

export function identityKeys(p: PersonIdentity): IdentityKeys {
  return {
    nameKey: `${normaliseName(p.givenName)}|${normaliseName(p.familyName)}`,
    dateOfBirth: p.dateOfBirth.slice(0, 10),
    ...(p.nhsNumber ? { nhsNumber: normaliseNhsNumber(p.nhsNumber) } : {}),
  };
}

/** Why an existing record looks like the same child, strongest reason first (none → not a duplicate). */
export function duplicateReasons(candidate: IdentityKeys, existing: IdentityKeys): DuplicateReason[] {
  const reasons: DuplicateReason[] = [];
  if (candidate.nhsNumber && candidate.nhsNumber === existing.nhsNumber) reasons.push('nhs-number');
  if (candidate.nameKey === existing.nameKey && candidate.dateOfBirth === existing.dateOfBirth) reasons.push('name-and-date-of-birth');
  return reasons;
}

/** Reads an identity out of the personal section's values, when it holds enough to be one. */
export function identityFromPersonal(values: Record<string, unknown>): PersonIdentity | undefined {
  const { givenName, familyName, dateOfBirth, nhsNumber } = values;
  if (typeof givenName !== 'string' || typeof familyName !== 'string' || typeof dateOfBirth !== 'string') return undefined;
  return { givenName, familyName, dateOfBirth, ...(typeof nhsNumber === 'string' && nhsNumber ? { nhsNumber } : {}) };
}
