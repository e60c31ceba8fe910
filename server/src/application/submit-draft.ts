// Submitting a draft validates it fully against the version it was started on; only a stored submission
// removes the draft, so a failed submit leaves the draft to be corrected and tried again.
import type { FormActor, FormSubmission } from '../domain/forms/form-version';
import type { DraftRepository } from '../ports/form-repository.port';
import { getDraft } from './get-draft';
import { submitForm, type SubmitFormDeps } from './submit-form';

export async function submitDraft(
  deps: SubmitFormDeps & { drafts: DraftRepository },
  actor: FormActor,
  draftId: string,
  data?: unknown,
): Promise<FormSubmission> {
  const draft = await getDraft(deps, actor, draftId);
  const submission = await submitForm(deps, actor, {
    formId: draft.formId,
    version: draft.version,
    data: data ?? draft.data,
    taskId: draft.taskId,
    caseId: draft.caseId,
  });
  await deps.drafts.remove(draftId);
  return submission;
}
