// Reading submissions: answers from case sections the reader may not read are left out, the response says
// which of the form's sections were withheld, and the read is audited (design.md, Security & audit).
import { NotFoundError } from '../domain/errors';
import { answeredSections, readableAnswers } from '../domain/forms/form-access';
import type { FormActor, FormSubmission } from '../domain/forms/form-version';
import type { FormDefinition } from '../forms-core';
import type { AuditLog } from '../ports/audit-log.port';
import type { FormRepository, SubmissionQuery, SubmissionRepository } from '../ports/form-repository.port';

export interface ReadSubmissionsDeps {
  submissions: SubmissionRepository;
  forms: FormRepository;
  /** Every read of case data is audited: which submissions, which sections shown and withheld. */
  audit?: Pick<AuditLog, 'record'>;
  /**
   * Case visibility (team scoping, break-glass) from the cases module. Submissions filed against a case
   * the reader cannot see are "not found", exactly like the case itself.
   */
  canSeeCase?(actor: FormActor, caseId: string): Promise<boolean>;
  /**
   * The case of a task. Submissions of called-process tasks completed before tasks carried their case were
   * stored without one; they take their task's case, so they are not readable by every team.
   */
  caseIdOfTask?(taskId: string): Promise<string | undefined>;
}

export type VisibleSubmission = FormSubmission & { withheldSections: string[] };

export async function getSubmission(deps: ReadSubmissionsDeps, actor: FormActor, id: string): Promise<VisibleSubmission> {
  const found = await deps.submissions.get(id);
  if (!found || !(await visible(deps, actor, found))) throw new NotFoundError(`No submission "${id}"`, 'SUBMISSION_NOT_FOUND');
  const [shown] = await presentAll(deps, actor, [found]);
  await audit(deps, actor, found.id, shown);
  return shown.submission;
}

export async function listSubmissions(deps: ReadSubmissionsDeps, actor: FormActor, query: SubmissionQuery, limit = 100): Promise<VisibleSubmission[]> {
  const listed = await deps.submissions.list(query, Math.min(Math.max(1, limit), 500));
  // A page of submissions usually belongs to one or a few cases: check each case once.
  const byCase = new Map<string, Promise<boolean>>();
  const seen = await Promise.all(listed.map((s) => {
    const key = s.caseId ?? (s.taskId ? `task:${s.taskId}` : '');
    if (!byCase.has(key)) byCase.set(key, visible(deps, actor, s));
    return byCase.get(key)!;
  }));
  const shown = await presentAll(deps, actor, listed.filter((_s, i) => seen[i]));
  for (const s of shown) await audit(deps, actor, s.submission.id, s);
  return shown.map((s) => s.submission);
}

async function visible(deps: ReadSubmissionsDeps, actor: FormActor, s: FormSubmission): Promise<boolean> {
  const caseId = s.caseId ?? (s.taskId && deps.caseIdOfTask ? await deps.caseIdOfTask(s.taskId) : undefined);
  return !caseId || !deps.canSeeCase || deps.canSeeCase(actor, caseId);
}

interface Shown { submission: VisibleSubmission; sections: string[] }

async function presentAll(deps: ReadSubmissionsDeps, actor: FormActor, items: FormSubmission[]): Promise<Shown[]> {
  // One read per form version, however many submissions share it.
  const schemas = new Map<string, Promise<FormDefinition | undefined>>();
  const schemaOf = (s: FormSubmission) => {
    const key = `${s.formId}@${s.version}`;
    if (!schemas.has(key)) schemas.set(key, deps.forms.getVersion(s.formId, s.version).then((v) => v?.schema));
    return schemas.get(key)!;
  };
  return Promise.all(items.map(async (s) => {
    const schema = await schemaOf(s);
    // A submission always names a kept version; if it were missing, show nothing rather than everything.
    if (!schema) return { submission: { ...s, data: {}, withheldSections: ['(form version missing)'] }, sections: [] };
    const { data, withheldSections } = readableAnswers(actor, schema, s.data);
    return { submission: { ...s, data, withheldSections }, sections: answeredSections(schema, data) };
  }));
}

async function audit(deps: ReadSubmissionsDeps, actor: FormActor, id: string, shown: Shown): Promise<void> {
  await deps.audit?.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'submission.read', recordType: 'submission', recordId: id,
    sections: shown.sections,
    after: { formId: shown.submission.formId, version: shown.submission.version, withheldSections: shown.submission.withheldSections },
  });
}
