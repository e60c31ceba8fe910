// Writes small DMN 1.3 files in Camunda Modeler's dialect for the evaluator's tests.
export interface TableSpec {
  id?: string;
  hitPolicy?: string;
  aggregation?: string;
  inputs: string[];
  outputs: { name: string; values?: string }[];
  rules: [string[], string[]][];
}

const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

export function tableXml(t: TableSpec, extra = ''): string {
  const id = t.id ?? 'decide';
  const inputs = t.inputs.map((e, i) => `<input id="in${i}" label="Input ${i + 1}"><inputExpression id="ie${i}" typeRef="string"><text>${esc(e)}</text></inputExpression></input>`).join('');
  const outputs = t.outputs.map((o, i) => `<output id="out${i}" name="${o.name}" typeRef="string">${o.values ? `<outputValues id="ov${i}"><text>${esc(o.values)}</text></outputValues>` : ''}</output>`).join('');
  const rules = t.rules.map(([ins, outs], r) => `<rule id="r${r + 1}">${ins.map((e, i) => `<inputEntry id="r${r + 1}i${i}"><text>${esc(e)}</text></inputEntry>`).join('')}${outs.map((e, i) => `<outputEntry id="r${r + 1}o${i}"><text>${esc(e)}</text></outputEntry>`).join('')}</rule>`).join('');
  const policy = t.hitPolicy ? ` hitPolicy="${t.hitPolicy}"` : '';
  const aggregation = t.aggregation ? ` aggregation="${t.aggregation}"` : '';
  return definitions(`<decision id="${id}" name="Decide"><decisionTable id="table_${id}"${policy}${aggregation}>${inputs}${outputs}${rules}</decisionTable></decision>${extra}`);
}

export const definitions = (body: string) => `<?xml version="1.0" encoding="UTF-8"?>
<definitions xmlns="https://www.omg.org/spec/DMN/20191111/MODEL/" xmlns:modeler="http://camunda.org/schema/modeler/1.0" id="Definitions_test" name="Test decisions" namespace="http://camunda.org/schema/1.0/dmn" exporter="Camunda Modeler" exporterVersion="5.40.0" modeler:executionPlatform="Camunda Cloud" modeler:executionPlatformVersion="8.8.0">
${body}
</definitions>`;
