// Deploys BPMN (and form) resources as one unit: all resources are checked before anything is stored.
// A process id gets a new version only when its file content changed; every version is kept, so running
// instances stay on the version they started with.
import { createHash } from 'node:crypto';
import type { DeployedProcess, DeployOptions, DeployResource } from '../../../ports/workflow-engine.port';
import { DeploymentRejectedError } from '../../../ports/workflow-engine.port';
import { NotFoundError } from '../../../domain/errors';
import { checkDeployResources, type CheckedDeployment } from '../deploy/check-deploy-resources';
import type { ProcessModel } from '../model/process-model';
import { DecisionStore } from '../dmn/decision-store';
import type { DecisionLookup } from '../dmn/call-decision';
import { isDuplicateKey, type EngineCollections } from '../store/engine-collections';
import type { DeploymentDoc, FormDoc } from '../store/engine-documents';

/** Checks the application supplies (the engine knows neither users nor where the task page reads forms). */
export interface DeployHooks {
  /** Forms embedded in BPMN for job-worker user tasks: checked with the other resources, stored before the processes. */
  embeddedForms?: {
    check(schema: Record<string, unknown>): string[];
    store(schema: Record<string, unknown>, opts: { by?: string; comment?: string }): Promise<void>;
  };
  /** Whether a user id names a known user: a static assignee or candidate user that does not is refused. */
  knownUser?: (id: string) => Promise<boolean>;
  /** Whether a candidate group is a role in force: a static candidate group that is not is refused. */
  knownGroup?: (group: string) => boolean;
}

export interface DeployedModel { processId: string; version: number; model: ProcessModel }

export class DeploymentService {
  private readonly cache = new Map<string, ProcessModel>();
  private readonly latest = new Map<string, { version: number; at: number }>();
  private decisionStore?: DecisionStore;

  constructor(
    private readonly db: EngineCollections,
    private readonly now: () => Date,
    private readonly hooks: DeployHooks = {},
  ) {}


  async deploy(resources: DeployResource[], opts: DeployOptions = {}): Promise<{ processes: DeployedProcess[]; newModels: DeployedModel[] }> {
    const wanted = opts.onlyChanged ? await this.notStored(resources) : resources;
    if (!wanted.length) return { processes: [], newModels: [] };
    const { problems, compiled, forms, embedded, graphs } = await this.checkAll(wanted);
    if (problems.length) throw new DeploymentRejectedError(problems);
    for (const f of forms) await this.storeForm(f.resource, f.formId, opts);
    for (const g of graphs) await this.decisions.store(g.resource, g.graph, opts); // before the processes that call them
    for (const f of embedded) {
      if (this.hooks.embeddedForms) await this.hooks.embeddedForms.store(f.schema, opts);
      else await this.storeForm({ name: `${f.formId}.form`, content: JSON.stringify(f.schema) }, f.formId, opts);
    }
    const processes: DeployedProcess[] = [];
    const newModels: DeployedModel[] = [];
    for (const { resource, model } of compiled) {
      const deployed = await this.storeProcess(resource, model, opts);
      processes.push(deployed);
      if (deployed.isNew) newModels.push({ processId: model.processId, version: deployed.version, model });
    }
    return { processes, newModels };
  }

  /** Every deploy check (check-deploy-resources.ts, which the Zeebe adapter runs too) against what is deployed here; nothing stored. */
  checkAll(resources: DeployResource[]): Promise<CheckedDeployment> {
    const checkForm = this.hooks.embeddedForms?.check;
    return checkDeployResources(resources, {
      ...(checkForm ? { checkForm } : {}), ...(this.hooks.knownUser ? { knownUser: this.hooks.knownUser } : {}),
      ...(this.hooks.knownGroup ? { knownGroup: this.hooks.knownGroup } : {}), deployed: this.decisions,
    });
  }

  /** Deployed DMN files (dmn/decision-store.ts). */
  get decisions(): DecisionStore {
    return (this.decisionStore ??= new DecisionStore(this.db.decisions, this.now));
  }

  /** The latest deployed decisions a model's business rule tasks call, for its next step (undefined: it calls none). */
  decisionLookup(model: ProcessModel): Promise<DecisionLookup | undefined> {
    return this.decisions.lookupFor(model);
  }

  /** The resources whose content is stored as no version yet (the embedded engine stores files as given): processes, forms, DMN files. */
  private async notStored(resources: DeployResource[]): Promise<DeployResource[]> {
    const sums = resources.map((r) => ({ r, checksum: createHash('sha256').update(r.content).digest('hex') }));
    const $in = sums.map((s) => s.checksum);
    const [processes, forms, decisions] = await Promise.all([
      this.db.deployments.find({ checksum: { $in } }, { checksum: 1 }).lean<{ checksum: string }[]>(),
      this.db.forms.find({ checksum: { $in } }, { checksum: 1 }).lean<{ checksum: string }[]>(),
      this.db.decisions.find({ checksum: { $in } }, { checksum: 1 }).lean<{ checksum: string }[]>(),
    ]);
    const stored = new Set([...processes, ...forms, ...decisions].map((d) => d.checksum));
    return sums.filter((s) => !stored.has(s.checksum)).map((s) => s.r);
  }

  private async storeProcess(resource: DeployResource, model: ProcessModel, opts: { by?: string; comment?: string }): Promise<DeployedProcess> {
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    for (;;) {
      const latest = await this.db.deployments.findOne({ processId: model.processId }).sort({ version: -1 }).lean<DeploymentDoc>();
      const base = { processId: model.processId, resourceName: resource.name, checksum };
      if (latest && latest.checksum === checksum) {
        return { ...base, version: latest.version, key: latest._id, deployedAt: latest.deployedAt, isNew: false };
      }
      const version = (latest?.version ?? 0) + 1;
      const key = `${model.processId}:${version}`;
      const deployedAt = this.now().toISOString();
      try {
        await this.db.deployments.create({ _id: key, ...base, version, xml: resource.content, model, deployedAt, by: opts.by, comment: opts.comment });
        this.cache.set(key, model);
        this.latest.set(model.processId, { version, at: this.now().getTime() });
        return { ...base, version, key, deployedAt, isNew: true };
      } catch (e) {
        if (!isDuplicateKey(e)) throw e; // a concurrent deploy took this version number: look again
      }
    }
  }

  private async storeForm(resource: DeployResource, formId: string, opts: { by?: string }): Promise<void> {
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    const latest = await this.db.forms.findOne({ formId }).sort({ version: -1 }).lean<FormDoc>();
    if (latest?.checksum === checksum) return;
    const version = (latest?.version ?? 0) + 1;
    await this.db.forms.create({ _id: `${formId}:${version}`, formId, version, checksum, content: resource.content, deployedAt: this.now().toISOString(), by: opts.by })
      .catch((e) => { if (!isDuplicateKey(e)) throw e; });
  }

  /** The model of one version (cached: parsed once, shared by every instance). */
  async model(processId: string, version?: number): Promise<{ model: ProcessModel; version: number }> {
    // The latest version is re-read at most once a second (another process may have deployed meanwhile).
    const latest = version === undefined ? this.latest.get(processId) : undefined;
    if (latest && this.now().getTime() - latest.at < 1000) version = latest.version;
    if (version !== undefined) {
      const cached = this.cache.get(`${processId}:${version}`);
      if (cached) return { model: cached, version };
    }
    const query = version === undefined ? this.db.deployments.findOne({ processId }).sort({ version: -1 }) : this.db.deployments.findById(`${processId}:${version}`);
    const doc = await query.lean<DeploymentDoc>();
    if (!doc) throw new ProcessNotDeployedError(processId, version);
    this.cache.set(doc._id, doc.model);
    if (version === undefined) this.latest.set(processId, { version: doc.version, at: this.now().getTime() });
    return { model: doc.model, version: doc.version };
  }

  cachedModel(processId: string, version: number): ProcessModel | undefined {
    return this.cache.get(`${processId}:${version}`);
  }

  async latestModels(): Promise<DeployedModel[]> {
    return latestOf(await this.db.deployments.find({}, { model: 1, processId: 1, version: 1 }).lean<DeploymentDoc[]>());
  }

  /** The signal starts of each process's latest version: only they are read, not every version's whole model. */
  async latestSignalStarts(): Promise<{ processId: string; version: number; starts: NonNullable<ProcessModel['signalStarts']> }[]> {
    const docs = await this.db.deployments.find({}, { 'model.signalStarts': 1, processId: 1, version: 1 }).lean<DeploymentDoc[]>();
    return latestOf(docs).map((d) => ({ processId: d.processId, version: d.version, starts: d.model?.signalStarts ?? [] }));
  }
}

function latestOf(docs: DeploymentDoc[]): DeployedModel[] {
  const latest = new Map<string, DeploymentDoc>();
  for (const d of docs) if ((latest.get(d.processId)?.version ?? 0) < d.version) latest.set(d.processId, d);
  return [...latest.values()].map((d) => ({ processId: d.processId, version: d.version, model: d.model }));
}

export class ProcessNotDeployedError extends NotFoundError {
  constructor(processId: string, version?: number) {
    super(`process '${processId}'${version ? ` version ${version}` : ''} is not deployed`, 'PROCESS_NOT_DEPLOYED');
  }
}
