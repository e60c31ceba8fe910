// Every version of one process, newest first, with who deployed it, when, why and what still runs on it.
import { NotFoundError } from '../../domain/errors';
import type { ProcessDeploymentView } from '../../ports/workflow-engine.port';
import { checkProcessId, requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export async function getProcessVersions(deps: ProcessAdminDeps, actor: ProcessActor, processId: string): Promise<ProcessDeploymentView[]> {
  requireProcessAdmin(actor);
  const versions = await deps.engine.listDeployments(checkProcessId(processId));
  if (!versions.length) throw new NotFoundError(`No process '${processId}' is deployed`, 'PROCESS_NOT_FOUND');
  return [...versions].sort((a, b) => b.version - a.version);
}
