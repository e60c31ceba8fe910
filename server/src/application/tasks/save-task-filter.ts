// Saved filters live on the server so a practitioner finds "my overdue referral orders" on any device.
import { ValidationError } from '../../domain/errors';
import type { TaskSort } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { SavedFilterRepository } from '../../ports/saved-filter-repository.port';
import type { Actor } from '../cases/case-access';
import type { QueueFilters, QueueName } from './task-queues';

export interface SavedTaskFilter {
  ownerId: string;
  name: string;
  queue: QueueName;
  filters: QueueFilters;
  sort?: TaskSort;
  savedAt: string;
}

const MAX_FILTERS = 50;

export async function saveTaskFilter(
  deps: { savedFilters: SavedFilterRepository; clock: Clock },
  actor: Actor,
  input: Omit<SavedTaskFilter, 'ownerId' | 'savedAt'>,
): Promise<SavedTaskFilter> {
  const name = input.name.trim();
  if (!name || name.length > 60) throw new ValidationError('Give the filter a name of 1–60 characters', { name: 'Enter 1–60 characters' }, 'FILTER_INVALID');
  const existing = await deps.savedFilters.listFor(actor.id);
  if (existing.length >= MAX_FILTERS && !existing.some((f) => f.name === name)) {
    throw new ValidationError(`You can keep up to ${MAX_FILTERS} saved filters; delete one first`, { name: 'Too many saved filters' }, 'TOO_MANY_FILTERS');
  }
  const filter: SavedTaskFilter = { ...input, name, ownerId: actor.id, savedAt: deps.clock.now().toISOString() };
  await deps.savedFilters.upsert(filter);
  return filter;
}

export const listTaskFilters = (deps: { savedFilters: SavedFilterRepository }, actor: Actor) => deps.savedFilters.listFor(actor.id);
