// Job-worker user tasks (a user task without zeebe:userTask, as Camunda Modeler wrote them before 8.6) name
// their form by a key. `camunda-forms:bpmn:<id>` points at a zeebe:userTaskForm embedded in the process
// ("Camunda Forms (embedded)"). The embedded JSON is deployed with the process as a form of its own, under an
// id made of the process id and the embedded id (Camunda scopes an embedded form to its process), so the task
// page finds it as it finds any linked form. Any other key would give a task nobody can open: refused.
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { ProcessModel } from '../model/process-model';
import type { ProblemList } from './deploy-problems';

export interface EmbeddedForm {
  formId: string;
  /** The first user task that uses it (problems with the form name it). */
  elementId: string;
  schema: Record<string, unknown>;
}

const EMBEDDED_PREFIX = 'camunda-forms:bpmn:';

export const embeddedFormId = (processId: string, embeddedId: string) => `${processId}-${embeddedId}`;

/** Resolves every user task's formKey against the process's zeebe:userTaskForm elements; sets the task's formId. */
export function resolveEmbeddedForms(process: any, model: ProcessModel, problems: ProblemList): EmbeddedForm[] {
  const bodies = new Map<string, string>();
  for (const v of process.extensionElements?.values ?? []) {
    if (v.$type === 'zeebe:UserTaskForm' && v.id) bodies.set(v.id, String(v.body ?? ''));
  }
  const forms = new Map<string, EmbeddedForm>();
  for (const el of Object.values(model.elements)) {
    const task = el.userTask;
    if (!task?.formKey) continue;
    if (task.formId) {
      problems.add(`user task '${el.id}' has both a formId and a formKey; use one`, el.id);
      continue;
    }
    if (!task.formKey.startsWith(EMBEDDED_PREFIX)) {
      problems.add(`form key '${task.formKey}' of user task '${el.id}' is not supported: only forms embedded in the process (camunda-forms:bpmn:<id>) or linked by formId can be opened here`, el.id);
      continue;
    }
    const embeddedId = task.formKey.slice(EMBEDDED_PREFIX.length);
    const formId = embeddedFormId(model.processId, embeddedId);
    task.formId = formId;
    if (forms.has(formId)) continue;
    const body = bodies.get(embeddedId);
    if (body === undefined) {
      problems.add(`user task '${el.id}' uses form key '${task.formKey}' but the process embeds no zeebe:userTaskForm with id '${embeddedId}'`, el.id);
      continue;
    }
    const schema = parseForm(body);
    if (!schema) {
      problems.add(`the form '${embeddedId}' embedded for user task '${el.id}' is not a JSON object`, el.id);
      continue;
    }
    forms.set(formId, { formId, elementId: el.id, schema: { ...schema, id: formId } });
  }
  return [...forms.values()];
}

function parseForm(body: string): Record<string, unknown> | undefined {
  try {
    const json = JSON.parse(body);
    return json && typeof json === 'object' && !Array.isArray(json) ? json : undefined;
  } catch {
    return undefined;
  }
}
