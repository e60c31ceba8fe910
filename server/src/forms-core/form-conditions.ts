// FEEL for forms: `conditional.hide`, FEEL `readonly` and `valuesExpression`, evaluated with @bpmn-io/feelin
// (the same FEEL the embedded engine uses) so a condition behaves the same in the browser, on the server
// and in Camunda's own form renderer.
import { evaluate } from '@bpmn-io/feelin';
import { unknownFeelFunctions } from './feel-function-names';
import { camundaFunctions, withCamundaFunctions } from './feel-functions';
import { getIn, normaliseOptions } from './form-tree';
import type { FormComponent, FormOption } from './form.types';

export type FeelScope = Record<string, unknown>;

/** form-js writes FEEL with a leading "=" (as Zeebe does); tolerate a bare expression too. */
export function feelBody(expression: string): string {
  const trimmed = expression.trim();
  return trimmed.startsWith('=') ? trimmed.slice(1) : trimmed;
}

/** Syntax check for the definition checker: returns the parser's message, or undefined when it parses. */
export function feelSyntaxError(expression: string): string | undefined {
  const body = feelBody(expression);
  if (!body) return 'is empty';
  try {
    // feelin's parser recovers from errors silently; evaluating against an empty scope is what surfaces
    // them (missing variables only produce warnings, so a valid expression never throws here). An
    // `assert()` that fails on the empty scope is not a syntax error.
    evaluate(body, camundaFunctions());
  } catch (e) {
    if ((e as Error).name !== 'FeelAssertionError') return (e as Error).message;
  }
  const unknown = unknownFeelFunctions(body);
  if (unknown.length) return `calls ${unknown.map((n) => `'${n}()'`).join(', ')}, not a FEEL function of Camunda 8.8`;
  return undefined;
}

/**
 * Evaluates a FEEL expression. A runtime problem (syntax errors are caught at deploy) yields null, which
 * makes a hide condition false: when in doubt a field is shown and therefore validated, never silently
 * skipped.
 */
export function evaluateFeel(expression: string, scope: FeelScope): unknown {
  try {
    return evaluate(feelBody(expression), withCamundaFunctions(scope)).value;
  } catch {
    return null;
  }
}

export function isHidden(component: FormComponent, scope: FeelScope): boolean {
  const hide = component.conditional?.hide;
  if (typeof hide !== 'string' || !hide.trim()) return false;
  return evaluateFeel(hide, scope) === true;
}

export function isReadonly(component: FormComponent, scope: FeelScope): boolean {
  const ro = component.readonly;
  if (typeof ro === 'string') return evaluateFeel(ro, scope) === true;
  return ro === true;
}

/**
 * The scope a condition sees, following form-js: process variables, then the submitted data; inside a
 * dynamic-list row the row's own fields by name, plus `this` (the row) and `parent` (the enclosing values).
 */
export function buildScope(
  variables: Record<string, unknown> | undefined,
  root: Record<string, unknown>,
  row?: { local: Record<string, unknown>; parent: Record<string, unknown>; index: number },
): FeelScope {
  const base: FeelScope = { ...(variables ?? {}), ...root };
  if (!row) return base;
  return { ...base, ...row.local, this: row.local, parent: row.parent, _i: row.index };
}

/**
 * The options of a choice component: static `values`, a variable named by `valuesKey`, or the result of
 * `valuesExpression`. Undefined when they come from data not in scope (then any value is accepted).
 */
export function resolveOptions(c: FormComponent, scope: FeelScope): FormOption[] | undefined {
  if (c.valuesKey) return normaliseOptions(getIn(scope, c.valuesKey.split('.')));
  if (c.valuesExpression) return normaliseOptions(evaluateFeel(c.valuesExpression, scope));
  return normaliseOptions(c.values);
}
