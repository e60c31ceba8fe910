// Read side of deployments for the manager workspace: the versions of each process with who/when/comment,
// and the XML a version was deployed from (the deploy checks are check-deploy-resources.ts).
// Kept apart from the deployment service (the write path) so listing never loads compiled models.
import type { ProcessDeploymentView } from '../../../ports/workflow-engine.port';
import type { EngineCollections } from '../store/engine-collections';
import type { DeploymentDoc } from '../store/engine-documents';

// Everything but the compiled model and the XML: a process with many versions stays a small read.
const LISTED = { processId: 1, version: 1, resourceName: 1, checksum: 1, deployedAt: 1, by: 1, comment: 1, 'model.name': 1 } as const;

export class DeploymentQueries {
  constructor(private readonly db: EngineCollections) {}

  async list(processId?: string): Promise<ProcessDeploymentView[]> {
    const filter = processId === undefined ? {} : { processId };
    const [docs, running] = await Promise.all([
      this.db.deployments.find(filter, LISTED).lean<DeploymentDoc[]>(),
      this.activeCounts(processId),
    ]);
    return docs
      .map((d) => ({
        processId: d.processId,
        version: d.version,
        ...(d.model?.name ? { name: d.model.name as string } : {}),
        resourceName: d.resourceName,
        checksum: d.checksum,
        deployedAt: d.deployedAt,
        ...(d.by ? { by: d.by as string } : {}),
        ...(d.comment ? { comment: d.comment as string } : {}),
        activeInstances: running.get(`${d.processId}:${d.version}`) ?? 0,
      }))
      .sort((a, b) => a.processId.localeCompare(b.processId) || b.version - a.version);
  }

  async resource(processId: string, version: number): Promise<string | undefined> {
    const doc = await this.db.deployments.findById(`${processId}:${version}`, { xml: 1 }).lean<DeploymentDoc>();
    return typeof doc?.xml === 'string' ? doc.xml : undefined;
  }

  // $group on the embedded database's supported subset ($match, $group with $sum).
  private async activeCounts(processId?: string): Promise<Map<string, number>> {
    const match: Record<string, unknown> = { status: 'active' };
    if (processId !== undefined) match.processId = processId;
    const rows = await this.db.instances.aggregate<{ _id: { p: string; v: number }; n: number }>([
      { $match: match },
      { $group: { _id: { p: '$processId', v: '$version' }, n: { $sum: 1 } } },
    ]);
    return new Map(rows.map((r) => [`${r._id.p}:${r._id.v}`, r.n]));
  }
}
