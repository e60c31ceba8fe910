// The engine's own deploy checks on a draft (broken XML, elements the embedded engine cannot run, FEEL
// that does not parse, reserved variable names, Camunda 8.8 lint errors), without storing anything.
// The modeller shows these next to @camunda/linting's findings before the manager deploys.
import type { DeployProblem } from '../../ports/workflow-engine.port';
import { requireProcessAdmin, resourceNameFor, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface LintResult {
  resourceName: string;
  ok: boolean;
  problems: DeployProblem[];
}

export async function lintProcess(deps: ProcessAdminDeps, actor: ProcessActor, xml: string): Promise<LintResult> {
  requireProcessAdmin(actor);
  const resourceName = resourceNameFor(xml);
  const problems = await deps.engine.checkDeployment([{ name: resourceName, content: xml }]);
  return { resourceName, ok: problems.length === 0, problems };
}
