// Validation returns field errors as data; callers decide whether to throw (use cases) or list them
// (a file check at start-up).
import type { FieldErrors } from '../errors';
import { type Timescale, type TimescaleEdit, TIMESCALE_UNITS, isDurationUnit, isTimescaleUnit } from './timescale';

const MAX_REASON = 1000;

export function validateTimescaleEdit(current: Timescale, edit: TimescaleEdit): FieldErrors {
  const errors: FieldErrors = {};
  if (typeof edit.value !== 'number' || !Number.isInteger(edit.value) || edit.value <= 0) {
    errors.value = 'Enter a whole number greater than zero';
  } else if (edit.value > 10_000) {
    errors.value = 'Enter a number no greater than 10000';
  }
  if (!isTimescaleUnit(edit.unit)) {
    errors.unit = `Choose one of: ${TIMESCALE_UNITS.join(', ')}`;
  } else if (isDurationUnit(current.unit) !== isDurationUnit(edit.unit)) {
    // A deadline cannot become a count (or the reverse): processes rely on its kind.
    errors.unit = isDurationUnit(current.unit)
      ? 'This timescale is a duration: choose workingDays, calendarDays, weeks, months or years'
      : `This timescale is a ${current.unit}, not a duration: keep its unit`;
  }
  if (typeof edit.reason !== 'string' || edit.reason.trim().length === 0) {
    errors.reason = 'Say why the timescale is changing (e.g. the legislation or local decision)';
  } else if (edit.reason.length > MAX_REASON) {
    errors.reason = `Keep the reason under ${MAX_REASON} characters`;
  }
  return errors;
}

const ID = /^[a-z][a-zA-Z0-9]*$/;
const TEXT_FIELDS = ['label', 'trigger', 'countsFrom', 'status', 'source', 'defaultText'] as const;

/** Checks the shipped defaults file; errors are keyed `timescales[3].unit`. */
export function validateTimescaleList(input: unknown): { timescales: Timescale[]; errors: FieldErrors } {
  const errors: FieldErrors = {};
  if (!Array.isArray(input)) return { timescales: [], errors: { timescales: 'Expected a list of timescales' } };
  const seen = new Set<string>();
  input.forEach((raw, i) => {
    const at = `timescales[${i}]`;
    const t = (raw ?? {}) as Record<string, unknown>;
    if (typeof t.id !== 'string' || !ID.test(t.id)) errors[`${at}.id`] = 'Use a camelCase id (a FEEL name)';
    else if (seen.has(t.id)) errors[`${at}.id`] = `Duplicate id ${t.id}`;
    else seen.add(t.id);
    if (typeof t.value !== 'number' || !Number.isInteger(t.value) || t.value <= 0) errors[`${at}.value`] = 'Whole number > 0';
    if (!isTimescaleUnit(t.unit)) errors[`${at}.unit`] = `One of ${TIMESCALE_UNITS.join(', ')}`;
    if (t.direction !== 'after' && t.direction !== 'before') errors[`${at}.direction`] = 'after or before';
    for (const f of TEXT_FIELDS) {
      if (typeof t[f] !== 'string' || (t[f] as string).trim() === '') errors[`${at}.${f}`] = 'Required';
    }
  });
  return { timescales: Object.keys(errors).length ? [] : (input as Timescale[]), errors };
}
