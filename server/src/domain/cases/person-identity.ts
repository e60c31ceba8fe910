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

/**
 * Version of the rule below. Stored keys made by an older rule are rewritten at start
 * (application/cases/rekey-person-names.ts), so a change of rule must bump it.
 * v1 kept only a–z: "Łukasz" became "ukasz" and a Cyrillic or Greek name became empty.
 */
export const NAME_KEY_VERSION = 2;

/** Letters that carry no combining mark to strip, so NFKD leaves them as they are. */
const FOLDED: Record<string, string> = { ł: 'l', ø: 'o', đ: 'd', ð: 'd', ħ: 'h', ß: 'ss', æ: 'ae', œ: 'oe', þ: 'th', ı: 'i', ŀ: 'l' };

/**
 * Letters of every script are kept (a Polish, Cyrillic or Greek name must still identify its child);
 * case, accents and punctuation are not, because each referring system writes them its own way.
 */
export function normaliseName(name: string): string {
  return name
    .normalize('NFKD')
    .replace(/\p{M}+/gu, '')
    .toLowerCase()
    .replace(/[łøđðħßæœþıŀ]/g, (c) => FOLDED[c] ?? c)
    .replace(/['’`ʼ]/g, '') // O'Neil and ONeil are one name; a hyphen or space still separates parts
    .replace(/[^\p{L}]+/gu, ' ')
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
