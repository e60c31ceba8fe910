// One BPMN resource in, compiled process models or a list of problems out (never a partial deployment).
/* eslint-disable @typescript-eslint/no-explicit-any */
import type { DeployProblem } from '../../../ports/workflow-engine.port';
import type { ProcessModel } from '../model/process-model';
import { compileProcess } from './compile-model';
import { ProblemList } from './deploy-problems';
import { resolveEmbeddedForms, type EmbeddedForm } from './embedded-forms';
import { lintDefinitions } from './lint-bpmn';
import { parseBpmn } from './parse-bpmn';
import { validateModel } from './validate-model';

const ROOT_ALLOWED = new Set(['bpmn:Process', 'bpmn:Message', 'bpmn:Error', 'bpmn:Signal', 'bpmn:Escalation', 'bpmn:Collaboration']);

export interface CompiledBpmn { models: ProcessModel[]; forms: EmbeddedForm[]; problems: DeployProblem[] }

export async function compileBpmn(name: string, xml: string): Promise<CompiledBpmn> {
  const problems = new ProblemList(name, xml);
  const definitions = await parseBpmn(xml, problems);
  if (!definitions) return { models: [], forms: [], problems: problems.items };
  for (const root of definitions.rootElements ?? []) {
    if (!ROOT_ALLOWED.has(root.$type)) problems.add(`unsupported element ${root.$type} '${root.id}'`, root.id);
  }
  const processes = (definitions.rootElements ?? []).filter((r: any) => r.$type === 'bpmn:Process' && r.isExecutable !== false);
  if (!processes.length) problems.add('no executable bpmn:process in the file');
  const forms: EmbeddedForm[] = [];
  const models = processes.map((p: any) => {
    const model = compileProcess(p, problems);
    forms.push(...resolveEmbeddedForms(p, model, problems));
    validateModel(model, problems);
    return model;
  });
  await lintDefinitions(definitions, problems);
  return problems.empty ? { models, forms, problems: [] } : { models: [], forms: [], problems: problems.items };
}
