// The BPMN XML of one deployed version (latest when no version is given): what the modeller opens
// and what "Download" saves.
import { NotFoundError } from '../../domain/errors';
import { checkProcessId, requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface ProcessXml {
  processId: string;
  version: number;
  resourceName: string;
  xml: string;
}

export async function getProcessXml(deps: ProcessAdminDeps, actor: ProcessActor, processId: string, version?: number): Promise<ProcessXml> {
  requireProcessAdmin(actor);
  checkProcessId(processId);
  const versions = await deps.engine.listDeployments(processId);
  const wanted = version ?? Math.max(0, ...versions.map((v) => v.version));
  const found = versions.find((v) => v.version === wanted);
  const xml = found ? await deps.engine.getDeploymentResource(processId, wanted) : undefined;
  if (!found || xml === undefined) {
    throw new NotFoundError(`Process '${processId}'${version ? ` has no version ${version}` : ' is not deployed'}`, 'PROCESS_VERSION_NOT_FOUND');
  }
  return { processId, version: wanted, resourceName: found.resourceName, xml };
}
