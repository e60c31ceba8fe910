// Plain-English messages for request schemas. zod's own texts ("Too small: expected string to have
// >=1 characters") reached people; instead every parse gets this error map, which says what is wrong
// as a phrase ("must not be empty"), and fieldMessage() puts the field's name in front ("Given name
// must not be empty"). Messages written in a schema win over the map; when they start lower-case
// ("must be a date written YYYY-MM-DD") they get the field's name in front too.
import type { z } from 'zod';

type Issue = z.core.$ZodRawIssue;

const TYPE_NAMES: Record<string, string> = {
  string: 'text', number: 'a number', int: 'a whole number', boolean: 'true or false', object: 'an object',
  array: 'a list', record: 'an object', date: 'a date', null: 'empty (null)', bigint: 'a number',
};

const plural = (n: number | bigint, one: string) => `${n} ${one}${Number(n) === 1 ? '' : 's'}`;

function sizePhrase(origin: string, limit: number | bigint, least: boolean, inclusive: boolean | undefined): string {
  const bound = least ? (inclusive === false ? 'more than' : 'at least') : inclusive === false ? 'less than' : 'at most';
  if (origin === 'string') return least && Number(limit) === 1 && inclusive !== false ? 'must not be empty' : `must be ${bound} ${plural(limit, 'character')} long`;
  if (origin === 'array' || origin === 'set') return `must have ${bound} ${plural(limit, 'item')}`;
  if (origin === 'date') return `must be ${least ? 'on or after' : 'on or before'} ${new Date(Number(limit)).toISOString().slice(0, 10)}`;
  return `must be ${bound} ${limit}`;
}

const quoted = (v: unknown) => (typeof v === 'string' ? `"${v}"` : String(v));

/** The zod error map every request parse uses: a phrase to follow the field's name. */
export const requestErrorMap = (iss: Issue): string => {
  switch (iss.code) {
    case 'invalid_type':
      return iss.input === undefined ? 'is required' : `must be ${TYPE_NAMES[iss.expected] ?? iss.expected}`;
    case 'too_small':
      return sizePhrase(iss.origin, iss.minimum, true, iss.inclusive);
    case 'too_big':
      return sizePhrase(iss.origin, iss.maximum, false, iss.inclusive);
    case 'invalid_value':
      return iss.values.length === 1 ? `must be ${quoted(iss.values[0])}` : `must be one of ${iss.values.map(quoted).join(', ')}`;
    case 'invalid_format':
      return iss.format === 'regex' ? 'is not in the expected format' : `must be a valid ${iss.format}`;
    case 'not_multiple_of':
      return `must be a multiple of ${iss.divisor}`;
    case 'unrecognized_keys':
      return `has unknown field${iss.keys.length > 1 ? 's' : ''} ${iss.keys.map(quoted).join(', ')}`;
    case 'invalid_key':
      return 'has a name that is not allowed';
    case 'invalid_union':
      return 'is not any of the accepted kinds of value';
    default:
      return 'is not valid';
  }
};

/** "dateOfBirth" → "Date of birth"; the last named segment of the path, or "The request". */
export function fieldLabel(path: readonly PropertyKey[], whole = 'The request'): string {
  const named = [...path].reverse().find((p) => typeof p === 'string') as string | undefined;
  if (!named) return whole;
  const words = named.replace(/[_-]+/g, ' ').replace(/([a-z0-9])([A-Z])/g, '$1 $2').trim().toLowerCase();
  const row = path.find((p) => typeof p === 'number');
  const text = words ? words[0].toUpperCase() + words.slice(1) : named;
  return row === undefined ? text : `${text} (item ${Number(row) + 1})`;
}

/** The issue's message as a sentence naming the field. */
export function fieldMessage(issue: z.core.$ZodIssue, whole?: string): string {
  const m = issue.message;
  return /^[a-z]/.test(m) ? `${fieldLabel(issue.path, whole)} ${m}` : m;
}

export const issuePath = (issue: z.core.$ZodIssue): string => issue.path.map(String).join('.') || '(body)';
