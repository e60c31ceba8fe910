import { NotFoundError } from '../domain/errors';
import type { FormVersion, FormVersionSummary } from '../domain/forms/form-version';
import type { FormRepository } from '../ports/form-repository.port';

/** A form's latest version, or a given one (a draft or submission names the version it used). */
export async function getForm(deps: { forms: FormRepository }, formId: string, version?: number): Promise<FormVersion> {
  const form = version === undefined ? await deps.forms.latest(formId) : await deps.forms.getVersion(formId, version);
  if (!form) {
    throw new NotFoundError(version === undefined ? `No form "${formId}"` : `No version ${version} of form "${formId}"`, 'FORM_NOT_FOUND');
  }
  return form;
}

export async function listFormVersions(deps: { forms: FormRepository }, formId: string): Promise<FormVersionSummary[]> {
  const versions = await deps.forms.versions(formId);
  if (!versions.length) throw new NotFoundError(`No form "${formId}"`, 'FORM_NOT_FOUND');
  return versions;
}
