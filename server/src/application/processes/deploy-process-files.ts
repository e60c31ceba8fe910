// The processes shipped in processes/ are deployed at every start. A file whose exact content is
// already stored as some version is skipped: once a manager has deployed a newer version from the
// modeller, a restart must not bring the shipped file back as the latest version. A file edited by a
// developer (content never deployed) becomes a new version as usual.
import { createHash } from 'node:crypto';
import type { DeployedProcess, DeployResource, WorkflowEngine } from '../../ports/workflow-engine.port';

export async function deployProcessFiles(
  engine: Pick<WorkflowEngine, 'deploy' | 'listDeployments'>,
  files: DeployResource[],
): Promise<{ deployed: DeployedProcess[]; skipped: string[] }> {
  // The port's checksum is the SHA-256 of the resource content (as Zeebe's duplicate check).
  const known = new Set((await engine.listDeployments()).map((d) => d.checksum));
  const sha = (s: string) => createHash('sha256').update(s).digest('hex');
  const fresh = files.filter((f) => !known.has(sha(f.content)));
  const deployed = fresh.length ? await engine.deploy(fresh, { by: 'system', comment: 'deployed at start' }) : [];
  return { deployed, skipped: files.filter((f) => !fresh.includes(f)).map((f) => f.name) };
}
