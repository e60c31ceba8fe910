// The processes shipped in processes/ (and, on Zeebe, their linked forms) are deployed at every start. The
// engine leaves out a file whose content, as it stores or sends it, is already deployed as some version
// (`onlyChanged`): once a manager has deployed a newer version from the modeller, a restart must not bring
// the shipped file back as the latest version. A file edited by a developer becomes a new version as usual.
// The comparison is the engine's, because only it knows what it stores (Zeebe gets the file with the
// product's task-sync listener added: engine-zeebe/zeebe-deployer.ts).
import type { DeployedProcess, DeployResource, WorkflowEngine } from '../../ports/workflow-engine.port';

export async function deployProcessFiles(
  engine: Pick<WorkflowEngine, 'deploy'>,
  files: DeployResource[],
): Promise<{ deployed: DeployedProcess[]; skipped: string[] }> {
  const deployed = files.length ? await engine.deploy(files, { by: 'system', comment: 'deployed at start', onlyChanged: true }) : [];
  const sent = new Set(deployed.map((d) => d.resourceName));
  return { deployed, skipped: files.filter((f) => f.name.endsWith('.bpmn') && !sent.has(f.name)).map((f) => f.name) };
}
