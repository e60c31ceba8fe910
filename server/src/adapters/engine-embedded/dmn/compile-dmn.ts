// One DMN 1.3 file (as Camunda Modeler writes it) in, a decision requirements graph or a list of problems out.
// What the engine cannot evaluate is refused by name (decision id, line, reason), never skipped.
/* eslint-disable @typescript-eslint/no-explicit-any -- the moddle tree is read field by field */
import { DmnModdle } from 'dmn-moddle';
import type { DeployProblem } from '../../../ports/workflow-engine.port';
import { ProblemList } from '../deploy/deploy-problems';
import type { Aggregation, DecisionDef, DecisionGraph, DecisionTableDef, HitPolicy, LiteralDef, TableOutput } from './decision-model';
import { evaluateExpression, expressionProblem, unaryTestsProblem } from './dmn-feel';

const HIT_POLICIES: HitPolicy[] = ['UNIQUE', 'FIRST', 'PRIORITY', 'ANY', 'COLLECT', 'RULE ORDER', 'OUTPUT ORDER'];
const AGGREGATIONS: Aggregation[] = ['SUM', 'MIN', 'MAX', 'COUNT'];
// Drawn for people, not evaluated: accepted and ignored.
const IGNORED = new Set(['dmn:InputData', 'dmn:KnowledgeSource']);

let moddle: any;
const text = (el: any): string => String(el?.text ?? '').trim();
const isFeel = (lang: unknown) => lang === undefined || /feel/i.test(String(lang));

export interface CompiledDmn { graph?: DecisionGraph; problems: DeployProblem[] }

export async function compileDmn(name: string, xml: string): Promise<CompiledDmn> {
  const problems = new ProblemList(name, xml);
  let definitions: any;
  try {
    const { rootElement, warnings } = await (moddle ??= new DmnModdle()).fromXML(xml, 'dmn:Definitions');
    for (const w of warnings ?? []) problems.add(`unsupported or invalid content: ${String(w.message ?? w).split('\n')[0]}`, w.element?.id);
    definitions = rootElement;
  } catch (e) {
    problems.add(`not a DMN 1.3 file: ${String((e as Error).message).split('\n')[0]}`);
    return { problems: problems.items };
  }
  if (!definitions?.id) problems.add('the DMN definitions have no id');
  if (!isFeel(definitions?.expressionLanguage)) problems.add(`expression language '${definitions.expressionLanguage}' is not supported: decisions are evaluated with FEEL`);
  const decisions: Record<string, DecisionDef> = {};
  for (const el of definitions?.drgElement ?? []) {
    if (IGNORED.has(el.$type)) continue;
    if (el.$type !== 'dmn:Decision') {
      problems.add(`${el.$type.replace('dmn:', '')} '${el.id}' is not supported: only decisions (decision tables and literal expressions) are evaluated`, el.id);
      continue;
    }
    const decision = compileDecision(el, problems);
    if (decision) decisions[decision.id] = decision;
  }
  if (!Object.keys(decisions).length && problems.empty) problems.add('the file has no decision');
  checkRequirements(decisions, problems);
  if (!problems.empty) return { problems: problems.items };
  return { graph: { id: definitions.id, ...(definitions.name ? { name: definitions.name } : {}), decisions }, problems: [] };
}

function compileDecision(el: any, problems: ProblemList): DecisionDef | undefined {
  const requires: string[] = [];
  for (const req of el.informationRequirement ?? []) {
    if (req.requiredDecision?.href) requires.push(String(req.requiredDecision.href).replace(/^#/, ''));
  }
  if ((el.knowledgeRequirement ?? []).length) problems.add(`decision '${el.id}' requires a business knowledge model, which is not supported`, el.id);
  const logic = el.decisionLogic;
  let compiled: DecisionTableDef | LiteralDef | undefined;
  if (logic?.$type === 'dmn:DecisionTable') compiled = compileTable(el.id, logic, problems);
  else if (logic?.$type === 'dmn:LiteralExpression') {
    const expression = text(logic);
    if (!expression) problems.add(`literal expression of decision '${el.id}' is empty`, el.id);
    else checkFeel(expressionProblem(expression), `literal expression of decision '${el.id}'`, expression, el.id, problems);
    if (!isFeel(logic.expressionLanguage)) problems.add(`decision '${el.id}': expression language '${logic.expressionLanguage}' is not supported (FEEL only)`, el.id);
    compiled = { kind: 'literal', expression };
  } else problems.add(`decision '${el.id}' has ${logic ? `a ${logic.$type.replace('dmn:', '')}` : 'no logic'}: only decision tables and literal expressions are evaluated`, el.id);
  if (!compiled) return undefined;
  return { id: el.id, ...(el.name ? { name: el.name } : {}), resultName: el.variable?.name || el.id, requires, logic: compiled };
}

function compileTable(id: string, table: any, problems: ProblemList): DecisionTableDef | undefined {
  const hitPolicy = (table.hitPolicy ?? 'UNIQUE') as HitPolicy;
  if (!HIT_POLICIES.includes(hitPolicy)) { problems.add(`decision '${id}': hit policy '${hitPolicy}' is not a DMN hit policy`, id); return undefined; }
  const aggregation = table.aggregation as Aggregation | undefined;
  if (aggregation && (!AGGREGATIONS.includes(aggregation) || hitPolicy !== 'COLLECT')) problems.add(`decision '${id}': aggregation '${aggregation}' is allowed only with hit policy COLLECT (SUM, MIN, MAX or COUNT)`, id);
  const inputs = (table.input ?? []).map((input: any, i: number) => {
    const expression = text(input.inputExpression);
    const label = input.label || input.id || String(i + 1);
    if (!expression) problems.add(`decision '${id}': input '${label}' has no input expression`, id);
    else checkFeel(expressionProblem(expression), `input '${label}' of decision '${id}'`, expression, id, problems);
    if (!isFeel(input.inputExpression?.expressionLanguage)) problems.add(`decision '${id}': input '${label}' is not FEEL`, id);
    return { ...(input.label ? { label: input.label } : {}), expression };
  });
  const outputs: TableOutput[] = (table.output ?? []).map((output: any, i: number) => ({
    name: output.name || '', ...(output.label ? { label: output.label } : {}), ...outputValues(id, output, i, problems),
  }));
  if (!outputs.length) problems.add(`decision '${id}' has no output`, id);
  if (outputs.length > 1 && outputs.some((o) => !o.name)) problems.add(`decision '${id}' has several outputs: each needs a name (the key of its value in the result)`, id);
  if (aggregation && outputs.length > 1) problems.add(`decision '${id}': an aggregation (${aggregation}) needs exactly one output`, id);
  if ((hitPolicy === 'PRIORITY' || hitPolicy === 'OUTPUT ORDER') && outputs.some((o) => !o.values?.length)) {
    problems.add(`decision '${id}': hit policy ${hitPolicy} ranks rules by the outputs' values: give every output its output values, highest priority first`, id);
  }
  const rules = (table.rule ?? []).map((rule: any) => {
    const inputEntries = (rule.inputEntry ?? []).map(text);
    const outputEntries = (rule.outputEntry ?? []).map(text);
    if (inputEntries.length !== inputs.length || outputEntries.length !== outputs.length) {
      problems.add(`decision '${id}': rule '${rule.id}' has ${inputEntries.length} input and ${outputEntries.length} output entries for ${inputs.length} inputs and ${outputs.length} outputs`, rule.id);
    }
    inputEntries.forEach((entry: string, i: number) => checkFeel(unaryTestsProblem(entry), `input entry ${i + 1} of rule '${rule.id}' in decision '${id}'`, entry, rule.id, problems));
    outputEntries.forEach((entry: string, i: number) => checkFeel(expressionProblem(entry), `output entry ${i + 1} of rule '${rule.id}' in decision '${id}'`, entry, rule.id, problems));
    return { id: rule.id, inputEntries, outputEntries };
  });
  return { kind: 'table', hitPolicy, ...(aggregation ? { aggregation } : {}), inputs, outputs, rules };
}

/** Output values are literals (`"high","medium","low"`): evaluated once here as a FEEL list. */
function outputValues(id: string, output: any, i: number, problems: ProblemList): Pick<TableOutput, 'values'> {
  const raw = text(output.outputValues);
  if (!raw) return {};
  try {
    const values = evaluateExpression(`[${raw}]`, {}, new Date(0), `output values of output ${i + 1} in decision '${id}'`);
    return Array.isArray(values) ? { values } : {};
  } catch (e) {
    problems.add(`decision '${id}': output values of output '${output.name || i + 1}' are not a list of values: ${(e as Error).message}`, id);
    return {};
  }
}

function checkFeel(problem: string | undefined, what: string, expression: string, elementId: string, problems: ProblemList): void {
  if (problem) problems.add(`invalid FEEL in ${what}: ${problem} in '${expression}'`, elementId);
}

/** Every required decision is in the file, and no decision requires itself through others. */
function checkRequirements(decisions: Record<string, DecisionDef>, problems: ProblemList): void {
  for (const d of Object.values(decisions)) {
    for (const r of d.requires) if (!decisions[r]) problems.add(`decision '${d.id}' requires decision '${r}', which is not in this file`, d.id);
  }
  const visiting = new Set<string>();
  const done = new Set<string>();
  const visit = (id: string, path: string[]): void => {
    if (done.has(id) || !decisions[id]) return;
    if (visiting.has(id)) { problems.add(`decision '${id}' requires itself (${[...path, id].join(' → ')})`, id); return; }
    visiting.add(id);
    for (const r of decisions[id].requires) visit(r, [...path, id]);
    visiting.delete(id);
    done.add(id);
  };
  for (const id of Object.keys(decisions)) visit(id, []);
}
