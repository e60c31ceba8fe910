import type { SavedTaskFilter } from '../application/tasks/save-task-filter';

/** Per-user saved queue filters; names are unique per user (saving a name again replaces it). */
export interface SavedFilterRepository {
  upsert(filter: SavedTaskFilter): Promise<void>;
  listFor(ownerId: string): Promise<SavedTaskFilter[]>;
  /** True when a filter was removed. */
  remove(ownerId: string, name: string): Promise<boolean>;
}
