// Start-up: every file in forms/ is deployed (a no-op when unchanged). A broken file stops the start with
// every problem named, rather than leaving a task whose form cannot be shown.
import { ValidationError } from '../domain/errors';
import { collectionsOfForm } from '../forms-core/form-collections';
import { flatKeys } from '../forms-core/form-collections-check';
import type { FormComponent } from '../forms-core';
import { deployForm, type DeployFormDeps, type DeployFormResult } from './deploy-form';

export interface FormFile {
  /** File name, e.g. "referral-intake.form"; its stem must equal the form's id. */
  name: string;
  text: string;
}

export async function deployFormFiles(deps: DeployFormDeps, files: FormFile[]): Promise<DeployFormResult[]> {
  const errors: Record<string, string> = {};
  const results: DeployFormResult[] = [];
  const clashes = collectionClashes(files);
  for (const file of files) {
    const problem = fileProblem(file) ?? clashes[file.name];
    if (problem) {
      errors[file.name] = problem;
      continue;
    }
    try {
      results.push(await deployForm(deps, { system: true }, JSON.parse(file.text)));
    } catch (e) {
      if (!(e instanceof ValidationError)) throw e;
      errors[file.name] = e.message;
    }
  }
  if (Object.keys(errors).length) {
    throw new ValidationError(`Invalid form files: ${Object.entries(errors).map(([f, m]) => `${f}: ${m}`).join(' | ')}`, errors, 'INVALID_FORM_FILES');
  }
  return results;
}

/** Problems the checker cannot see: JSON syntax and the file name / id agreement BPMN relies on. */
export function fileProblem(file: FormFile): string | undefined {
  let json: unknown;
  try {
    json = JSON.parse(file.text);
  } catch (e) {
    return `not valid JSON (${(e as Error).message})`;
  }
  const stem = file.name.replace(/\.form$/, '');
  const id = (json as { id?: unknown })?.id;
  if (typeof id === 'string' && id !== stem) return `the form id "${id}" must match the file name "${stem}.form"`;
  return undefined;
}

/**
 * One name in one section is either a collection of items or one flat value, across all forms: a form
 * writing `victims.victims` as a field would otherwise sit beside another form's list of victims.
 */
function collectionClashes(files: FormFile[]): Record<string, string> {
  const lists = new Map<string, string>();
  const flats = new Map<string, string>();
  for (const file of files) {
    if (fileProblem(file)) continue;
    const parsed = JSON.parse(file.text) as { components?: unknown };
    const components = Array.isArray(parsed?.components) ? (parsed.components as FormComponent[]) : [];
    for (const spec of collectionsOfForm(components)) if (spec.section) lists.set(`${spec.section}|${spec.collection}`, file.name);
    for (const key of flatKeys(components, undefined)) if (!flats.has(key)) flats.set(key, file.name);
  }
  const errors: Record<string, string> = {};
  for (const [key, listFile] of lists) {
    const flatFile = flats.get(key);
    const [section, name] = key.split('|');
    if (flatFile) errors[flatFile] = `field "${name}" in section "${section}" clashes with collection "${name}" of ${listFile}: a name is either a list of items or one value; rename one`;
  }
  return errors;
}
