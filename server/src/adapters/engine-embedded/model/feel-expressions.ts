// Zeebe's expression rules on top of @bpmn-io/feelin: a value starting with `=` is FEEL, anything else is a
// static string. Unlike feelin's lenient default, a missing variable or a failed evaluation is an error
// (Zeebe raises an incident), so the caller can stop the step instead of carrying on with a silent null.
// Camunda's built-in functions come from forms-core (one implementation with the forms); `now()` and `today()`
// read the engine's clock, which the token machine puts in the context under FEEL_CLOCK.
import { evaluate, parseExpression } from '@bpmn-io/feelin';
import { FEEL_PARSE_CONTEXT, unknownFeelFunctions } from '../../../forms-core/feel-function-names';
import { withCamundaFunctions } from '../../../forms-core/feel-functions';
import { feelToJson } from '../../../forms-core/feel-values';

/** The instant `now()` answers with; a symbol so it never becomes a variable or a FEEL name. */
export const FEEL_CLOCK = Symbol('feel-clock');

export class ExpressionError extends Error {
  constructor(readonly expression: string, detail: string) {
    super(`failed to evaluate expression '${expression}': ${detail}`);
    this.name = 'ExpressionError';
  }
}

export const isFeel = (value: unknown): value is string => typeof value === 'string' && value.trimStart().startsWith('=');

const stripEquals = (expr: string) => expr.trimStart().slice(1);

/**
 * Parse-only check used at deploy; returns a message naming the problem, or undefined when it parses and calls
 * only Camunda's built-in functions.
 */
export function feelSyntaxProblem(expression: string): string | undefined {
  const body = isFeel(expression) ? stripEquals(expression) : expression;
  if (!body.trim()) return 'empty expression';
  try {
    const tree = parseExpression(body, FEEL_PARSE_CONTEXT, undefined);
    let bad: number | undefined;
    tree.iterate({
      enter(node) {
        if (node.type.isError && bad === undefined) bad = node.from;
      },
    });
    if (bad !== undefined) return `syntax error at position ${bad + 1}`;
    const unknown = unknownFeelFunctions(body);
    if (unknown.length) {
      return `${unknown.map((n) => `'${n}()'`).join(', ')} ${unknown.length > 1 ? 'are not FEEL functions' : 'is not a FEEL function'} of Camunda 8.8 (see docs/feel.md for the supported list)`;
    }
    return undefined;
  } catch (e) {
    return (e as Error).message;
  }
}

/**
 * Plain JSON variables from a FEEL result, as Zeebe writes them: a date "2026-03-14", a date and time with its
 * offset, a time "09:30:00", a duration "P1D" (forms-core's feelToJson, shared with the forms' expressions).
 */
export function toPlain(value: unknown): unknown {
  return feelToJson(value);
}

const FATAL_WARNINGS = ['NO_VARIABLE_FOUND', 'FUNCTION_INVOCATION_FAILURE', 'NO_FUNCTION_FOUND'];

/**
 * Evaluates a FEEL body (without `=`). As in Zeebe, a missing variable is null inside the expression — so
 * `is defined(x)`, `get or else(x, 1)` and `x = null` answer — but a null result caused by one is an incident
 * naming it, as is `assert()` failing or any other evaluation failure.
 */
export function evaluateFeel(expression: string, context: Record<string, unknown>): unknown {
  const at = (context as { [FEEL_CLOCK]?: Date })[FEEL_CLOCK];
  let result: { value: unknown; warnings: { type: string; message: string }[] };
  try {
    result = evaluate(expression, withCamundaFunctions(context, at ? () => at : undefined));
  } catch (e) {
    throw new ExpressionError(expression, (e as Error).message);
  }
  const fatal = result.warnings.find((w) => FATAL_WARNINGS.includes(w.type));
  if (fatal && (result.value === null || result.value === undefined)) throw new ExpressionError(expression, fatal.message);
  return toPlain(result.value);
}

/** Resolves a Zeebe attribute value: `=expr` → FEEL result, otherwise the static string itself. */
export function resolveValue(value: string | undefined, context: Record<string, unknown>): unknown {
  if (value === undefined) return undefined;
  return isFeel(value) ? evaluateFeel(stripEquals(value), context) : value;
}

/** Sequence-flow conditions and completion conditions must produce a boolean, as in Zeebe. */
export function evaluateCondition(value: string, context: Record<string, unknown>): boolean {
  const result = resolveValue(isFeel(value) ? value : `=${value}`, context);
  if (typeof result !== 'boolean') {
    throw new ExpressionError(value, `expected a boolean but got ${result === null ? 'null' : typeof result}`);
  }
  return result;
}

export function resolveString(value: string | undefined, context: Record<string, unknown>): string | undefined {
  const v = resolveValue(value, context);
  if (v === undefined || v === null) return undefined;
  return typeof v === 'string' ? v : String(v);
}

/** Candidate lists accept a FEEL list or a comma-separated static string, as Zeebe does. */
export function resolveList(value: string | undefined, context: Record<string, unknown>): string[] {
  const v = resolveValue(value, context);
  if (v === undefined || v === null || v === '') return [];
  if (Array.isArray(v)) return v.map(String);
  return String(v).split(',').map((s) => s.trim()).filter(Boolean);
}
