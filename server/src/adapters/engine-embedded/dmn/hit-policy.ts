// A decision table's hit policy turns its matched rules into the decision's result, shaped as Camunda 8 does:
// one output → its value, several outputs → a context {name: value}; a single-result policy with no match →
// null; a multiple-result policy → a list (empty when nothing matched), or one number with an aggregation.
import type { DecisionTableDef, TableOutput } from './decision-model';
import { DecisionError } from './dmn-feel';

/** A matched rule with its output entries evaluated (in the order of the table's outputs). */
export interface MatchedRule { id: string; values: unknown[] }

const shape = (outputs: TableOutput[], values: unknown[]): unknown =>
  outputs.length === 1 ? values[0] : Object.fromEntries(outputs.map((o, i) => [o.name, values[i]]));

const same = (a: unknown, b: unknown) => JSON.stringify(a) === JSON.stringify(b);
const ruleList = (rules: MatchedRule[]) => rules.map((r) => `'${r.id}'`).join(', ');

/**
 * Rules ordered by their outputs' priority: an output value earlier in the output's values list ranks higher;
 * the first output decides, later outputs break ties, and the rules' order breaks the rest.
 * `priorities[i]` are output i's values, evaluated.
 */
function byPriority(rules: MatchedRule[], priorities: unknown[][]): MatchedRule[] {
  const rank = (i: number, v: unknown) => {
    const at = priorities[i].findIndex((p) => same(p, v));
    return at < 0 ? priorities[i].length : at;
  };
  return rules.map((r, n) => ({ r, n })).sort((a, b) => {
    for (let i = 0; i < priorities.length; i++) {
      const d = rank(i, a.r.values[i]) - rank(i, b.r.values[i]);
      if (d) return d;
    }
    return a.n - b.n;
  }).map((x) => x.r);
}

function aggregate(kind: NonNullable<DecisionTableDef['aggregation']>, values: unknown[], decisionId: string): unknown {
  const present = values.filter((v) => v !== null && v !== undefined);
  if (kind === 'COUNT') return present.length;
  if (!present.length) return null;
  if (!present.every((v) => typeof v === 'number')) {
    throw new DecisionError(`decision '${decisionId}': hit policy COLLECT with ${kind} needs numbers, but the matched rules gave ${JSON.stringify(present)}`);
  }
  const numbers = present as number[];
  if (kind === 'SUM') return numbers.reduce((a, b) => a + b, 0);
  return kind === 'MIN' ? Math.min(...numbers) : Math.max(...numbers);
}

export function applyHitPolicy(decisionId: string, table: DecisionTableDef, matched: MatchedRule[], priorities: unknown[][] = []): unknown {
  const one = (r: MatchedRule | undefined) => (r ? shape(table.outputs, r.values) : null);
  switch (table.hitPolicy) {
    case 'UNIQUE':
      if (matched.length > 1) throw new DecisionError(`decision '${decisionId}': hit policy UNIQUE allows one matching rule, but ${matched.length} matched (${ruleList(matched)})`);
      return one(matched[0]);
    case 'FIRST':
      return one(matched[0]);
    case 'ANY':
      if (matched.some((r) => !same(r.values, matched[0].values))) {
        throw new DecisionError(`decision '${decisionId}': hit policy ANY needs every matching rule to give the same output, but rules ${ruleList(matched)} differ`);
      }
      return one(matched[0]);
    case 'PRIORITY':
      return one(byPriority(matched, priorities)[0]);
    case 'OUTPUT ORDER':
      return byPriority(matched, priorities).map(one);
    case 'RULE ORDER':
      return matched.map(one);
    case 'COLLECT':
      if (table.aggregation) return aggregate(table.aggregation, matched.map((r) => r.values[0]), decisionId);
      return matched.map(one);
  }
}

/** Policies whose result comes from one rule: only the rules they need have their outputs evaluated. */
export const needsOnlyFirst = (table: DecisionTableDef) => table.hitPolicy === 'FIRST';
