// A user submits a form: validated fully with the same compiled schema the browser used, then stored with
// the form id and version it was validated against. Hidden fields and unknown keys never reach storage;
// answers in case sections the user may not write are refused (403), never silently dropped.
import { randomUUID } from 'node:crypto';
import { ValidationError } from '../domain/errors';
import { answeredSections, assertAnswersWritable } from '../domain/forms/form-access';
import { writableSections } from '../domain/policies';
import { scopeFormWork, type FormWorkScopeDeps } from './form-work-scope';
import type { FormActor, FormSubmission } from '../domain/forms/form-version';
import { validateSubmission, withoutExpressionAnswers } from '../forms-core';
import type { AuditLog } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { FormRepository, SubmissionRepository } from '../ports/form-repository.port';
import { getForm } from './get-form';
import type { CaseGuard } from './consent/case-guard';

export interface SubmitFormDeps extends FormWorkScopeDeps {
  forms: FormRepository;
  submissions: SubmissionRepository;
  clock: Clock;
  /**
   * Process variables the form may read (valuesKey options, conditions), e.g. those of the task being
   * completed. Optional: without it such options cannot be checked and are accepted as sent.
   */
  variablesFor?(ref: { formId: string; taskId?: string; caseId?: string }): Promise<Record<string, unknown> | undefined>;
  /** The hash-chained audit log: every stored submission is a write of case data. */
  audit?: Pick<AuditLog, 'record'>;
  /** Refuses answers filed against a case whose processing is restricted (application/consent/case-guard.ts). */
  caseGuard?: Pick<CaseGuard, 'assertMayChange'>;
}

export interface SubmitFormInput {
  formId: string;
  /** Defaults to the latest version. */
  version?: number;
  data: unknown;
  taskId?: string;
  caseId?: string;
}

export async function submitForm(deps: SubmitFormDeps, actor: FormActor, input: SubmitFormInput): Promise<FormSubmission> {
  const caseId = await scopeFormWork(deps, actor, input);
  await deps.caseGuard?.assertMayChange(actor, caseId, 'file answers on this case');
  const form = await getForm(deps, input.formId, input.version);
  const variables = await deps.variablesFor?.({ formId: input.formId, taskId: input.taskId, caseId: input.caseId });
  const now = deps.clock.now();
  const result = validateSubmission(form.schema, input.data, { now, variables });
  if (!result.ok) throw new ValidationError('Some answers need correcting', result.errors, 'FORM_INVALID');
  // An expression's value is the server's own computation, not the person's answer (as on task completion).
  assertAnswersWritable(form.schema, withoutExpressionAnswers(form.schema, result.value), writableSections(actor));
  const submission: FormSubmission = {
    id: randomUUID(),
    formId: form.formId,
    version: form.version,
    data: result.value,
    submittedBy: actor.id,
    submittedAt: now.toISOString(),
    ...(input.taskId ? { taskId: input.taskId } : {}),
    ...(caseId ? { caseId } : {}),
  };
  await deps.submissions.create(submission);
  await deps.audit?.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'form.submit', recordType: 'submission', recordId: submission.id,
    sections: answeredSections(form.schema, submission.data),
    after: { formId: submission.formId, version: submission.version, ...(input.taskId ? { taskId: input.taskId } : {}), ...(caseId ? { caseId } : {}) },
  });
  return submission;
}
