// Zeebe's expression rules on top of @bpmn-io/feelin: a value starting with `=` is FEEL, anything else is a
// static string. Unlike feelin's lenient default, a missing variable or a failed evaluation is an error
// (Zeebe raises an incident), so the caller can stop the step instead of carrying on with a silent null.
import { evaluate, parseExpression } from '@bpmn-io/feelin';

export class ExpressionError extends Error {
  constructor(readonly expression: string, detail: string) {
    super(`failed to evaluate expression '${expression}': ${detail}`);
    this.name = 'ExpressionError';
  }
}

export const isFeel = (value: unknown): value is string => typeof value === 'string' && value.trimStart().startsWith('=');

const stripEquals = (expr: string) => expr.trimStart().slice(1);

/** Parse-only check used at deploy; returns a message naming the problem, or undefined when it parses. */
export function feelSyntaxProblem(expression: string): string | undefined {
  const body = isFeel(expression) ? stripEquals(expression) : expression;
  if (!body.trim()) return 'empty expression';
  try {
    const tree = parseExpression(body, {}, undefined);
    let bad: number | undefined;
    tree.iterate({
      enter(node) {
        if (node.type.isError && bad === undefined) bad = node.from;
      },
    });
    return bad === undefined ? undefined : `syntax error at position ${bad + 1}`;
  } catch (e) {
    return (e as Error).message;
  }
}

/** Converts feelin's luxon dates and durations to ISO strings so variables stay plain JSON. */
export function toPlain(value: unknown): unknown {
  if (value === null || value === undefined) return value ?? null;
  if (Array.isArray(value)) return value.map(toPlain);
  if (typeof value === 'object') {
    const v = value as { toISO?: () => string; isLuxonDateTime?: boolean };
    if (typeof v.toISO === 'function') return v.toISO();
    const out: Record<string, unknown> = {};
    for (const [k, item] of Object.entries(value)) out[k] = toPlain(item);
    return out;
  }
  if (typeof value === 'function') return null;
  return value;
}

/** Evaluates a FEEL body (without `=`); missing variables and evaluation failures throw ExpressionError. */
export function evaluateFeel(expression: string, context: Record<string, unknown>): unknown {
  let result: { value: unknown; warnings: { type: string; message: string }[] };
  try {
    result = evaluate(expression, context);
  } catch (e) {
    throw new ExpressionError(expression, (e as Error).message);
  }
  const fatal = result.warnings.find((w) => w.type === 'NO_VARIABLE_FOUND' || w.type === 'FUNCTION_INVOCATION_FAILURE' || w.type === 'NO_FUNCTION_FOUND');
  if (fatal) throw new ExpressionError(expression, fatal.message);
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
