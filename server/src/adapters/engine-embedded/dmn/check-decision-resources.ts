// The deploy checks of DMN files and of the decisions a deploy's processes call, all or nothing with the rest:
// every .dmn compiles, a decision id belongs to one DMN file (as in Zeebe), and a business rule task calling a
// decision by a fixed id finds it in this deploy or among those already deployed. A decision id written as an
// expression (`=…`) is known only at run time: a missing decision is then an incident at the task.
import type { DeployProblem, DeployResource } from '../../../ports/workflow-engine.port';
import { lineOf } from '../deploy/deploy-problems';
import type { ProcessModel } from '../model/process-model';
import { compileDmn } from './compile-dmn';
import type { DecisionGraph } from './decision-model';

export interface CheckedDecisions { problems: DeployProblem[]; graphs: { resource: DeployResource; graph: DecisionGraph }[] }

/** What is deployed already; without it (the Zeebe adapter: the cluster keeps its decisions) only this deploy is looked at. */
export interface DeployedDecisionLookup { graphOf(decisionId: string): Promise<string | undefined> }

export const isDmn = (resource: DeployResource) => resource.name.endsWith('.dmn');

export async function checkDecisionResources(
  resources: DeployResource[],
  compiled: { resource: DeployResource; model: ProcessModel }[],
  deployed?: DeployedDecisionLookup,
): Promise<CheckedDecisions> {
  const out: CheckedDecisions = { problems: [], graphs: [] };
  const owner = new Map<string, string>(); // decision id → graph id, within this deploy
  for (const resource of resources.filter(isDmn)) {
    const { graph, problems } = await compileDmn(resource.name, resource.content);
    out.problems.push(...problems);
    if (!graph) {
      // Its decisions are refused already: a process calling one of them adds no second line burying that.
      for (const m of resource.content.matchAll(/<(?:[\w-]+:)?decision\b[^>]*?\bid="([^"]+)"/g)) owner.set(m[1], '');
      continue;
    }
    for (const id of Object.keys(graph.decisions)) {
      const at = (message: string) => out.problems.push({ resource: resource.name, elementId: id, line: lineOf(resource.content, id), message });
      const here = owner.get(id);
      const before = here === undefined ? await deployed?.graphOf(id) : undefined;
      // '' is a file that failed to compile: its own lines say so, a second one here would only mislead.
      if (here) at(`decision '${id}' is also in decision requirements '${here}' of this deploy: a decision id belongs to one DMN file`);
      else if (before !== undefined && before !== graph.id) at(`decision '${id}' is already deployed in decision requirements '${before}': a decision id belongs to one DMN file (rename it, or deploy it from that file)`);
      owner.set(id, graph.id);
    }
    out.graphs.push({ resource, graph });
  }
  for (const { resource, model } of compiled) {
    for (const el of Object.values(model.elements)) {
      const id = el.decision?.decisionId;
      if (!id || id.trimStart().startsWith('=') || owner.has(id) || !deployed || (await deployed.graphOf(id)) !== undefined) continue;
      out.problems.push({
        resource: resource.name, elementId: el.id, line: lineOf(resource.content, el.id),
        message: `business rule task '${el.id}' calls decision '${id}', which is not deployed: deploy the DMN file that holds it with this process, or before it`,
      });
    }
  }
  return out;
}
