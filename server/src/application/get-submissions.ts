// Reading submissions. Section-level filtering (health, victims) belongs to the case record's policies;
// this returns what was stored and leaves presentation to the caller.
import { NotFoundError } from '../domain/errors';
import type { FormSubmission } from '../domain/forms/form-version';
import type { SubmissionQuery, SubmissionRepository } from '../ports/form-repository.port';

export async function getSubmission(deps: { submissions: SubmissionRepository }, id: string): Promise<FormSubmission> {
  const found = await deps.submissions.get(id);
  if (!found) throw new NotFoundError(`No submission "${id}"`, 'SUBMISSION_NOT_FOUND');
  return found;
}

export async function listSubmissions(deps: { submissions: SubmissionRepository }, query: SubmissionQuery, limit = 100): Promise<FormSubmission[]> {
  return deps.submissions.list(query, Math.min(Math.max(1, limit), 500));
}
