import { compileDmn } from '../../../../server/src/adapters/engine-embedded/dmn/compile-dmn';
import { evaluateDecision } from '../../../../server/src/adapters/engine-embedded/dmn/evaluate-decision';
import { definitions, tableXml, type TableSpec } from './dmn-xml';

// Each hit policy on a small table; every expected result was worked out by hand from the rules.
const NOW = new Date('2026-03-02T09:00:00Z');

async function decide(spec: TableSpec | string, variables: Record<string, unknown>, decisionId = 'decide'): Promise<unknown> {
  const { graph, problems } = await compileDmn('test.dmn', typeof spec === 'string' ? spec : tableXml(spec));
  expect(problems).toEqual([]);
  return evaluateDecision(graph!, decisionId, variables, NOW);
}

describe('decision tables: hit policies', () => {
  const unique: TableSpec = { inputs: ['age'], outputs: [{ name: 'band' }], rules: [[['< 18'], ['"youth"']], [['>= 18'], ['"adult"']]] };

  test('UNIQUE: the one matching rule; no match (a missing input) is null; two matches fail naming the rules', async () => {
    expect(await decide(unique, { age: 15 })).toBe('youth');
    expect(await decide(unique, { age: 30 })).toBe('adult');
    expect(await decide(unique, {})).toBeNull();
    const overlapping: TableSpec = { ...unique, rules: [[['< 18'], ['"youth"']], [['< 21'], ['"young adult"']]] };
    await expect(decide(overlapping, { age: 16 })).rejects.toThrow("decision 'decide': hit policy UNIQUE allows one matching rule, but 2 matched ('r1', 'r2')");
  });

  test('FIRST: the first matching rule in table order', async () => {
    const first: TableSpec = { hitPolicy: 'FIRST', inputs: ['gravity'], outputs: [{ name: 'route' }], rules: [[['>= 7'], ['"custody review"']], [['>= 4'], ['"panel"']], [['-'], ['"caution"']]] };
    expect(await decide(first, { gravity: 8 })).toBe('custody review');
    expect(await decide(first, { gravity: 5 })).toBe('panel');
    expect(await decide(first, { gravity: 1 })).toBe('caution');
  });

  test('PRIORITY: of the matching rules, the one whose output ranks highest in the output values', async () => {
    const priority: TableSpec = {
      hitPolicy: 'PRIORITY', inputs: ['weapon', 'age'], outputs: [{ name: 'risk', values: '"high","medium","low"' }],
      rules: [[['-', '-'], ['"low"']], [['true', '-'], ['"medium"']], [['-', '< 14'], ['"high"']]],
    };
    expect(await decide(priority, { weapon: true, age: 12 })).toBe('high');
    expect(await decide(priority, { weapon: true, age: 15 })).toBe('medium');
    expect(await decide(priority, { weapon: false, age: 15 })).toBe('low');
  });

  test('ANY: matching rules that agree give their output; rules that disagree fail', async () => {
    const any: TableSpec = { hitPolicy: 'ANY', inputs: ['score'], outputs: [{ name: 'action' }], rules: [[['> 10'], ['"refer"']], [['> 20'], ['"refer"']], [['<= 10'], ['"keep"']], [['> 30'], ['"escalate"']]] };
    expect(await decide(any, { score: 25 })).toBe('refer');
    expect(await decide(any, { score: 5 })).toBe('keep');
    await expect(decide(any, { score: 35 })).rejects.toThrow("hit policy ANY needs every matching rule to give the same output, but rules 'r1', 'r2', 'r4' differ");
  });

  test('COLLECT: every matching rule\'s output as a list (empty when none)', async () => {
    const collect: TableSpec = { hitPolicy: 'COLLECT', inputs: ['risk'], outputs: [{ name: 'contact' }], rules: [[['"high","medium"'], ['"weekly call"']], [['"high"'], ['"home visit"']], [['-'], ['"letter"']], [['"none"'], ['"nothing"']]] };
    expect(await decide(collect, { risk: 'high' })).toEqual(['weekly call', 'home visit', 'letter']);
    expect(await decide(collect, { risk: 'low' })).toEqual(['letter']);
    expect(await decide({ ...collect, rules: collect.rules.slice(0, 2) }, { risk: 'low' })).toEqual([]);
  });

  test('COLLECT with SUM, MIN, MAX and COUNT: one number; no match is null (COUNT 0)', async () => {
    const points = (aggregation: string): TableSpec => ({
      hitPolicy: 'COLLECT', aggregation, inputs: ['prior', 'age'], outputs: [{ name: 'points' }],
      rules: [[['> 0', '-'], ['3']], [['> 2', '-'], ['2']], [['-', '< 14'], ['1']]],
    });
    expect(await decide(points('SUM'), { prior: 3, age: 12 })).toBe(6);
    expect(await decide(points('MIN'), { prior: 3, age: 12 })).toBe(1);
    expect(await decide(points('MAX'), { prior: 3, age: 12 })).toBe(3);
    expect(await decide(points('COUNT'), { prior: 3, age: 12 })).toBe(3);
    expect(await decide(points('SUM'), { prior: 1, age: 15 })).toBe(3);
    expect(await decide(points('SUM'), { prior: 0, age: 15 })).toBeNull();
    expect(await decide(points('COUNT'), { prior: 0, age: 15 })).toBe(0);
  });

  test('RULE ORDER with two outputs: a list of contexts in rule order', async () => {
    const ruleOrder: TableSpec = { hitPolicy: 'RULE ORDER', inputs: ['risk'], outputs: [{ name: 'action' }, { name: 'days' }], rules: [[['"high"'], ['"visit"', '5']], [['-'], ['"letter"', '10']]] };
    expect(await decide(ruleOrder, { risk: 'high' })).toEqual([{ action: 'visit', days: 5 }, { action: 'letter', days: 10 }]);
    expect(await decide(ruleOrder, { risk: 'low' })).toEqual([{ action: 'letter', days: 10 }]);
  });

  test('OUTPUT ORDER: every matching output, highest priority first', async () => {
    const outputOrder: TableSpec = { hitPolicy: 'OUTPUT ORDER', inputs: ['score'], outputs: [{ name: 'urgency', values: '"urgent","soon","routine"' }], rules: [[['-'], ['"routine"']], [['> 5'], ['"urgent"']], [['> 2'], ['"soon"']]] };
    expect(await decide(outputOrder, { score: 6 })).toEqual(['urgent', 'soon', 'routine']);
    expect(await decide(outputOrder, { score: 3 })).toEqual(['soon', 'routine']);
  });

  test('several outputs under UNIQUE: a context; an empty output entry is null; entries may use variables and functions', async () => {
    const table: TableSpec = { inputs: ['upper case(risk)'], outputs: [{ name: 'level' }, { name: 'reviewBy' }], rules: [[['"HIGH"'], ['"intensive"', 'start + 7']], [['not("HIGH")'], ['"standard"', '']]] };
    expect(await decide(table, { risk: 'high', start: 1 })).toEqual({ level: 'intensive', reviewBy: 8 });
    expect(await decide(table, { risk: 'low' })).toEqual({ level: 'standard', reviewBy: null });
  });
});

describe('decision requirements and literal expressions', () => {
  const graph = definitions(`
    <decision id="band" name="Band"><variable id="v1" name="riskBand" />
      <decisionTable id="t1"><input id="i1"><inputExpression id="e1"><text>score</text></inputExpression></input><output id="o1" name="band" />
        <rule id="low"><inputEntry id="a1"><text>&lt; 10</text></inputEntry><outputEntry id="b1"><text>"low"</text></outputEntry></rule>
        <rule id="high"><inputEntry id="a2"><text>&gt;= 10</text></inputEntry><outputEntry id="b2"><text>"high"</text></outputEntry></rule>
      </decisionTable></decision>
    <decision id="contacts" name="Contacts">
      <informationRequirement id="ir1"><requiredDecision href="#band" /></informationRequirement>
      <informationRequirement id="ir2"><requiredInput href="#score_input" /></informationRequirement>
      <literalExpression id="l1"><text>if riskBand = "high" then 8 else 2</text></literalExpression></decision>
    <inputData id="score_input" name="Score" />`);

  test('a decision requiring another reads its result under the required decision\'s variable name', async () => {
    expect(await decide(graph, { score: 12 }, 'contacts')).toBe(8);
    expect(await decide(graph, { score: 3 }, 'contacts')).toBe(2);
    expect(await decide(graph, { score: 3 }, 'band')).toBe('low');
  });
});

describe('DMN files refused at deploy, naming the decision and why', () => {
  const problemsOf = async (xml: string) => (await compileDmn('bad.dmn', xml)).problems.map((p) => p.message);

  test('broken XML, bad FEEL, hit policy rules and missing requirements', async () => {
    expect((await problemsOf('<definitions')).join()).toContain('not a DMN 1.3 file');
    for (const notDmn of ['<?xml version="1.0"?><foo/>', 'x', '<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"/>']) {
      expect((await problemsOf(notDmn)).length).toBeGreaterThan(0);
    }
    expect(await problemsOf(tableXml({ inputs: ['age'], outputs: [{ name: 'x' }], rules: [[['< '], ['1']]] })))
      .toEqual([expect.stringContaining("invalid FEEL in input entry 1 of rule 'r1' in decision 'decide'")]);
    expect(await problemsOf(tableXml({ inputs: ['age +'], outputs: [{ name: 'x' }], rules: [] })))
      .toEqual([expect.stringContaining("invalid FEEL in input 'Input 1' of decision 'decide'")]);
    expect(await problemsOf(tableXml({ hitPolicy: 'PRIORITY', inputs: ['a'], outputs: [{ name: 'x' }], rules: [[['-'], ['1']]] })))
      .toEqual([expect.stringContaining('hit policy PRIORITY ranks rules by the outputs\' values')]);
    expect(await problemsOf(tableXml({ hitPolicy: 'COLLECT', aggregation: 'SUM', inputs: ['a'], outputs: [{ name: 'x' }, { name: 'y' }], rules: [] })))
      .toEqual([expect.stringContaining('an aggregation (SUM) needs exactly one output')]);
    expect(await problemsOf(tableXml({ inputs: ['a'], outputs: [{ name: 'x' }], rules: [[['-'], ['isDefined(a)']]] })))
      .toEqual([expect.stringContaining("'isDefined()' is not a FEEL function of Camunda 8.8")]);
    expect(await problemsOf(definitions('<decision id="d"><informationRequirement id="i"><requiredDecision href="#gone" /></informationRequirement><literalExpression id="l"><text>1</text></literalExpression></decision>')))
      .toEqual(["decision 'd' requires decision 'gone', which is not in this file"]);
    expect(await problemsOf(definitions('<businessKnowledgeModel id="bkm" name="Rules" />')))
      .toEqual([expect.stringContaining("BusinessKnowledgeModel 'bkm' is not supported")]);
  });
});
