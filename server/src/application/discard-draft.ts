import type { FormActor } from '../domain/forms/form-version';
import type { DraftRepository } from '../ports/form-repository.port';
import { getDraft } from './get-draft';

/** Discarding is idempotent for the owner only: a second discard finds nothing and reports not found. */
export async function discardDraft(deps: { drafts: DraftRepository }, actor: FormActor, id: string): Promise<void> {
  await getDraft(deps, actor, id);
  await deps.drafts.remove(id);
}
