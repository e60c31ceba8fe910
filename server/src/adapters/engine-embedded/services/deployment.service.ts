// Deploys BPMN (and form) resources as one unit: all resources are checked before anything is stored.
// A process id gets a new version only when its file content changed; every version is kept, so running
// instances stay on the version they started with.
import { createHash } from 'node:crypto';
import type { DeployedProcess, DeployProblem, DeployResource } from '../../../ports/workflow-engine.port';
import { DeploymentRejectedError } from '../../../ports/workflow-engine.port';
import { NotFoundError } from '../../../domain/errors';
import { compileBpmn } from '../deploy/bpmn-compiler';
import type { ProcessModel } from '../model/process-model';
import { isDuplicateKey, type EngineCollections, type EngineDoc } from '../store/engine-collections';

export type FormChecker = (resource: DeployResource) => DeployProblem[];

export interface DeployedModel { processId: string; version: number; model: ProcessModel }

export class DeploymentService {
  private readonly cache = new Map<string, ProcessModel>();
  private readonly latest = new Map<string, { version: number; at: number }>();

  constructor(private readonly db: EngineCollections, private readonly now: () => Date, private readonly checkForm?: FormChecker) {}

  async deploy(resources: DeployResource[], opts: { by?: string; comment?: string } = {}): Promise<{ processes: DeployedProcess[]; newModels: DeployedModel[] }> {
    const problems: DeployProblem[] = [];
    const compiled: { resource: DeployResource; model: ProcessModel }[] = [];
    const forms: { resource: DeployResource; formId: string }[] = [];
    for (const resource of resources) {
      if (resource.name.endsWith('.bpmn')) {
        const result = await compileBpmn(resource.name, resource.content);
        problems.push(...result.problems);
        compiled.push(...result.models.map((model) => ({ resource, model })));
      } else if (resource.name.endsWith('.form')) {
        const formProblems = this.checkForm?.(resource) ?? [];
        problems.push(...formProblems);
        const formId = formIdOf(resource, problems);
        if (formId) forms.push({ resource, formId });
      } else {
        problems.push({ resource: resource.name, message: `unsupported resource type '${resource.name}' (expected .bpmn or .form)` });
      }
    }
    if (problems.length) throw new DeploymentRejectedError(problems);
    for (const f of forms) await this.storeForm(f.resource, f.formId, opts);
    const processes: DeployedProcess[] = [];
    const newModels: DeployedModel[] = [];
    for (const { resource, model } of compiled) {
      const deployed = await this.storeProcess(resource, model, opts);
      processes.push(deployed);
      if (deployed.isNew) newModels.push({ processId: model.processId, version: deployed.version, model });
    }
    return { processes, newModels };
  }

  private async storeProcess(resource: DeployResource, model: ProcessModel, opts: { by?: string; comment?: string }): Promise<DeployedProcess> {
    const checksum = createHash('sha256').update(resource.content).digest('hex');
    for (;;) {
      const latest = await this.db.deployments.findOne({ processId: model.processId }).sort({ version: -1 }).lean<EngineDoc>();
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
    const latest = await this.db.forms.findOne({ formId }).sort({ version: -1 }).lean<EngineDoc>();
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
    const doc = await query.lean<EngineDoc>();
    if (!doc) throw new ProcessNotDeployedError(processId, version);
    this.cache.set(doc._id, doc.model);
    if (version === undefined) this.latest.set(processId, { version: doc.version, at: this.now().getTime() });
    return { model: doc.model, version: doc.version };
  }

  cachedModel(processId: string, version: number): ProcessModel | undefined {
    return this.cache.get(`${processId}:${version}`);
  }

  async latestModels(): Promise<DeployedModel[]> {
    const docs = await this.db.deployments.find({}, { model: 1, processId: 1, version: 1 }).lean<EngineDoc[]>();
    const latest = new Map<string, EngineDoc>();
    for (const d of docs) if ((latest.get(d.processId)?.version ?? 0) < d.version) latest.set(d.processId, d);
    return [...latest.values()].map((d) => ({ processId: d.processId, version: d.version, model: d.model }));
  }
}

export class ProcessNotDeployedError extends NotFoundError {
  constructor(processId: string, version?: number) {
    super(`process '${processId}'${version ? ` version ${version}` : ''} is not deployed`, 'PROCESS_NOT_DEPLOYED');
  }
}

function formIdOf(resource: DeployResource, problems: DeployProblem[]): string | undefined {
  try {
    const json = JSON.parse(resource.content) as { id?: string };
    if (json.id) return json.id;
    problems.push({ resource: resource.name, message: 'form has no id' });
  } catch (e) {
    problems.push({ resource: resource.name, message: `form is not valid JSON: ${(e as Error).message}` });
  }
  return undefined;
}
