// One version on the monitor: its diagram (the BPMN it was deployed from) and, per element, how many
// running instances wait there and how many of them are stuck on an incident.
import { NotFoundError } from '../../domain/errors';
import type { ElementCount } from '../../ports/workflow-engine.port';
import type { Actor } from '../cases/case-access';
import { requireMonitor, type MonitorDeps } from './monitor-access';

export interface VersionOverview {
  processId: string;
  version: number;
  xml: string;
  counts: ElementCount[];
  totals: { active: number; incidents: number };
}

export async function getVersionOverview(deps: Pick<MonitorDeps, 'engine' | 'policy'>, actor: Actor, processId: string, version: number): Promise<VersionOverview> {
  requireMonitor(deps.policy, actor);
  const xml = await deps.engine.getDeploymentResource(processId, version);
  if (xml === undefined) throw new NotFoundError(`Process '${processId}' has no version ${version}`, 'PROCESS_VERSION_NOT_FOUND');
  const counts = await deps.engine.countActiveElements(processId, version);
  return { processId, version, xml, counts: counts.elements, totals: { active: counts.running, incidents: counts.incidents } };
}
