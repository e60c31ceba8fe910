// Lints against Camunda 8.8 (bpmnlint 11 + camunda-compat) programmatically. The moddle tree must be parsed
// with the zeebe extension, otherwise the rules report valid zeebe attributes as errors.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ProblemList } from './deploy-problems';

// bpmnlint ships CommonJS without types; the resolver loads rules with Node's require.
// eslint-disable-next-line @typescript-eslint/no-require-imports
const { Linter } = require('bpmnlint');
// eslint-disable-next-line @typescript-eslint/no-require-imports
const NodeResolver = require('bpmnlint/lib/resolver/node-resolver');

let linter: any;
function getLinter(): any {
  linter ??= new Linter({
    config: { extends: 'plugin:camunda-compat/camunda-cloud-8-8' },
    resolver: new NodeResolver({ require }),
  });
  return linter;
}

export async function lintDefinitions(definitions: any, problems: ProblemList): Promise<void> {
  const results: Record<string, { id?: string; message: string; category: string }[]> = await getLinter().lint(definitions);
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category === 'error' || r.category === 'rule-error') problems.add(`${r.message} (rule ${rule})`, r.id);
    }
  }
}
