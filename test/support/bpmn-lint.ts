// Lints BPMN the way the bpmnlint CLI does with the repository's .bpmnlintrc, but in-process: the zeebe
// moddle extension must be loaded or camunda-compat reports false positives on valid Zeebe files.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { BpmnModdle } from 'bpmn-moddle';
import zeebe from 'zeebe-bpmn-moddle/resources/zeebe.json';

// bpmnlint ships CommonJS without types.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Linter } = require('bpmnlint') as { Linter: new (o: unknown) => { lint(root: unknown): Promise<Record<string, LintReport[]>> } };
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver') as new () => unknown;

export interface LintReport {
  id?: string;
  message: string;
  category: 'error' | 'warn' | 'info' | 'rule-error' | string;
}

export interface ModdleElement {
  $type: string;
  id?: string;
  name?: string;
  [key: string]: unknown;
}

const root = path.resolve(__dirname, '../..');
const rc = JSON.parse(readFileSync(path.join(root, '.bpmnlintrc'), 'utf8')) as { extends: string[] };

export async function parseBpmn(xml: string): Promise<{ rootElement: ModdleElement; warnings: unknown[] }> {
  const moddle = new BpmnModdle({ zeebe });
  const { rootElement, warnings } = await moddle.fromXML(xml);
  return { rootElement: rootElement as unknown as ModdleElement, warnings };
}

/** Problems as "rule: element — message", errors and warnings only. */
export async function lintBpmn(definitions: ModdleElement): Promise<string[]> {
  const linter = new Linter({ config: { extends: rc.extends }, resolver: new NodeResolver() });
  const results = await linter.lint(definitions);
  return Object.entries(results).flatMap(([rule, reports]) =>
    reports.filter((r) => r.category !== 'info').map((r) => `${rule} (${r.category}): ${r.id ?? ''} — ${r.message}`),
  );
}
