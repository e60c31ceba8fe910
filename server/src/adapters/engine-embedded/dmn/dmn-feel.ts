// FEEL as a decision uses it: input expressions and output entries are expressions, input entries are unary
// tests against the input's value (`?`). Camunda's built-in functions are there as everywhere else; now() and
// today() read the engine's clock. As in Camunda 8 (feel-scala 1.19), a missing variable is null inside a
// decision — a rule simply does not match — but a broken expression or a failing function fails the decision.
import { evaluate, parseUnaryTests, unaryTest } from '@bpmn-io/feelin';
import { FEEL_PARSE_CONTEXT, unknownFeelFunctions } from '../../../forms-core/feel-function-names';
import { withCamundaFunctions } from '../../../forms-core/feel-functions';
import { feelSyntaxProblem, toPlain } from '../model/feel-expressions';

/** A decision that cannot be evaluated; the business rule task raises an incident with this message. */
export class DecisionError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'DecisionError';
  }
}

const FATAL = ['FUNCTION_INVOCATION_FAILURE', 'NO_FUNCTION_FOUND'];

type Result = { value: unknown; warnings: { type: string; message: string }[] };

function checked(run: () => Result, what: string, expression: string): unknown {
  let result: Result;
  try {
    result = run();
  } catch (e) {
    throw new DecisionError(`${what}: failed to evaluate '${expression}': ${(e as Error).message}`);
  }
  const fatal = result.warnings.find((w) => FATAL.includes(w.type));
  if (fatal && (result.value === null || result.value === undefined)) throw new DecisionError(`${what}: failed to evaluate '${expression}': ${fatal.message}`);
  return result.value;
}

export function evaluateExpression(expression: string, variables: Record<string, unknown>, now: Date, what: string): unknown {
  if (!expression.trim()) return null;
  return toPlain(checked(() => evaluate(expression, withCamundaFunctions(variables, () => now)), what, expression));
}

/** An input entry: '' or '-' matches anything; otherwise the unary tests with `?` as the input's value. */
export function matchesEntry(entry: string, value: unknown, variables: Record<string, unknown>, now: Date, what: string): boolean {
  const text = entry.trim();
  if (text === '' || text === '-') return true;
  return checked(() => unaryTest(text, withCamundaFunctions({ ...variables, '?': value }, () => now)), what, text) === true;
}

/** Deploy check of an expression (without `=`): undefined when it parses and calls only known functions. */
export const expressionProblem = (expression: string): string | undefined => (expression.trim() ? feelSyntaxProblem(expression) : undefined);

/** Deploy check of an input entry. */
export function unaryTestsProblem(entry: string): string | undefined {
  const text = entry.trim();
  if (text === '' || text === '-') return undefined;
  try {
    let bad: number | undefined;
    parseUnaryTests(text, FEEL_PARSE_CONTEXT, undefined).iterate({ enter(node) { if (node.type.isError && bad === undefined) bad = node.from; } });
    if (bad !== undefined) return `syntax error at position ${bad + 1}`;
  } catch (e) {
    return (e as Error).message;
  }
  const unknown = unknownFeelFunctions(text);
  return unknown.length ? `${unknown.map((n) => `'${n}()'`).join(', ')} is not a FEEL function of Camunda 8.8` : undefined;
}
