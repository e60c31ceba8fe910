// Who a subject access request is about, as the requester describes them. Everything here comes from
// outside (a letter, an email, a form) so it is checked before any search: strings only, bounded lengths,
// real dates, a valid NHS number when one is given.
import { isValidNhsNumber, normaliseNhsNumber } from '../cases/nhs-number';
import { normaliseName } from '../cases/person-identity';
import type { FieldErrors } from '../errors';
import { isCivilDate } from './sar-clock';

export interface SarSubject {
  givenName: string;
  familyName: string;
  /** Other names the person is or was known by ("Lee Smith", "Lee Jones"). */
  otherNames: string[];
  dateOfBirth?: string;
  nhsNumber?: string;
}

const MAX_NAME = 100;
const MAX_OTHER_NAMES = 10;
const str = (v: unknown) => (typeof v === 'string' ? v.trim() : undefined);

/** Reads and checks a subject from untrusted input: the subject, or field errors. */
export function readSubject(input: unknown): { subject?: SarSubject; errors: FieldErrors } {
  const errors: FieldErrors = {};
  const o = input && typeof input === 'object' && !Array.isArray(input) ? (input as Record<string, unknown>) : {};
  const givenName = str(o.givenName);
  const familyName = str(o.familyName);
  if (!givenName || givenName.length > MAX_NAME || !normaliseName(givenName)) errors.givenName = 'Enter the given name (up to 100 letters)';
  if (!familyName || familyName.length > MAX_NAME || !normaliseName(familyName)) errors.familyName = 'Enter the family name (up to 100 letters)';
  const rawOthers = o.otherNames ?? [];
  const otherNames = Array.isArray(rawOthers) ? rawOthers.map(str) : [undefined];
  if (otherNames.length > MAX_OTHER_NAMES || otherNames.some((n) => n === undefined || n.length > 2 * MAX_NAME)) {
    errors.otherNames = 'Enter up to 10 other names, each as text';
  }
  const dateOfBirth = o.dateOfBirth === undefined || o.dateOfBirth === '' ? undefined : o.dateOfBirth;
  if (dateOfBirth !== undefined && !isCivilDate(dateOfBirth)) errors.dateOfBirth = 'Enter the date of birth as YYYY-MM-DD (a real date)';
  const nhsNumber = o.nhsNumber === undefined || o.nhsNumber === '' ? undefined : o.nhsNumber;
  if (nhsNumber !== undefined && (typeof nhsNumber !== 'string' || !isValidNhsNumber(nhsNumber))) errors.nhsNumber = 'This is not a valid NHS number';
  if (Object.keys(errors).length) return { errors };
  return {
    errors,
    subject: {
      givenName: givenName!, familyName: familyName!, otherNames: (otherNames as string[]).filter(Boolean),
      ...(dateOfBirth ? { dateOfBirth: dateOfBirth as string } : {}),
      ...(nhsNumber ? { nhsNumber: normaliseNhsNumber(nhsNumber as string) } : {}),
    },
  };
}

/** Normalised full names the person goes by: "given family" and each other name. */
export function nameKeys(s: SarSubject): string[] {
  return [...new Set([`${s.givenName} ${s.familyName}`, ...s.otherNames].map(normaliseName).filter(Boolean))];
}

/** The words of the person's own names (not third parties when they appear in free text). */
export const ownNameWords = (s: SarSubject): string[] => [s.givenName, s.familyName, ...s.otherNames].flatMap((n) => n.split(/\s+/)).filter(Boolean);
