// The engine's own deploy checks on a draft (broken XML, elements the embedded engine cannot run, FEEL
// that does not parse, reserved variable names, Camunda 8.8 lint errors), without storing anything.
// The modeller shows these next to @camunda/linting's findings before the manager deploys.
import type { DeployProblem } from '../../ports/workflow-engine.port';
import { dmnResources } from './deploy-decisions';
import { requireProcessAdmin, resourceNameFor, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface LintResult {
  resourceName: string;
  ok: boolean;
  problems: DeployProblem[];
}

/** `decisions`: DMN files that would deploy with it (checked too, and the decisions they hold count as deployed). */
export async function lintProcess(deps: ProcessAdminDeps, actor: ProcessActor, xml: string, decisions: string[] = []): Promise<LintResult> {
  requireProcessAdmin(actor);
  const resourceName = resourceNameFor(xml);
  const problems = await deps.engine.checkDeployment([{ name: resourceName, content: xml }, ...dmnResources(decisions)]);
  return { resourceName, ok: problems.length === 0, problems };
}
