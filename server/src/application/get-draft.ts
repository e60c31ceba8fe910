import { ForbiddenError, NotFoundError } from '../domain/errors';
import type { FormActor, FormDraft } from '../domain/forms/form-version';
import type { DraftQuery, DraftRepository } from '../ports/form-repository.port';

/** Resume: the owner's draft, with the form version it was started on. */
export async function getDraft(deps: { drafts: DraftRepository }, actor: FormActor, id: string): Promise<FormDraft> {
  const draft = await deps.drafts.get(id);
  if (!draft) throw new NotFoundError(`No draft "${id}"`, 'DRAFT_NOT_FOUND');
  if (draft.ownerId !== actor.id) throw new ForbiddenError('This draft belongs to someone else', 'DRAFT_NOT_YOURS');
  return draft;
}

export async function listDrafts(deps: { drafts: DraftRepository }, actor: FormActor, filter: Omit<DraftQuery, 'ownerId'>): Promise<FormDraft[]> {
  return deps.drafts.list({ ...filter, ownerId: actor.id });
}
