// Deploys BPMN (and form) resources as one unit: all resources are checked before anything is stored.
// A process id gets a new version only when its file content changed; every version is kept, so running
// instances stay on the version they started with.
import { createHash } from 'node:crypto';
import type { DeployedProcess, DeployProblem, DeployResource } from '../../../ports/workflow-engine.port';
import { DeploymentRejectedError } from '../../../ports/workflow-engine.port';
import { NotFoundError } from '../../../domain/errors';
import { compileBpmn } from '../deploy/bpmn-compiler';
import { lineOf } from '../deploy/deploy-problems';
import type { EmbeddedForm } from '../deploy/embedded-forms';
import type { ProcessModel } from '../model/process-model';
import { checkDecisionResources, isDmn } from '../dmn/check-decision-resources';
import { DecisionStore } from '../dmn/decision-store';
import type { DecisionLookup } from '../dmn/call-decision';
import { isDuplicateKey, type EngineCollections } from '../store/engine-collections';
import type { DeploymentDoc, FormDoc } from '../store/engine-documents';

export type FormChecker = (resource: DeployResource) => DeployProblem[];

/** Checks the application supplies (the engine knows neither users nor where the task page reads forms). */
export interface DeployHooks {
  /** Forms embedded in BPMN for job-worker user tasks: checked with the other resources, stored before the processes. */
  embeddedForms?: {
    check(schema: Record<string, unknown>): string[];
    store(schema: Record<string, unknown>, opts: { by?: string; comment?: string }): Promise<void>;
  };
  /** Whether a user id names a known user: a static assignee or candidate user that does not is refused. */
  knownUser?: (id: string) => Promise<boolean>;
}

export interface DeployedModel { processId: string; version: number; model: ProcessModel }

interface CheckedDeployment {
  problems: DeployProblem[];
  compiled: { resource: DeployResource; model: ProcessModel }[];
  forms: { resource: DeployResource; formId: string }[];
  embedded: EmbeddedForm[];
}

export class DeploymentService {
  private readonly cache = new Map<string, ProcessModel>();
  private readonly latest = new Map<string, { version: number; at: number }>();
  private decisionStore?: DecisionStore;

  constructor(
    private readonly db: EngineCollections,
    private readonly now: () => Date,
    private readonly checkForm?: FormChecker,
    private readonly hooks: DeployHooks = {},
  ) {}

  /** Every deploy check (the modeller's lint runs the same), nothing stored. */
  async check(resources: DeployResource[]): Promise<CheckedDeployment> {
    const out: CheckedDeployment = { problems: [], compiled: [], forms: [], embedded: [] };
    for (const resource of resources) {
      if (resource.name.endsWith('.bpmn')) {
        const result = await compileBpmn(resource.name, resource.content);
        out.problems.push(...result.problems);
        out.compiled.push(...result.models.map((model) => ({ resource, model })));
        for (const form of result.forms) {
          for (const message of this.hooks.embeddedForms?.check(form.schema) ?? []) {
            out.problems.push({ resource: resource.name, elementId: form.elementId, line: lineOf(resource.content, form.elementId), message: `form embedded for user task '${form.elementId}': ${message}` });
          }
        }
        out.embedded.push(...result.forms);
        for (const model of result.models) out.problems.push(...(await this.unknownUsers(resource, model)));
      } else if (resource.name.endsWith('.form')) {
        const formProblems = this.checkForm?.(resource) ?? [];
        out.problems.push(...formProblems);
        const formId = formIdOf(resource, out.problems);
        if (formId) out.forms.push({ resource, formId });
      } else {
        out.problems.push({ resource: resource.name, message: `unsupported resource type '${resource.name}' (expected .bpmn or .form)` });
      }
    }
    return out;
  }

  async deploy(resources: DeployResource[], opts: { by?: string; comment?: string } = {}): Promise<{ processes: DeployedProcess[]; newModels: DeployedModel[] }> {
    const { problems, compiled, forms, embedded, graphs } = await this.checkAll(resources);
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

  /** A task given to a user id nobody has could be worked by no one (Camunda would accept it; a manager would not notice). */
  private async unknownUsers(resource: DeployResource, model: ProcessModel): Promise<DeployProblem[]> {
    const known = this.hooks.knownUser;
    if (!known) return [];
    const problems: DeployProblem[] = [];
    for (const el of Object.values(model.elements)) {
      const u = el.userTask;
      if (!u) continue;
      const named = [
        ...(staticText(u.assignee) ?? '').split(',').slice(0, 1).map((id) => ({ id: id.trim(), as: 'assignee' })),
        ...(staticText(u.candidateUsers) ?? '').split(',').map((id) => ({ id: id.trim(), as: 'candidate user' })),
      ].filter((n) => n.id);
      for (const n of named) {
        if (!(await known(n.id))) {
          problems.push({ resource: resource.name, elementId: el.id, line: lineOf(resource.content, el.id), message: `user task '${el.id}' names ${n.as} '${n.id}', who is no known user` });
        }
      }
    }
    return problems;
  }

  /** check() with the DMN files and the decisions the processes call (dmn/check-decision-resources.ts). */
  async checkAll(resources: DeployResource[]) {
    const out = await this.check(resources.filter((r) => !isDmn(r)));
    const decisions = await checkDecisionResources(resources, out.compiled, this.decisions);
    return { ...out, problems: [...out.problems, ...decisions.problems], graphs: decisions.graphs };
  }

  /** Deployed DMN files (dmn/decision-store.ts). */
  get decisions(): DecisionStore {
    return (this.decisionStore ??= new DecisionStore(this.db.decisions, this.now));
  }

  /** The latest deployed decisions a model's business rule tasks call, for its next step (undefined: it calls none). */
  decisionLookup(model: ProcessModel): Promise<DecisionLookup | undefined> {
    return this.decisions.lookupFor(model);
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
    const docs = await this.db.deployments.find({}, { model: 1, processId: 1, version: 1 }).lean<DeploymentDoc[]>();
    const latest = new Map<string, DeploymentDoc>();
    for (const d of docs) if ((latest.get(d.processId)?.version ?? 0) < d.version) latest.set(d.processId, d);
    return [...latest.values()].map((d) => ({ processId: d.processId, version: d.version, model: d.model }));
  }
}

export class ProcessNotDeployedError extends NotFoundError {
  constructor(processId: string, version?: number) {
    super(`process '${processId}'${version ? ` version ${version}` : ''} is not deployed`, 'PROCESS_NOT_DEPLOYED');
  }
}

/** The value when it is static text (a FEEL value is known only at run time). */
const staticText = (value: string | undefined) => (value !== undefined && !value.trimStart().startsWith('=') ? value : undefined);

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
