// The consents a completed task's form captured become consent records (application/consent/
// record-consent-from-form.ts). Keyed by the submission — a record's id derives from its evidence, the
// submission id, and its `consent.recorded` audit event is keyed by the record — so the request, the
// author's retry and start-up recovery may each run this and the records and their audit are stored once.
import type { AuditActor } from '../../domain/audit/audit-event';
import type { FormSubmission, FormVersion } from '../../domain/forms/form-version';
import type { FormDefinition } from '../../forms-core/form.types';
import type { FormRepository } from '../../ports/form-repository.port';
import type { Variables } from '../../ports/workflow-engine.port';
import type { ConsentSubmission } from '../consent/record-consent-from-form';
import { getForm } from '../get-form';

export type CaptureConsents = (schema: FormDefinition, s: ConsentSubmission, variables: Record<string, unknown> | undefined) => Promise<unknown>;

export interface CaptureCompletionConsentsDeps {
  forms: FormRepository;
  /** Absent where consent is not wired (tests of other modules): nothing is captured. */
  captureConsents?: CaptureConsents;
}

/**
 * Stores the consents of a case task's stored submission. `variables` are the instance's (a consent's
 * subject, e.g. `victim.id`, is read from them); `form` is the version already loaded, if any.
 */
export async function captureCompletionConsents(
  deps: CaptureCompletionConsentsDeps, actor: AuditActor, submission: FormSubmission, variables: Variables | undefined, form?: FormVersion,
): Promise<void> {
  if (!deps.captureConsents || !submission.formId || !submission.caseId) return;
  const schema = (form ?? await getForm(deps, submission.formId, submission.version)).schema;
  await deps.captureConsents(schema, {
    ...submission, caseId: submission.caseId, submissionId: submission.id, actor: { id: actor.id, roles: [...(actor.roles ?? [])] },
  }, variables);
}
