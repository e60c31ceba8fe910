// Parsing of list query strings (?offset=&limit=&active=true) into typed values, with field errors as
// data so a bad link gets a 422 naming the parameter.
import type { FieldErrors } from '../domain/errors';
import type { PageRequest } from '../ports/repository.port';

export type QueryInput = Record<string, unknown>;

export function str(q: QueryInput, name: string, errors: FieldErrors, max = 200): string | undefined {
  const v = q[name];
  if (v === undefined || v === '') return undefined;
  if (typeof v !== 'string' || v.length > max) {
    errors[name] = `Give ${name} once, as text of at most ${max} characters`;
    return undefined;
  }
  return v;
}

export function bool(q: QueryInput, name: string, errors: FieldErrors): boolean | undefined {
  const v = str(q, name, errors);
  if (v === undefined) return undefined;
  if (v !== 'true' && v !== 'false') errors[name] = `${name} is true or false`;
  return v === 'true';
}

export function instant(q: QueryInput, name: string, errors: FieldErrors): Date | undefined {
  const v = str(q, name, errors);
  if (v === undefined) return undefined;
  const d = /^\d{4}-\d{2}-\d{2}/.test(v) ? new Date(v) : new Date(NaN);
  if (Number.isNaN(d.getTime())) errors[name] = `${name} is a date such as 2026-11-24 or 2026-11-24T10:00:00Z`;
  return d;
}

export function page(q: QueryInput, errors: FieldErrors, maxLimit = 100, defaultLimit = 25): PageRequest {
  const num = (name: string, dflt: number, min: number, max: number) => {
    const v = str(q, name, errors);
    if (v === undefined) return dflt;
    const n = Number(v);
    if (!Number.isInteger(n) || n < min || n > max) {
      errors[name] = `${name} is a whole number from ${min} to ${max}`;
      return dflt;
    }
    return n;
  };
  return { offset: num('offset', 0, 0, 1_000_000), limit: num('limit', defaultLimit, 1, maxLimit) };
}
