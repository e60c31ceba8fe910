// One yup schema per input component. Messages name the field by its label so the same text reads well
// beside the field in the browser and in a 422 body from the API.
import * as yup from 'yup';
import { coerceDate, dateBound } from './form-dates';
import { filesSchema } from './form-files';
import { isMultiValue, labelOf } from './form-tree';
import type { FormComponent, FormOption } from './form.types';

export interface FieldEnv {
  /** Options a choice must be among; undefined when they come from data we cannot see (accept any). */
  options?: FormOption[];
  /** Today as YYYY-MM-DD, for "today" bounds and disallowPassedDates. */
  today: string;
  /** Filepickers: whether a case's documents store stands behind the form (FormContext.acceptFiles). */
  acceptFiles?: boolean;
}

// form-js 1.23's phone rule: an international number, "+" or "00", a country code and digits, no spaces.
// form-js checks the country code against its own list (and does not anchor the start); this rule takes
// any country code from the start of the value — the differences are in docs/forms.md.
const PHONE = /^(\+|00)[1-9]\d{5,26}$/;
const blankToUndefined = (v: unknown, original: unknown) => (original === '' || original === null ? undefined : v);

export function fieldSchema(c: FormComponent, env: FieldEnv): yup.AnySchema {
  switch (c.type) {
    case 'textfield':
    case 'textarea': return textSchema(c);
    case 'number': return numberSchema(c);
    case 'checkbox': return checkboxSchema(c);
    case 'datetime': return dateSchema(c, env);
    case 'filepicker': return filesSchema(c, env);
    default: return isMultiValue(c) ? multiChoiceSchema(c, env) : singleChoiceSchema(c, env);
  }
}

function textSchema(c: FormComponent): yup.AnySchema {
  const label = labelOf(c);
  const v = c.validate ?? {};
  let s = yup.string().typeError(`${label} must be text`).transform(blankToUndefined);
  // form-js counts lengths on the trimmed value (the value itself is kept as typed).
  const { minLength, maxLength } = v;
  if (typeof minLength === 'number') s = s.test('min', `${label} must be at least ${minLength} characters`, (x) => x === undefined || x.trim().length >= minLength);
  if (typeof maxLength === 'number') s = s.test('max', `${label} must be at most ${maxLength} characters`, (x) => x === undefined || x.trim().length <= maxLength);
  if (v.validationType === 'email') s = s.email(`${label} must be an email address`);
  if (v.validationType === 'phone') s = s.test('phone', `${label} must be an international phone number without spaces, like +447700900123`, (x) => x === undefined || PHONE.test(x));
  if (v.pattern) {
    const message = v.patternErrorMessage || c.properties?.patternMessage || `${label} is not in the expected format`;
    // form-js tests the pattern anywhere in the value (RegExp.test), so we do too: authors anchor with ^$.
    const re = safeRegExp(v.pattern);
    // An unchecked definition with a broken pattern refuses every value rather than accepting any.
    s = s.test('pattern', message, (x) => x === undefined || (re !== undefined && re.test(x)));
  }
  return v.required ? s.required(`${label} is required`) : s;
}

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
  const step = Number(c.increment);
  if (c.increment !== undefined && step > 0) {
    s = s.test('increment', function (x) {
      return x === undefined || offBy(x, step) === 0 || this.createError({ message: stepMessage(label, x, step) });
    });
  }
  return v.required ? s.required(`${label} is required`) : s;
}

/** Decimal-safe remainder of value / step (form-js uses big.js), so 0.3 is a multiple of 0.1. */
function offBy(value: number, step: number): number {
  const scale = 10 ** Math.max(decimals(value), decimals(step));
  return Math.round(value * scale) % Math.round(step * scale) / scale;
}

const decimals = (n: number) => (String(n).split('.')[1] ?? '').length;

function stepMessage(label: string, value: number, step: number): string {
  const below = Number((value - offBy(value, step)).toFixed(decimals(step)));
  const above = Number((below + step).toFixed(decimals(step)));
  return `${label} must be in steps of ${step}: the nearest are ${below} and ${above}`;
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
