// The engine's inserts go through the shared group commit (mongo/insert-group.ts), which retries SQLite's
// transient busy errors itself rather than through retry(): callers may hold one of the gate's slots
// (transient-retry.ts) while they wait for the batch, so taking another could deadlock.
import type { Collection } from 'mongodb';
import type { Model } from 'mongoose';
import { InsertGroup } from '../../mongo/insert-group';
import { isTransient } from './transient-retry';

export interface InsertBatcher {
  /** True when this document was inserted, false when its _id already existed. */
  insert(doc: Record<string, unknown>): Promise<boolean>;
}

/** A collection's group commit; one per collection of an engine, made with its collections (engine-collections.ts). */
export function insertBatcher(model: Pick<Model<unknown>, 'collection'>): InsertBatcher {
  const group = new InsertGroup(() => model.collection as unknown as Collection, { retryOn: isTransient });
  return { insert: async (doc) => (await group.insert(doc)) === 'inserted' };
}
