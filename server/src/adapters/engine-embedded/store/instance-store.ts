// Where the instance runner reads and writes instance documents. Two implementations:
// - SingleNodeInstanceStore (TOPOLOGY=single, the default): tuned for FerretDB. The runner's per-instance
//   lock and its cache already guarantee a save is based on the revision stored, because this process is the
//   only writer; so a save is an update by `_id` alone (the only filter FerretDB looks up by index), group
//   committed with other instances' saves. No extra write on the hot path.
// - RevisionCheckedInstanceStore (TOPOLOGY=shared, revision-checked-instance-store.ts): every save names the
//   revision it was based on and is refused with StaleInstanceError when another writer stored a newer one.
import { ConflictError } from '../../../domain/errors';
import type { EngineCollections } from './engine-collections';
import type { InstanceDoc, InstanceUpdate } from './engine-documents';
import { retry } from './transient-retry';

/** The fields of one step: a new revision, `rev` = the revision it was based on + 1. */
export type InstanceSave = InstanceUpdate & { rev: number };

export interface InstanceStore {
  /** The instance as stored, or undefined when there is none. */
  load(key: string): Promise<InstanceDoc | undefined>;
  /** Stores a new instance at revision 1; false when one with this key exists already. */
  create(doc: InstanceDoc): Promise<boolean>;
  /**
   * Stores `set` as revision `basedOn + 1`; false when the instance is gone. A revision-checked store throws
   * StaleInstanceError when the stored revision is not `basedOn`: nothing was written.
   */
  save(key: string, basedOn: number, set: InstanceSave): Promise<boolean>;
  /**
   * Records that revision `rev`'s outbox was applied (pending false, effects emptied), unless a newer step
   * replaced it. `held`: this process's cache holds exactly that revision.
   */
  clearOutbox(key: string, rev: number, held: boolean): Promise<void>;
  /** Keys of instances with a step committed but not yet in their document (a crash in between); start-up only. */
  unwritten(): Promise<string[]>;
}

/** A save based on a revision that is no longer the stored one: the caller's copy is stale. */
export class StaleInstanceError extends ConflictError {
  constructor(readonly instanceKey: string, readonly basedOn: number, readonly stored: number | undefined) {
    super(`process instance '${instanceKey}' was changed by another step (based on revision ${basedOn}, stored ${stored ?? 'unknown'}); reload it and try again`, 'INSTANCE_STALE');
  }
}

export class SingleNodeInstanceStore implements InstanceStore {
  constructor(private readonly db: EngineCollections) {}

  async load(key: string): Promise<InstanceDoc | undefined> {
    return (await retry(() => this.db.instances.findById(key).lean<InstanceDoc>())) ?? undefined;
  }

  create(doc: InstanceDoc): Promise<boolean> {
    return this.db.inserts.instances.insert(doc);
  }

  save(key: string, _basedOn: number, set: InstanceSave): Promise<boolean> {
    // Filtered by _id alone: FerretDB pushes only that filter down to SQL (a second field makes it decode
    // every document); the lock and the cache already guarantee this is the revision we read. Batched with
    // other instances' writes; awaited before the outbox runs, as a single write would be.
    return this.db.updates.instances.update(key, set);
  }

  async clearOutbox(key: string, rev: number, held: boolean): Promise<void> {
    if (held) await this.db.updates.instances.update(key, { pending: false, effects: [] });
    // Not held: under the instance lock nobody else writes it, so the revision in the filter is enough here.
    else await retry(() => this.db.instances.updateOne({ _id: key, rev }, { $set: { pending: false, effects: [] } }));
  }

  async unwritten(): Promise<string[]> {
    return []; // a save is one write: it happened or it did not
  }
}
