// The processes and versions the monitor can show, with how many instances of each version still run.
import type { Actor } from '../cases/case-access';
import { requireMonitor, type MonitorDeps } from './monitor-access';

export interface ProcessVersions {
  processId: string;
  name?: string;
  versions: { version: number; deployedAt: string; activeInstances: number }[];
}

export async function listProcessVersions(deps: Pick<MonitorDeps, 'engine' | 'policy'>, actor: Actor): Promise<ProcessVersions[]> {
  requireMonitor(deps.policy, actor);
  const byProcess = new Map<string, ProcessVersions>();
  for (const d of await deps.engine.listDeployments()) {
    const p = byProcess.get(d.processId) ?? { processId: d.processId, ...(d.name ? { name: d.name } : {}), versions: [] };
    p.versions.push({ version: d.version, deployedAt: d.deployedAt, activeInstances: d.activeInstances });
    byProcess.set(d.processId, p);
  }
  for (const p of byProcess.values()) p.versions.sort((a, b) => b.version - a.version);
  return [...byProcess.values()].sort((a, b) => a.processId.localeCompare(b.processId));
}
