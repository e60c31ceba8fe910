// Checks on values typed into a case record directly (not through a form, whose own schema validates it).
// Returns field errors as data. Structured fields (addresses, family members, agencies, offences) must
// keep their shape, because reports and the YJB return read them.
import type { FieldErrors } from '../errors';
import type { CaseSection } from './case-section';
import { isValidNhsNumber } from './nhs-number';

const FIELD_NAME = /^[A-Za-z][A-Za-z0-9_]{0,63}$/;
const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;
type Check = (v: unknown) => string | undefined;

const text: Check = (v) => (typeof v === 'string' && v.length <= 2000 ? undefined : 'Must be text of at most 2000 characters');
const date: Check = (v) => (typeof v === 'string' && ISO_DATE.test(v) && !Number.isNaN(Date.parse(v)) ? undefined : 'Must be a date written YYYY-MM-DD');
const listOf = (required: string[], dates: string[] = []): Check => (v) => {
  if (!Array.isArray(v)) return 'Must be a list';
  for (const [i, item] of v.entries()) {
    if (!item || typeof item !== 'object' || Array.isArray(item)) return `Item ${i + 1} must be an object`;
    const rec = item as Record<string, unknown>;
    const missing = required.filter((k) => typeof rec[k] !== 'string' || !rec[k]);
    if (missing.length) return `Item ${i + 1} needs ${missing.join(', ')}`;
    const badDate = dates.find((k) => rec[k] !== undefined && date(rec[k]));
    if (badDate) return `Item ${i + 1}: ${badDate} must be a date written YYYY-MM-DD`;
  }
  return undefined;
};
const address = listOf(['line1', 'town', 'postcode', 'from'], ['from', 'to']);

const RULES: Partial<Record<CaseSection, Record<string, Check>>> = {
  personal: {
    givenName: text, familyName: text, dateOfBirth: date, addresses: address,
    nhsNumber: (v) => (typeof v === 'string' && isValidNhsNumber(v) ? undefined : 'Must be a valid 10-digit NHS number (check digit failed)'),
    contacts: listOf(['name']),
  },
  family: { members: listOf(['name', 'relationship']) },
  agencies: { involved: listOf(['agency'], ['from', 'to']) },
  offending: { offences: listOf(['description', 'date'], ['date', 'outcomeDate', 'orderStart', 'orderEnd']) },
};

export const NEW_ADDRESS_FIELD = 'newAddress';

/** `today` (YYYY-MM-DD): a date of birth after it is refused. */
export function checkSectionPatch(section: CaseSection, patch: Record<string, unknown>, today?: string): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(patch)) {
    if (!FIELD_NAME.test(field)) {
      errors[field] = 'Field names are letters, digits and _ (starting with a letter)';
      continue;
    }
    if (value === null || value === '') continue; // clearing a value is always allowed
    if (section === 'personal' && field === NEW_ADDRESS_FIELD) {
      const problem = address([value]);
      if (problem) errors[field] = problem.replace('Item 1', 'The new address');
      continue;
    }
    const rule = RULES[section]?.[field];
    const problem = rule ? rule(value) : JSON.stringify(value).length > 20_000 ? 'Value is too large' : undefined;
    if (problem) errors[field] = problem;
    else if (section === 'personal' && field === 'dateOfBirth' && today && (value as string) > today) errors[field] = 'Date of birth must be today or in the past';
  }
  return errors;
}

const scalar = (v: unknown) => typeof v === 'string' || typeof v === 'number' || typeof v === 'boolean';

/**
 * Checks on values typed into one item of a collection: field names as above (never `id`, which is the
 * item's own), and values that a form could have given — text, a number, yes/no, or a list of those.
 */
export function checkItemPatch(patch: Record<string, unknown>): FieldErrors {
  const errors: FieldErrors = {};
  for (const [field, value] of Object.entries(patch)) {
    if (!FIELD_NAME.test(field)) errors[field] = 'Field names are letters, digits and _ (starting with a letter)';
    else if (field === 'id') errors[field] = "The item's id cannot be changed";
    else if (value === null || value === '') continue;
    else if (!(scalar(value) || (Array.isArray(value) && value.every(scalar)))) errors[field] = 'Must be text, a number, yes/no or a list of those';
    else if (JSON.stringify(value).length > 20_000) errors[field] = 'Value is too large';
    else if (typeof value === 'string' && value.length > 2000) errors[field] = 'Must be text of at most 2000 characters';
  }
  return errors;
}
