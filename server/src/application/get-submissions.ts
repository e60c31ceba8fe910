// Reading submissions: answers from case sections the reader may not read are left out, and the
// response says which of the form's sections were withheld (design.md, Security & audit).
import { NotFoundError } from '../domain/errors';
import { readableAnswers } from '../domain/forms/form-access';
import type { FormActor, FormSubmission } from '../domain/forms/form-version';
import type { FormDefinition } from '../forms-core';
import type { FormRepository, SubmissionQuery, SubmissionRepository } from '../ports/form-repository.port';

export interface ReadSubmissionsDeps {
  submissions: SubmissionRepository;
  forms: FormRepository;
}

export type VisibleSubmission = FormSubmission & { withheldSections: string[] };

export async function getSubmission(deps: ReadSubmissionsDeps, actor: FormActor, id: string): Promise<VisibleSubmission> {
  const found = await deps.submissions.get(id);
  if (!found) throw new NotFoundError(`No submission "${id}"`, 'SUBMISSION_NOT_FOUND');
  return present(actor, found, await schemaLoader(deps)(found));
}

export async function listSubmissions(deps: ReadSubmissionsDeps, actor: FormActor, query: SubmissionQuery, limit = 100): Promise<VisibleSubmission[]> {
  const items = await deps.submissions.list(query, Math.min(Math.max(1, limit), 500));
  const load = schemaLoader(deps);
  return Promise.all(items.map(async (s) => present(actor, s, await load(s))));
}

function present(actor: FormActor, s: FormSubmission, schema: FormDefinition | undefined): VisibleSubmission {
  // A submission always names a kept version; if it were missing, show nothing rather than everything.
  if (!schema) return { ...s, data: {}, withheldSections: ['(form version missing)'] };
  const { data, withheldSections } = readableAnswers(actor, schema, s.data);
  return { ...s, data, withheldSections };
}

/** One read per form version per request, however many submissions share it. */
function schemaLoader(deps: ReadSubmissionsDeps) {
  const cache = new Map<string, Promise<FormDefinition | undefined>>();
  return (s: FormSubmission) => {
    const key = `${s.formId}@${s.version}`;
    if (!cache.has(key)) cache.set(key, deps.forms.getVersion(s.formId, s.version).then((v) => v?.schema));
    return cache.get(key)!;
  };
}
