// Deploys processes and their linked forms to Zeebe as one deployment (all or nothing, as Zeebe does), with
// the task-sync listener added to every user task. The product's own checks (lint, forms) run first, so Zeebe
// is never sent what the embedded engine would refuse.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { createHash } from 'node:crypto';
import type { DeployedProcess, DeployProblem, DeployResource, ProcessDeploymentView } from '../../ports/workflow-engine.port';
import { DeploymentRejectedError } from '../../ports/workflow-engine.port';
import { withTaskSyncListeners } from './task-sync-listeners';
import type { ProcessDefinitions } from './process-definitions';
import { NOW, statusOf, type ZeebeApi } from './zeebe-client';

export interface DeployerDeps {
  api: ZeebeApi;
  definitions: ProcessDefinitions;
  now: () => Date;
  tenantId?: string;
  /** The product's deploy checks (the embedded engine's lint and form checks); none when absent. */
  check?: (resources: DeployResource[]) => Promise<DeployProblem[]>;
}

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');

export class ZeebeDeployer {
  constructor(private readonly d: DeployerDeps) {}

  checkDeployment(resources: DeployResource[]): Promise<DeployProblem[]> {
    return this.d.check ? this.d.check(resources) : Promise.resolve([]);
  }

  async deploy(resources: DeployResource[]): Promise<DeployedProcess[]> {
    const problems = await this.checkDeployment(resources);
    if (problems.length) throw new DeploymentRejectedError(problems);
    const sent = await Promise.all(resources.map(async (r) => ({ ...r, sent: r.name.endsWith('.bpmn') ? await withTaskSyncListeners(r.content) : r.content })));
    const before = await this.latestVersions();
    let res: any;
    try {
      res = await this.d.api.createDeployment({
        resources: sent.map((r) => new File([r.sent], r.name, { type: r.name.endsWith('.bpmn') ? 'application/xml' : 'application/json' })),
        ...(this.d.tenantId ? { tenantId: this.d.tenantId } : {}),
      } as never);
    } catch (e) {
      if (statusOf(e) === 400) throw new DeploymentRejectedError([{ resource: resources.map((r) => r.name).join(', '), message: detailOf(e) }]);
      throw e;
    }
    const deployedAt = this.d.now().toISOString();
    return (res.deployments ?? []).flatMap((dep: any) => {
      const p = dep.processDefinition;
      if (!p) return [];
      const r = sent.find((x) => x.name === p.resourceName);
      if (r) this.d.definitions.prime(String(p.processDefinitionKey), r.sent, p.processDefinitionId);
      return [{
        processId: p.processDefinitionId, version: p.processDefinitionVersion, key: String(p.processDefinitionKey),
        resourceName: p.resourceName, checksum: r ? sha256(r.content) : '', deployedAt,
        isNew: p.processDefinitionVersion > (before.get(p.processDefinitionId) ?? 0),
      }];
    });
  }

  /** Zeebe keeps no deploy comment, author or checksum: those fields are empty here. */
  async listDeployments(processId?: string): Promise<ProcessDeploymentView[]> {
    const defs = await this.definitionsOf(processId);
    return Promise.all(defs.map(async (p: any) => {
      const running: any = await this.d.api.searchProcessInstances({ filter: { processDefinitionKey: p.processDefinitionKey, state: 'ACTIVE' }, page: { limit: 1 } } as never, NOW);
      return {
        processId: p.processDefinitionId, version: p.version, ...(p.name ? { name: p.name } : {}), resourceName: p.resourceName ?? '',
        checksum: '', deployedAt: '', activeInstances: Number(running.page?.totalItems ?? 0),
      };
    }));
  }

  async getDeploymentResource(processId: string, version: number): Promise<string | undefined> {
    const key = await this.definitionKey(processId, version);
    return key ? String(await this.d.api.getProcessDefinitionXml({ processDefinitionKey: key } as never, NOW)) : undefined;
  }

  async definitionKey(processId: string, version: number): Promise<string | undefined> {
    const res: any = await this.d.api.searchProcessDefinitions({ filter: { processDefinitionId: processId, version }, page: { limit: 1 } } as never, NOW);
    const p = res.items?.[0];
    return p ? String(p.processDefinitionKey) : undefined;
  }

  private async definitionsOf(processId?: string): Promise<any[]> {
    const res: any = await this.d.api.searchProcessDefinitions({
      ...(processId ? { filter: { processDefinitionId: processId } } : {}), sort: [{ field: 'version', order: 'DESC' }], page: { limit: 1000 },
    } as never, NOW);
    return res.items ?? [];
  }

  private async latestVersions(): Promise<Map<string, number>> {
    const latest = new Map<string, number>();
    for (const p of await this.definitionsOf()) latest.set(p.processDefinitionId, Math.max(latest.get(p.processDefinitionId) ?? 0, p.version));
    return latest;
  }
}

export function detailOf(e: unknown): string {
  const err = e as { body?: { detail?: string }; detail?: string; message?: string };
  return err?.body?.detail ?? err?.detail ?? err?.message ?? String(e);
}
