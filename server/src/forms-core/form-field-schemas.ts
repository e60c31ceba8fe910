// One yup schema per input component. Messages name the field by its label so the same text reads well
// beside the field in the browser and in a 422 body from the API.
import * as yup from 'yup';
import { coerceDate, dateBound } from './form-dates';
import { isMultiValue, labelOf } from './form-tree';
import type { FormComponent, FormOption } from './form.types';

export interface FieldEnv {
  /** Options a choice must be among; undefined when they come from data we cannot see (accept any). */
  options?: FormOption[];
  /** Today as YYYY-MM-DD, for "today" bounds and disallowPassedDates. */
  today: string;
}

// International or UK-style numbers: optional +, digits with spaces, dashes or brackets, 7–15 digits.
const PHONE = /^\+?[0-9 ()-]{7,20}$/;
const blankToUndefined = (v: unknown, original: unknown) => (original === '' || original === null ? undefined : v);

export function fieldSchema(c: FormComponent, env: FieldEnv): yup.AnySchema {
  switch (c.type) {
    case 'textfield':
    case 'textarea': return textSchema(c);
    case 'number': return numberSchema(c);
    case 'checkbox': return checkboxSchema(c);
    case 'datetime': return dateSchema(c, env);
    default: return isMultiValue(c) ? multiChoiceSchema(c, env) : singleChoiceSchema(c, env);
  }
}

function textSchema(c: FormComponent): yup.AnySchema {
  const label = labelOf(c);
  const v = c.validate ?? {};
  let s = yup.string().typeError(`${label} must be text`).transform(blankToUndefined);
  if (typeof v.minLength === 'number') s = s.min(v.minLength, `${label} must be at least ${v.minLength} characters`);
  if (typeof v.maxLength === 'number') s = s.max(v.maxLength, `${label} must be at most ${v.maxLength} characters`);
  if (v.validationType === 'email') s = s.email(`${label} must be an email address`);
  if (v.validationType === 'phone') s = s.test('phone', `${label} must be a phone number`, (x) => x === undefined || (PHONE.test(x) && digits(x) >= 7 && digits(x) <= 15));
  if (v.pattern) {
    const message = c.properties?.patternMessage || `${label} is not in the expected format`;
    // form-js tests the pattern anywhere in the value (RegExp.test), so we do too: authors anchor with ^$.
    const re = safeRegExp(v.pattern);
    // An unchecked definition with a broken pattern refuses every value rather than accepting any.
    s = s.test('pattern', message, (x) => x === undefined || (re !== undefined && re.test(x)));
  }
  return v.required ? s.required(`${label} is required`) : s;
}

const digits = (x: string) => x.replace(/\D/g, '').length;

function safeRegExp(pattern: string): RegExp | undefined {
  try {
    return new RegExp(pattern);
  } catch {
    return undefined;
  }
}

function numberSchema(c: FormComponent): yup.AnySchema {
  const label = labelOf(c);
  const v = c.validate ?? {};
  let s = yup.number().typeError(`${label} must be a number`).transform(blankToUndefined);
  if (typeof v.min === 'number') s = s.min(v.min, `${label} must be at least ${v.min}`);
  if (typeof v.max === 'number') s = s.max(v.max, `${label} must be at most ${v.max}`);
  if (typeof c.decimalDigits === 'number') {
    const max = c.decimalDigits;
    s = s.test('decimals', `${label} must have at most ${max} decimal places`, (x) => x === undefined || (String(x).split('.')[1] ?? '').length <= max);
  }
  return v.required ? s.required(`${label} is required`) : s;
}

function checkboxSchema(c: FormComponent): yup.AnySchema {
  const label = labelOf(c);
  const s = yup.boolean().typeError(`${label} must be yes or no`).transform(blankToUndefined);
  // form-js treats a required checkbox as one that must be ticked (a declaration, a consent).
  return c.validate?.required ? s.oneOf([true], `${label} must be ticked`).required(`${label} must be ticked`) : s;
}

/** Maps a value onto the declared option (so "2" matches a numeric option 2); undefined if not offered. */
function matchOption(options: FormOption[] | undefined, value: unknown): { found: boolean; value: unknown } {
  if (!options) return { found: true, value };
  const hit = options.find((o) => String(o.value) === String(value));
  return hit ? { found: true, value: hit.value } : { found: false, value };
}

function singleChoiceSchema(c: FormComponent, env: FieldEnv): yup.AnySchema {
  const label = labelOf(c);
  const s = yup.mixed()
    .transform((v, orig) => (orig === '' || orig === null ? undefined : matchOption(env.options, v).value))
    .test('option', `${label} must be one of the listed options`, (x) => x === undefined || (typeof x !== 'object' && matchOption(env.options, x).found));
  return c.validate?.required ? s.required(`${label} is required`) : s;
}

function multiChoiceSchema(c: FormComponent, env: FieldEnv): yup.AnySchema {
  const label = labelOf(c);
  let s = yup.array()
    .typeError(`${label} must be a list`)
    .transform(blankToUndefined)
    .of(yup.mixed()
      .transform((v) => matchOption(env.options, v).value)
      .test('option', `${label} must contain only the listed options`, (x) => typeof x !== 'object' && matchOption(env.options, x).found));
  if (c.validate?.required) s = s.required(`${label} is required`).min(1, `${label} is required`);
  return s;
}

function dateSchema(c: FormComponent, env: FieldEnv): yup.AnySchema {
  const label = labelOf(c);
  const subtype = c.subtype ?? 'date';
  const min = c.disallowPassedDates ? env.today : dateBound(c.properties?.minDate, env.today);
  const max = dateBound(c.properties?.maxDate, env.today);
  let s = yup.mixed()
    .transform((v, orig) => (orig === '' || orig === null ? undefined : coerceDate(subtype, v) ?? v))
    .test('date', formatMessage(label, subtype), (x) => x === undefined || coerceDate(subtype, x) === x);
  if (subtype !== 'time') {
    if (min) s = s.test('min-date', `${label} must be on or after ${min}`, (x) => typeof x !== 'string' || x.slice(0, 10) >= min);
    if (max) s = s.test('max-date', `${label} must be on or before ${max}`, (x) => typeof x !== 'string' || x.slice(0, 10) <= max);
  }
  return c.validate?.required ? s.required(`${label} is required`) : s;
}

function formatMessage(label: string, subtype: string): string {
  if (subtype === 'time') return `${label} must be a time (HH:mm)`;
  if (subtype === 'datetime') return `${label} must be a date and time`;
  return `${label} must be a date (YYYY-MM-DD)`;
}
