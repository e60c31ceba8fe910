import { NotFoundError } from '../../domain/errors';
import type { SavedFilterRepository } from '../../ports/saved-filter-repository.port';
import type { Actor } from '../cases/case-access';

/** Removes one of the actor's own saved filters (owner is the actor: nobody deletes another's). */
export async function deleteTaskFilter(deps: { savedFilters: SavedFilterRepository }, actor: Actor, name: string): Promise<void> {
  if (!(await deps.savedFilters.remove(actor.id, name))) throw new NotFoundError(`You have no saved filter "${name}"`, 'FILTER_NOT_FOUND');
}
