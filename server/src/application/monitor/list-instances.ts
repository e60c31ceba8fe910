// Instances of a process (one version or all), filtered by state, newest first: only those the reader may
// reach (instance-scope.ts: their own teams' cases, and instances without a case). No variables here: those
// are read one instance at a time, where section permissions apply.
import type { InstanceSummary, InstanceView } from '../../ports/workflow-engine.port';
import type { Actor } from '../cases/case-access';
import { instancesInReach, withCases } from './instance-scope';
import { requireMonitor, type MonitorDeps } from './monitor-access';

export interface InstanceListQuery {
  processId: string;
  version?: number;
  state?: InstanceView['state'];
  offset: number;
  limit: number;
}

const CHUNK = 1000;

export async function listInstances(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'cases'>, actor: Actor, query: InstanceListQuery,
): Promise<{ items: InstanceSummary[]; total: number; offset: number; limit: number }> {
  requireMonitor(deps.policy, actor);
  const visible = await reachableInstances(deps, actor, query);
  return { items: visible.slice(query.offset, query.offset + query.limit), total: visible.length, offset: query.offset, limit: query.limit };
}

/**
 * Every instance of the filter that the actor may reach, newest first. The engine pages without knowing
 * teams, so the filter's instances are read in chunks (summaries only: no variables, no timelines) and
 * paged here; a manager's list is a few thousand instances at most.
 */
export async function reachableInstances(
  deps: Pick<MonitorDeps, 'engine' | 'policy' | 'cases'>, actor: Actor, filter: Omit<InstanceListQuery, 'offset' | 'limit'>,
): Promise<InstanceSummary[]> {
  const all: InstanceSummary[] = [];
  for (let offset = 0; ; offset += CHUNK) {
    const page = await deps.engine.listInstances({ ...filter, offset, limit: CHUNK });
    all.push(...await withCases(deps.engine, page.items));
    if (page.items.length < CHUNK || all.length >= page.total) break;
  }
  const inReach = await instancesInReach(deps, actor, all);
  return all.filter((i) => inReach.has(i.key));
}
