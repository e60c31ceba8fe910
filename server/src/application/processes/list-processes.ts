// The processes a manager can open in the modeller: each process's latest version with how many
// versions it has and how many instances are still running on any of them.
import type { ProcessDeploymentView } from '../../ports/workflow-engine.port';
import { requireProcessAdmin, type ProcessActor, type ProcessAdminDeps } from './process-admin-deps';

export interface ProcessSummary {
  processId: string;
  name?: string;
  latest: ProcessDeploymentView;
  versions: number;
  activeInstances: number;
}

export async function listProcesses(deps: ProcessAdminDeps, actor: ProcessActor): Promise<ProcessSummary[]> {
  requireProcessAdmin(actor);
  const byProcess = new Map<string, ProcessDeploymentView[]>();
  for (const d of await deps.engine.listDeployments()) {
    const list = byProcess.get(d.processId) ?? [];
    list.push(d);
    byProcess.set(d.processId, list);
  }
  return [...byProcess.entries()]
    .map(([processId, versions]) => {
      const latest = versions.reduce((a, b) => (b.version > a.version ? b : a));
      return {
        processId,
        ...(latest.name ? { name: latest.name } : {}),
        latest,
        versions: versions.length,
        activeInstances: versions.reduce((n, v) => n + v.activeInstances, 0),
      };
    })
    .sort((a, b) => (a.name ?? a.processId).localeCompare(b.name ?? b.processId));
}
