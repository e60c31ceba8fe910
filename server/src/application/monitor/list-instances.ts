// Instances of a process (one version or all), filtered by state, newest first. No variables here: those
// are read one instance at a time, where section permissions apply.
import type { InstanceSummary, InstanceView } from '../../ports/workflow-engine.port';
import type { Actor } from '../cases/case-access';
import { requireMonitor, type MonitorDeps } from './monitor-access';

export interface InstanceListQuery {
  processId: string;
  version?: number;
  state?: InstanceView['state'];
  offset: number;
  limit: number;
}

export async function listInstances(
  deps: Pick<MonitorDeps, 'engine' | 'policy'>, actor: Actor, query: InstanceListQuery,
): Promise<{ items: InstanceSummary[]; total: number; offset: number; limit: number }> {
  requireMonitor(deps.policy, actor);
  const page = await deps.engine.listInstances(query);
  return { ...page, offset: query.offset, limit: query.limit };
}
