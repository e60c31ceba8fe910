// The monitor's reads on Zeebe: per-element statistics of a version, an instance's path on its diagram, and
// a case's instances (found by their `caseId` variable, the only case link Zeebe has).
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import type { ElementCounts, InstancePath } from '../../ports/workflow-engine.port';
import type { ZeebeDeployer } from './zeebe-deployer';
import type { ZeebeInstances } from './zeebe-instances';
import { NOW, type ZeebeApi } from './zeebe-client';

export class ZeebeMonitor {
  constructor(private readonly api: ZeebeApi, private readonly deployer: ZeebeDeployer, private readonly instances: ZeebeInstances) {}

  async countActiveElements(processId: string, version: number): Promise<ElementCounts> {
    const key = await this.deployer.definitionKey(processId, version);
    if (!key) return { elements: [], running: 0, incidents: 0 };
    const [stats, running, incidents]: any[] = await Promise.all([
      this.api.getProcessDefinitionStatistics({ processDefinitionKey: key } as never, NOW),
      this.api.searchProcessInstances({ filter: { processDefinitionKey: key, state: 'ACTIVE' }, page: { limit: 1 } } as never, NOW),
      this.api.searchProcessInstances({ filter: { processDefinitionKey: key, state: 'ACTIVE', hasIncident: true }, page: { limit: 1 } } as never, NOW),
    ]);
    return {
      elements: (stats.items ?? []).filter((s: any) => s.active || s.incidents).map((s: any) => ({ elementId: s.elementId, active: Number(s.active ?? 0), incidents: Number(s.incidents ?? 0) })),
      running: Number(running.page?.totalItems ?? 0),
      incidents: Number(incidents.page?.totalItems ?? 0),
    };
  }

  async path(instanceKey: string): Promise<InstancePath | undefined> {
    if (!(await this.instances.summary(instanceKey))) return undefined;
    const [elements, flows]: any[] = await Promise.all([
      this.instances.elements(instanceKey),
      this.api.getProcessInstanceSequenceFlows({ processInstanceKey: instanceKey } as never, NOW),
    ]);
    const own = elements.filter((e: any) => e.type !== 'PROCESS');
    return {
      completedElementIds: [...new Set<string>(own.filter((e: any) => e.state === 'COMPLETED').map((e: any) => e.elementId))],
      takenFlowIds: [...new Set<string>((flows.items ?? []).map((f: any) => f.elementId))],
      activeElementIds: own.filter((e: any) => e.state === 'ACTIVE').map((e: any) => e.elementId),
    };
  }

  /**
   * Cancels the running instances whose `caseId` variable is the case (their called instances end with them).
   * Zeebe offers no deletion of instance history through its API: its secondary storage keeps the record
   * until the cluster's retention removes it (docs/zeebe.md says so).
   */
  async cancelInstancesOfCase(caseId: string, cancel: (key: string) => Promise<void>): Promise<number> {
    const res: any = await this.api.searchVariables({ filter: { name: 'caseId', value: JSON.stringify(caseId) }, page: { limit: 1000 } } as never, NOW);
    const keys = [...new Set<string>((res.items ?? []).filter((v: any) => String(v.scopeKey) === String(v.processInstanceKey)).map((v: any) => String(v.processInstanceKey)))];
    let cancelled = 0;
    for (const key of keys) {
      const summary = await this.instances.summary(key);
      if (summary?.state !== 'active' && summary?.state !== 'incident') continue;
      await cancel(key);
      cancelled++;
    }
    return cancelled;
  }
}
