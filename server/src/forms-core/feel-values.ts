// FEEL results as JSON, the way Zeebe writes them into variables: a date is "2026-03-14", a date and time
// "2026-03-14T09:30:00Z" (or with its offset), a time "09:30:00", a duration "P1D" / "P1Y2M". feelin's values
// are luxon objects; its own string() knows which FEEL type each one is (a date is a date-time at midnight
// UTC to luxon), so the conversion asks it rather than guessing from the object. Used by the engine for
// variables it writes and by the forms for expression fields, so both store the same text.
import { evaluate } from '@bpmn-io/feelin';

const isTemporal = (v: object): boolean => {
  const t = v as { isLuxonDateTime?: boolean; isLuxonDuration?: boolean };
  return t.isLuxonDateTime === true || t.isLuxonDuration === true;
};

function temporalText(value: object): string | null {
  try {
    const text = evaluate('string(v)', { v: value }).value;
    return typeof text === 'string' ? text : null;
  } catch {
    return null;
  }
}

/** Plain JSON from a FEEL value: temporal values as Zeebe's strings, functions as null, lists and contexts deep. */
export function feelToJson(value: unknown): unknown {
  if (value === null || value === undefined) return null;
  if (typeof value === 'function') return null;
  if (Array.isArray(value)) return value.map(feelToJson);
  if (typeof value === 'object') {
    if (isTemporal(value)) return temporalText(value);
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, feelToJson(v)]));
  }
  if (typeof value === 'number' && !Number.isFinite(value)) return null;
  return value;
}
