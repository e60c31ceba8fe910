// A manager deploys a process from the modeller, with the DMN files its business rule tasks call if any. The
// engine checks everything first and refuses the whole deploy (DeploymentRejectedError, nothing stored) on
// any error. New content becomes a new version; the same content as the latest version returns that
// version; running instances stay on the version they started with. Every new version is audited with who,
// why and the version number (decisions as deploy-decisions.ts does).
import type { DeployedProcess } from '../../ports/workflow-engine.port';
import { auditDecisionDeploys, dmnResources, listed, type DeployedDecisionView } from './deploy-decisions';
import { auditActor, requireProcessAdmin, resourceNameFor, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface DeployProcessInput {
  xml: string;
  comment: string;
  /** DMN files deployed with the process, all or nothing. */
  decisions?: string[];
}

export interface DeployProcessResult { processes: DeployedProcess[]; decisions: DeployedDecisionView[] }

export async function deployProcess(
  deps: ProcessAdminDeps,
  actor: ProcessActor,
  input: DeployProcessInput,
  ip?: string,
): Promise<DeployProcessResult> {
  requireProcessAdmin(actor);
  const decisions = input.decisions ?? [];
  const before = decisions.length ? await listed(deps) : new Set<string>();
  const deployed = await deps.engine.deploy(
    [{ name: resourceNameFor(input.xml), content: input.xml }, ...dmnResources(decisions)],
    { by: actor.id, comment: input.comment },
  );
  for (const p of deployed) {
    await deps.audit.record({
      actor: auditActor(actor),
      action: p.isNew ? 'process.deployed' : 'process.deploy-unchanged',
      recordType: 'process',
      recordId: `${p.processId}@${p.version}`,
      ip,
      reason: input.comment,
      after: { processId: p.processId, version: p.version, resourceName: p.resourceName, checksum: p.checksum.slice(0, 16) },
    });
  }
  return { processes: deployed, decisions: await auditDecisionDeploys(deps, actor, { decisions, comment: input.comment }, before, ip) };
}
