// A manager deploys DMN files (decision tables drawn in Camunda Modeler): alone, to change how a decision is
// made without touching the processes that call it, or with the process that calls them (deploy-process.ts),
// all or nothing. New content is a new version of its decision requirements graph; the same content keeps
// its version. Every deploy is audited with who, why and the version, as a process deploy is.
import type { DecisionDeploymentView } from '../../ports/workflow-engine.port';
import { auditActor, requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface DeployDecisionsInput {
  /** DMN 1.3 files' XML. */
  decisions: string[];
  comment: string;
}

export interface DeployedDecisionView extends DecisionDeploymentView { isNew: boolean }

/** The DMN file's definitions id (Zeebe's decision requirements id), read from its text. */
const definitionsIdOf = (xml: string) => /<(?:[\w-]+:)?definitions\b[^>]*?\sid\s*=\s*["']([^"']+)["']/.exec(xml)?.[1];

/** The resource name a DMN file is stored and reported under: its definitions id, as Camunda Modeler names the file. */
export const dmnResourceName = (xml: string): string => `${definitionsIdOf(xml) ?? 'decisions'}.dmn`;

export const dmnResources = (decisions: readonly string[] = []) => decisions.map((content) => ({ name: dmnResourceName(content), content }));

export async function deployDecisions(deps: ProcessAdminDeps, actor: ProcessActor, input: DeployDecisionsInput, ip?: string): Promise<DeployedDecisionView[]> {
  requireProcessAdmin(actor);
  const before = await listed(deps);
  await deps.engine.deploy(dmnResources(input.decisions), { by: actor.id, comment: input.comment });
  return auditDecisionDeploys(deps, actor, input, before, ip);
}

/** The versions a deploy of these DMN files ended on (new or kept), audited one by one. */
export async function auditDecisionDeploys(
  deps: ProcessAdminDeps, actor: ProcessActor, input: DeployDecisionsInput, before: Set<string>, ip?: string,
): Promise<DeployedDecisionView[]> {
  if (!input.decisions.length || !deps.engine.listDecisionDeployments) return [];
  const all = await deps.engine.listDecisionDeployments();
  const out: DeployedDecisionView[] = [];
  for (const content of input.decisions) {
    const graphId = definitionsIdOf(content);
    const latest = all.filter((d) => d.decisionRequirementsId === graphId).sort((a, b) => b.version - a.version)[0];
    if (!latest) continue;
    const isNew = !before.has(`${latest.decisionRequirementsId}@${latest.version}`);
    out.push({ ...latest, isNew });
    await deps.audit.record({
      actor: auditActor(actor),
      action: isNew ? 'decision.deployed' : 'decision.deploy-unchanged',
      recordType: 'decision',
      recordId: `${latest.decisionRequirementsId}@${latest.version}`,
      ip,
      reason: input.comment,
      after: { decisionRequirementsId: latest.decisionRequirementsId, version: latest.version, decisionIds: latest.decisionIds, resourceName: latest.resourceName, checksum: latest.checksum.slice(0, 16) },
    });
  }
  return out;
}

/** The versions deployed before this deploy (`<graph id>@<version>`), to tell new ones from kept ones. */
export async function listed(deps: ProcessAdminDeps): Promise<Set<string>> {
  return new Set((await deps.engine.listDecisionDeployments?.() ?? []).map((d) => `${d.decisionRequirementsId}@${d.version}`));
}
