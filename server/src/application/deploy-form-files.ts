// Start-up: every file in forms/ is deployed (a no-op when unchanged). A broken file stops the start with
// every problem named, rather than leaving a task whose form cannot be shown.
import { ValidationError } from '../domain/errors';
import { clashMessage, collectionClashes } from './form-collection-clashes';
import { deployForm, type DeployFormDeps, type DeployFormResult } from './deploy-form';

export interface FormFile {
  /** File name, e.g. "referral-intake.form"; its stem must equal the form's id (a form without one takes it). */
  name: string;
  text: string;
}

export async function deployFormFiles(deps: DeployFormDeps, files: FormFile[]): Promise<DeployFormResult[]> {
  const errors: Record<string, string> = {};
  const results: DeployFormResult[] = [];
  const clashes = collectionProblems(files);
  for (const file of files) {
    const problem = fileProblem(file) ?? clashes[file.name];
    if (problem) {
      errors[file.name] = problem;
      continue;
    }
    try {
      results.push(await deployForm(deps, { system: true }, JSON.parse(file.text), file.name));
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

function collectionProblems(files: FormFile[]): Record<string, string> {
  const forms = files.filter((f) => !fileProblem(f)).map((f) => ({ name: f.name, components: (JSON.parse(f.text) as { components?: unknown })?.components }));
  const errors: Record<string, string> = {};
  for (const clash of collectionClashes(forms)) errors[clash.flatIn] ??= clashMessage(clash);
  return errors;
}
