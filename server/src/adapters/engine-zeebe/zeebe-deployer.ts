// Deploys processes and their linked forms to Zeebe as one deployment (all or nothing, as Zeebe does), with
// the task-sync listener added to every user task. The product's own checks run first (the same as the
// embedded engine's: check-deploy-resources.ts), so Zeebe is never sent what the embedded engine refuses.
// The cluster keeps no checksum of what it was sent, nor who deployed it: this adapter records both
// (ports/zeebe-deploy-records.port.ts), which lets a restart leave unchanged shipped files out.
/* eslint-disable @typescript-eslint/no-explicit-any -- SDK result records are read field by field */
import { createHash } from 'node:crypto';
import { checkDeployResources, type DeployCheckHooks } from '../engine-embedded/deploy/check-deploy-resources';
import type { DeployedProcess, DeployOptions, DeployProblem, DeployResource, ProcessDeploymentView } from '../../ports/workflow-engine.port';
import { DeploymentRejectedError } from '../../ports/workflow-engine.port';
import type { ZeebeDeployRecord, ZeebeDeployRecords } from '../../ports/zeebe-deploy-records.port';
import { keptRead, type KeptRead } from './kept-read';
import { withTaskSyncListeners } from './task-sync-listeners';
import type { ProcessDefinitions } from './process-definitions';
import { statusOf, type ZeebeApi } from './zeebe-client';
import { ActiveInstanceCounts } from './active-instance-counts';
import { zeebeOnlyProblems } from './zeebe-deploy-problems';

export interface DeployerDeps {
  api: ZeebeApi;
  definitions: ProcessDefinitions;
  records: ZeebeDeployRecords;
  now: () => Date;
  tenantId?: string;
  /** What the product knows for its deploy checks (the form checker, known users); none when absent. */
  hooks?: DeployCheckHooks;
  /** How long listed versions, records and instance counts are kept before the cluster is asked again. */
  keepMs?: number;
}

interface Prepared { resource: DeployResource; sent?: string; checksum?: string }

const sha256 = (s: string) => createHash('sha256').update(s).digest('hex');
const isBpmn = (r: DeployResource) => r.name.endsWith('.bpmn');

export class ZeebeDeployer {
  private readonly recorded: KeptRead<Map<string, ZeebeDeployRecord>>;
  private readonly counts: ActiveInstanceCounts;

  constructor(private readonly d: DeployerDeps) {
    this.recorded = keptRead(d.keepMs ?? 30_000, async () => new Map((await d.records.all()).map((r) => [r.key, r])));
    this.counts = new ActiveInstanceCounts(d.api, Math.min(d.keepMs ?? 10_000, 10_000));
  }

  async checkDeployment(resources: DeployResource[]): Promise<DeployProblem[]> {
    const checked = await checkDeployResources(resources, this.d.hooks);
    return [...checked.problems, ...zeebeOnlyProblems(checked)];
  }

  async deploy(resources: DeployResource[], opts: DeployOptions = {}): Promise<DeployedProcess[]> {
    const prepared = await Promise.all(resources.map(prepare));
    const chosen = opts.onlyChanged ? await this.changed(prepared) : prepared;
    if (!chosen.length) return [];
    const problems = await this.checkDeployment(chosen.map((p) => p.resource));
    if (problems.length) throw new DeploymentRejectedError(problems);
    const sent = await Promise.all(chosen.map(async (p) => (p.sent === undefined ? prepare(p.resource) : p)));
    this.d.definitions.forget();
    const before = new Set((await this.d.definitions.all()).map((r) => r.key));
    let res: any;
    try {
      res = await this.d.api.createDeployment({
        resources: sent.map((p) => new File([p.sent!], p.resource.name, { type: p.resource.name.endsWith('.form') ? 'application/json' : 'application/xml' })),
        ...(this.d.tenantId ? { tenantId: this.d.tenantId } : {}),
      } as never);
    } catch (e) {
      if (statusOf(e) === 400) throw new DeploymentRejectedError([{ resource: resources.map((r) => r.name).join(', '), message: detailOf(e) }]);
      throw e;
    } finally {
      this.d.definitions.forget();
    }
    const deployedAt = this.d.now().toISOString();
    const records = (res.deployments ?? []).flatMap((dep: any) => recordOf(dep, sent, { deployedAt, by: opts.by, comment: opts.comment }));
    await this.d.records.add(records);
    this.recorded.forget();
    return records.filter((r: ZeebeDeployRecord) => r.kind === 'process').map((r: ZeebeDeployRecord) => {
      const p = sent.find((x) => x.resource.name === r.resourceName);
      if (p?.sent) this.d.definitions.prime(r.key, p.sent, r.id);
      return { processId: r.id, version: r.version, key: r.key, resourceName: r.resourceName, checksum: r.checksum, deployedAt, isNew: !before.has(r.key) };
    });
  }

  /** Every version of the cluster, with who deployed it and why when it came through this service. */
  async listDeployments(processId?: string): Promise<ProcessDeploymentView[]> {
    const [rows, recorded] = await Promise.all([this.d.definitions.all(), this.recorded.get()]);
    const chosen = rows.filter((r) => processId === undefined || r.processId === processId);
    const counts = await this.counts.of(chosen.map((r) => r.key));
    return chosen.map((r) => {
      const rec = recorded.get(r.key);
      return {
        processId: r.processId, version: r.version, ...(r.name ? { name: r.name } : {}), resourceName: r.resourceName,
        checksum: rec?.checksum ?? '', deployedAt: rec?.deployedAt ?? '', ...(rec?.by ? { by: rec.by } : {}), ...(rec?.comment ? { comment: rec.comment } : {}),
        activeInstances: counts.get(r.key) ?? 0,
      };
    });
  }

  async getDeploymentResource(processId: string, version: number): Promise<string | undefined> {
    const key = await this.definitionKey(processId, version);
    return key ? this.d.definitions.xml(key) : undefined;
  }

  definitionKey(processId: string, version: number): Promise<string | undefined> {
    return this.d.definitions.key(processId, version);
  }

  /** Instance counts change with starts and cancellations made here: asked again on the next read. */
  instancesChanged(): void { this.counts.forget(); }

  /**
   * What a start must send: resources whose sent form is recorded as deployed are left out, unless the cluster
   * lost that version (a record whose key the cluster no longer lists). Forms and DMN files cannot be checked
   * against a listing: their records are trusted while the cluster still has every recorded process version
   * (a changed BPMN file must not send them again: the cluster keeps a resource only when it matches the
   * latest version, so a manager's newer form or DMN would be replaced by the shipped one). A cluster that
   * lists none of the recorded process versions was reset, and gets every form and DMN file back (one missing
   * version is more likely a search not yet showing another server's deploy).
   */
  private async changed(prepared: Prepared[]): Promise<Prepared[]> {
    const [rows, recorded] = await Promise.all([this.d.definitions.all(), this.recorded.get()]);
    const inCluster = new Set(rows.map((r) => r.key));
    const records = [...recorded.values()];
    const processes = records.filter((r) => r.kind === 'process');
    const reset = processes.length > 0 && !processes.some((r) => inCluster.has(r.key));
    const known = new Set(records.filter((r) => (r.kind === 'process' ? inCluster.has(r.key) : !reset)).map((r) => r.checksum));
    return prepared.filter((p) => p.checksum === undefined || !known.has(p.checksum));
  }
}

/** The resource as the cluster gets it, and its checksum; a BPMN file that does not parse is left for the checks to name. */
async function prepare(resource: DeployResource): Promise<Prepared> {
  try {
    const sent = isBpmn(resource) ? await withTaskSyncListeners(resource.content) : resource.content;
    return { resource, sent, checksum: sha256(sent) };
  } catch {
    return { resource };
  }
}

function recordOf(dep: any, sent: Prepared[], base: { deployedAt: string; by?: string; comment?: string }): ZeebeDeployRecord[] {
  const { processDefinition: p, form: f, decisionRequirements: g } = dep;
  const row = p ? { key: String(p.processDefinitionKey), kind: 'process' as const, id: String(p.processDefinitionId), version: Number(p.processDefinitionVersion), resourceName: String(p.resourceName) }
    : f ? { key: String(f.formKey), kind: 'form' as const, id: String(f.formId), version: Number(f.version), resourceName: String(f.resourceName) }
      : g ? { key: String(g.decisionRequirementsKey), kind: 'decision' as const, id: String(g.decisionRequirementsId), version: Number(g.version), resourceName: String(g.resourceName) } : undefined;
  const checksum = row && sent.find((x) => x.resource.name === row.resourceName)?.checksum;
  if (!row || !checksum) return [];
  return [{ ...row, checksum, deployedAt: base.deployedAt, ...(base.by ? { by: base.by } : {}), ...(base.comment ? { comment: base.comment } : {}) }];
}

export function detailOf(e: unknown): string {
  const err = e as { body?: { detail?: string }; detail?: string; message?: string };
  return err?.body?.detail ?? err?.detail ?? err?.message ?? String(e);
}
