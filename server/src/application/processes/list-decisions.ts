// Every deployed DMN file with its versions, newest first: which decisions each holds, who deployed it,
// when and why. On an engine that keeps no decisions here (Camunda 8: the cluster keeps them) the list is empty.
import type { DecisionDeploymentView } from '../../ports/workflow-engine.port';
import { requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export async function listDecisions(deps: ProcessAdminDeps, actor: ProcessActor): Promise<DecisionDeploymentView[]> {
  requireProcessAdmin(actor);
  const all = (await deps.engine.listDecisionDeployments?.()) ?? [];
  return [...all].sort((a, b) => a.decisionRequirementsId.localeCompare(b.decisionRequirementsId) || b.version - a.version);
}
