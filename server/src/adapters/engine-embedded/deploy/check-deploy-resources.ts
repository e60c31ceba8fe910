// The product's deploy checks, run by every engine before anything is stored or sent (the embedded engine's
// DeploymentService, the Zeebe adapter's deployer), so a model or form refused on one engine is refused on
// the other with the same message. Nothing is stored here; what the application knows (the form checker,
// which users exist) comes in as hooks.
import type { DeployProblem, DeployResource } from '../../../ports/workflow-engine.port';
import type { ProcessModel } from '../model/process-model';
import { compileBpmn } from './bpmn-compiler';
import { lineOf } from './deploy-problems';
import type { EmbeddedForm } from './embedded-forms';
import { checkDecisionResources, isDmn, type CheckedDecisions, type DeployedDecisionLookup } from '../dmn/check-decision-resources';

export interface DeployCheckHooks {
  /** A form's problems, as the form designer reports them: forms embedded in BPMN and `.form` resources. */
  checkForm?(schema: Record<string, unknown>): string[];
  /** Whether a user id names a known user: a static assignee or candidate user that does not is refused. */
  knownUser?(id: string): Promise<boolean>;
  /** Whether a candidate group is a role in force: a static candidate group that is not is refused. */
  knownGroup?(group: string): boolean;
  /** The decisions deployed already (the embedded engine's store); without it (Zeebe: the cluster keeps them) a
   * business rule task must find its decision in this deploy only if the deploy has it. */
  deployed?: DeployedDecisionLookup;
}

export interface CheckedDeployment {
  problems: DeployProblem[];
  compiled: { resource: DeployResource; model: ProcessModel }[];
  forms: { resource: DeployResource; formId: string }[];
  embedded: EmbeddedForm[];
  /** The compiled DMN files, to store before the processes that call them. */
  graphs: CheckedDecisions['graphs'];
}

export async function checkDeployResources(resources: DeployResource[], hooks: DeployCheckHooks = {}): Promise<CheckedDeployment> {
  const out: CheckedDeployment = { problems: [], compiled: [], forms: [], embedded: [], graphs: [] };
  for (const resource of resources) {
    if (resource.name.endsWith('.bpmn')) {
      const result = await compileBpmn(resource.name, resource.content);
      out.problems.push(...result.problems);
      out.compiled.push(...result.models.map((model) => ({ resource, model })));
      for (const form of result.forms) {
        for (const message of hooks.checkForm?.(form.schema) ?? []) {
          out.problems.push({ resource: resource.name, elementId: form.elementId, line: lineOf(resource.content, form.elementId), message: `form embedded for user task '${form.elementId}': ${message}` });
        }
      }
      out.embedded.push(...result.forms);
      for (const model of result.models) out.problems.push(...(await unknownUsers(resource, model, hooks.knownUser)), ...unknownGroups(resource, model, hooks.knownGroup));
    } else if (resource.name.endsWith('.form')) {
      const schema = formSchemaOf(resource, out.problems);
      if (!schema) continue;
      const messages = hooks.checkForm?.(schema) ?? [];
      out.problems.push(...messages.map((message) => ({ resource: resource.name, message })));
      if (typeof schema.id === 'string' && schema.id) out.forms.push({ resource, formId: schema.id });
      else if (!messages.length) out.problems.push({ resource: resource.name, message: 'form has no id' });
    } else if (isDmn(resource)) {
      continue; // checked below, with the decisions the processes call
    } else {
      out.problems.push({ resource: resource.name, message: `unsupported resource type '${resource.name}' (expected .bpmn, .dmn or .form)` });
    }
  }
  // DMN files compile, a decision id belongs to one file, and a called decision is in this deploy or among
  // hooks.deployed (dmn/check-decision-resources.ts).
  const decisions = await checkDecisionResources(resources, out.compiled, hooks.deployed);
  out.problems.push(...decisions.problems);
  out.graphs = decisions.graphs;
  return out;
}

/** A task given to a user id nobody has could be worked by no one (Camunda would accept it; a manager would not notice). */
async function unknownUsers(resource: DeployResource, model: ProcessModel, known: DeployCheckHooks['knownUser']): Promise<DeployProblem[]> {
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

/** A task offered only to a group that is no role would wait for no one: the deploy names the element and group. */
function unknownGroups(resource: DeployResource, model: ProcessModel, known: DeployCheckHooks['knownGroup']): DeployProblem[] {
  if (!known) return [];
  return Object.values(model.elements).flatMap((el) => (staticText(el.userTask?.candidateGroups) ?? '').split(',').map((g) => g.trim())
    .filter((g) => g && !known(g))
    .map((g) => ({
      resource: resource.name, elementId: el.id, line: lineOf(resource.content, el.id),
      message: `user task '${el.id}' names candidate group '${g}', which is no role in force: choose one of the roles, or add it on the Permissions page first`,
    })));
}

/** The value when it is static text (a FEEL value is known only at run time). */
const staticText = (value: string | undefined) => (value !== undefined && !value.trimStart().startsWith('=') ? value : undefined);

function formSchemaOf(resource: DeployResource, problems: DeployProblem[]): Record<string, unknown> | undefined {
  try {
    const json: unknown = JSON.parse(resource.content);
    if (json && typeof json === 'object' && !Array.isArray(json)) return json as Record<string, unknown>;
    problems.push({ resource: resource.name, message: 'form is not a JSON object' });
  } catch (e) {
    problems.push({ resource: resource.name, message: `form is not valid JSON: ${(e as Error).message}` });
  }
  return undefined;
}
