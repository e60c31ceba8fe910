// A component as it applies to the current answers: its label and description with their templates filled,
// and FEEL-valued validation properties (`validate.min: "=minimumAge"`) evaluated. The schema compiler and the
// browser's fields both read the resolved copy, so the rule checked and the rule shown are one.
import { evaluateFeel, type FeelScope } from './form-conditions';
import { isTemplate, renderTemplate } from './form-templates';
import type { FormComponent, FormValidate } from './form.types';

/** The validation properties form-js 1.23 evaluates as FEEL, and `required`, which we evaluate too. */
export const FEEL_VALIDATE_NUMBERS = ['min', 'max', 'minLength', 'maxLength'] as const;

export const isFeelValue = (v: unknown): v is string => typeof v === 'string' && v.trim().startsWith('=');

/**
 * As form-js does: an expression answering a number sets the bound; anything else (null, text) leaves the field
 * without that bound. `required` as FEEL is required only when it answers true.
 */
export function resolveValidate(validate: FormValidate | undefined, scope: FeelScope): FormValidate | undefined {
  if (!validate) return validate;
  const raw = validate as Record<string, unknown>;
  if (!FEEL_VALIDATE_NUMBERS.some((n) => isFeelValue(raw[n])) && !isFeelValue(raw.required)) return validate;
  const out: Record<string, unknown> = { ...validate };
  for (const n of FEEL_VALIDATE_NUMBERS) {
    if (!isFeelValue(raw[n])) continue;
    const value = evaluateFeel(raw[n] as string, scope);
    if (typeof value === 'number' && Number.isFinite(value)) out[n] = value;
    else delete out[n];
  }
  if (isFeelValue(raw.required)) out.required = evaluateFeel(raw.required as string, scope) === true;
  return out as FormValidate;
}

export function resolveComponent(c: FormComponent, scope: FeelScope): FormComponent {
  const templated = isTemplate(c.label) || isTemplate(c.description) || isTemplate(c.dateLabel) || isTemplate(c.timeLabel);
  const validate = resolveValidate(c.validate, scope);
  // A filepicker's `multiple` and `accept` may be FEEL in form-js (`=allowSeveral`); answers that are not a
  // boolean or text leave the default (one file, any allowed kind).
  const feelFile = isFeelValue(c.multiple) || isFeelValue(c.accept);
  if (!templated && !feelFile && validate === c.validate) return c;
  const out: FormComponent = { ...c, validate };
  if (isFeelValue(c.multiple)) out.multiple = evaluateFeel(c.multiple, scope) === true;
  if (isFeelValue(c.accept)) {
    const accept = evaluateFeel(c.accept, scope);
    if (typeof accept === 'string') out.accept = accept;
    else delete out.accept;
  }
  for (const prop of ['label', 'dateLabel', 'timeLabel'] as const) {
    if (isTemplate(c[prop])) out[prop] = renderTemplate(c[prop], scope, { singleLine: true });
  }
  if (isTemplate(c.description)) out.description = renderTemplate(c.description, scope, { singleLine: true });
  return out;
}
