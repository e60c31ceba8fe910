// Evaluates one decision of a graph with the caller's variables: the decisions it requires first (each once,
// its result in the context under its result name), then its own table or literal expression. Pure and
// synchronous, so the token machine can call it inside a step.
import type { DecisionDef, DecisionGraph, DecisionTableDef } from './decision-model';
import { DecisionError, evaluateExpression, matchesEntry } from './dmn-feel';
import { applyHitPolicy, needsOnlyFirst, type MatchedRule } from './hit-policy';

export function evaluateDecision(graph: DecisionGraph, decisionId: string, variables: Record<string, unknown>, now: Date): unknown {
  const results = new Map<string, unknown>();
  const run = (id: string, path: string[]): unknown => {
    if (results.has(id)) return results.get(id);
    const decision = graph.decisions[id];
    if (!decision) throw new DecisionError(`decision '${id}' is not in decision requirements '${graph.id}'`);
    if (path.includes(id)) throw new DecisionError(`decision '${id}' requires itself (${[...path, id].join(' → ')})`);
    const context = { ...variables };
    for (const required of decision.requires) context[graph.decisions[required]?.resultName ?? required] = run(required, [...path, id]);
    const value = decision.logic.kind === 'literal'
      ? evaluateExpression(decision.logic.expression, context, now, `decision '${id}'`)
      : evaluateTable(decision, decision.logic, context, now);
    results.set(id, value);
    return value;
  };
  return run(decisionId, []);
}

function evaluateTable(decision: DecisionDef, table: DecisionTableDef, context: Record<string, unknown>, now: Date): unknown {
  const inputs = table.inputs.map((input, i) => evaluateExpression(input.expression, context, now, `input '${input.label ?? i + 1}' of decision '${decision.id}'`));
  const matched: MatchedRule[] = [];
  for (const rule of table.rules) {
    const hit = rule.inputEntries.every((entry, i) => matchesEntry(entry, inputs[i], context, now, `rule '${rule.id}' of decision '${decision.id}'`));
    if (!hit) continue;
    const values = rule.outputEntries.map((entry) => evaluateExpression(entry, context, now, `rule '${rule.id}' of decision '${decision.id}'`));
    matched.push({ id: rule.id, values });
    if (needsOnlyFirst(table)) break;
  }
  return applyHitPolicy(decision.id, table, matched, table.outputs.map((o) => o.values ?? []));
}
