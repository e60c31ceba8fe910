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

/**
 * What the 8.8 rules call an error but Zeebe 8.8 deploys and runs as drawn, so the engine runs it too: a task
 * definition left on a user task is ignored by Zeebe's UserTaskTransformer (see zeebe-extensions.ts).
 */
const RUNS_ANYWAY = [
  { rule: 'camunda-compat/implementation', type: 'bpmn:UserTask', message: /^Extension element of type <zeebe:TaskDefinition> not allowed$/ },
];

/** Each flow element's id and type, in every process and sub-process. */
function elementTypes(definitions: any): Map<string, string> {
  const types = new Map<string, string>();
  const walk = (container: any) => {
    for (const el of container?.flowElements ?? []) {
      types.set(el.id, el.$type);
      walk(el);
    }
  };
  for (const root of definitions.rootElements ?? []) walk(root);
  return types;
}

export async function lintDefinitions(definitions: any, problems: ProblemList): Promise<void> {
  const restore = dropDanglingDiagram(definitions);
  let results: Record<string, { id?: string; message: string; category: string }[]>;
  try {
    results = await getLinter().lint(definitions);
  } finally {
    restore();
  }
  // The engine's own checks ran first and name the element with the reason in the product's words; the
  // linter's line on an element already named restates it (or follows from it) and would list it twice.
  const named = new Set(problems.items.map((p) => p.elementId).filter(Boolean));
  const types = elementTypes(definitions);
  const crashed = new Set<string>();
  for (const [rule, reports] of Object.entries(results)) {
    for (const r of reports) {
      if (r.category === 'rule-error') crashed.add(r.message);
      if (r.category !== 'error' || (r.id && named.has(r.id))) continue;
      if (RUNS_ANYWAY.some((x) => x.rule === rule && x.type === types.get(r.id ?? '') && x.message.test(r.message))) continue;
      problems.add(`${r.message} (rule ${rule})`, r.id);
    }
  }
  // A rule that throws says nothing about the model; one line, not one per rule (there are 44).
  for (const message of crashed) problems.add(`the Camunda 8.8 checks could not read this file (${message}); fix the problems above and deploy again`);
}

/**
 * The rules read each diagram plane's element: a plane, shape or edge whose bpmnElement is not in the file
 * (reported by the parser as an unresolved reference) would make every rule throw. They are left out while
 * the rules run (the tree keeps its parent links, which a copy would lose) and put back afterwards.
 */
function dropDanglingDiagram(definitions: any): () => void {
  const diagrams = definitions.diagrams;
  if (!Array.isArray(diagrams)) return () => undefined;
  const planes = diagrams.map((d: any) => [d.plane, d.plane?.planeElement] as const);
  definitions.diagrams = diagrams.filter((d: any) => d.plane?.bpmnElement);
  for (const d of definitions.diagrams) {
    if (Array.isArray(d.plane.planeElement)) d.plane.planeElement = d.plane.planeElement.filter((e: any) => e.bpmnElement);
  }
  return () => {
    definitions.diagrams = diagrams;
    diagrams.forEach((d: any, i: number) => { if (planes[i][0]) planes[i][0].planeElement = planes[i][1]; });
  };
}
