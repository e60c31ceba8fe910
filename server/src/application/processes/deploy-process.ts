// A manager deploys a process from the modeller. The engine checks everything first and refuses the
// whole deploy (DeploymentRejectedError, nothing stored) on any error. New content becomes a new
// version; the same content as the latest version returns that version; running instances stay on the
// version they started with. Every new version is audited with who, why and the version number.
import type { DeployedProcess } from '../../ports/workflow-engine.port';
import { auditActor, requireProcessAdmin, resourceNameFor, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface DeployProcessInput {
  xml: string;
  comment: string;
}

export async function deployProcess(
  deps: ProcessAdminDeps,
  actor: ProcessActor,
  input: DeployProcessInput,
  ip?: string,
): Promise<DeployedProcess[]> {
  requireProcessAdmin(actor);
  const deployed = await deps.engine.deploy(
    [{ name: resourceNameFor(input.xml), content: input.xml }],
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
  return deployed;
}
