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

// eslint-disable-next-line @typescript-eslint/no-explicit-any
const batchers = new WeakMap<Model<any>, InsertBatcher>();

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export function batcherFor(model: Model<any>): InsertBatcher {
  let b = batchers.get(model);
  if (!b) {
    const group = new InsertGroup(() => model.collection as unknown as Collection, { retryOn: isTransient });
    batchers.set(model, (b = { insert: async (doc) => (await group.insert(doc)) === 'inserted' }));
  }
  return b;
}
