// The instance store for TOPOLOGY=shared: a save stores revision n+1 only if the stored revision is still n,
// atomically, so a stale cache (a paused former engine owner, a second engine) can never overwrite newer
// state. The check has to be atomic on each database the product runs on:
// - MongoDB: `updateOne({_id, rev: n})` is atomic. One write per save, as in single mode.
// - FerretDB 1.24: that conditional update is a read-modify-write of the whole document, not atomic (measured:
//   two of three racing updates with the same `{_id, rev}` both matched). Unique inserts are atomic. So a
//   save first CLAIMS revision n+1 by inserting `<key>#<n+1>` into engine_instance_revisions, holding the
//   step's fields; only the one writer whose insert succeeds goes on to the conditional update, and deletes
//   its claim once the document holds the revision.
//
// Crash between the claim and the document write (the claim is written, the state is not): the insert is the
// commit point. The step is decided — nobody else can claim n+1 — and its fields are in the claim, so the next
// load() finds the claim beyond the document's revision and rolls it forward: it writes the claimed fields
// with the same conditional update, then the runner sees a pending outbox and replays it (idempotent, as after
// any crash). The original writer, if it was only paused, then finds its own revision stored (saved) or a newer
// one (stale) — the document names the claim that wrote it (`claim`), as a number can be claimed twice (below).
// Anyone who writes a claimed revision writes the same fields, so a roll-forward racing the original writer
// is harmless. A claim is deleted once the document holds its revision; a late writer that then claims that
// number again (based on an older revision) fails the conditional update, because the document's revision
// only grows — and deletes its claim. start() replays crashed claims (unwritten()).
import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import type { EngineCollections } from './engine-collections';
import type { InstanceDoc, InstanceRevisionDoc } from './engine-documents';
import { StaleInstanceError, type InstanceSave, type InstanceStore } from './instance-store';
import { retry } from './transient-retry';

export interface RevisionCheckOptions {
  /**
   * Whether a conditional update is atomic on this database: true on MongoDB, false on FerretDB 1.24 (claims
   * are then used). Unset: asked of the server once (FerretDB names itself in buildInfo).
   */
  atomicConditionalUpdates?: boolean;
}

export const revisionId = (key: string, rev: number) => `${key}#${rev}`;

export class RevisionCheckedInstanceStore implements InstanceStore {
  private atomic?: Promise<boolean>;

  constructor(private readonly db: EngineCollections, private readonly opts: RevisionCheckOptions = {}) {}

  async load(key: string): Promise<InstanceDoc | undefined> {
    let doc = await this.read(key);
    if (!doc || (await this.conditionalUpdatesAtomic())) return doc;
    // A claim beyond the stored revision is a committed step not written yet (crash or in flight): finish it.
    for (;;) {
      const claim = await retry(() => this.db.instanceRevisions.findById(revisionId(key, doc!.rev + 1)).lean<InstanceRevisionDoc>());
      if (!claim?.set) return doc;
      if (await this.write(key, doc.rev, claim.set as InstanceSave)) void this.forget(key, claim.rev);
      doc = await this.read(key); // rolled forward by us or by its writer meanwhile; look for the next one
      if (!doc) return undefined;
    }
  }

  create(doc: InstanceDoc): Promise<boolean> {
    return this.db.inserts.instances.insert(doc); // unique _id: atomic on both databases
  }

  async save(key: string, basedOn: number, set: InstanceSave): Promise<boolean> {
    const rev = basedOn + 1;
    if (set.rev !== rev) throw new Error(`a save based on revision ${basedOn} must store revision ${rev}, not ${set.rev}`);
    if (await this.conditionalUpdatesAtomic()) {
      return (await this.write(key, basedOn, set)) || this.refused(key, basedOn);
    }
    // The document records which claim wrote it: a revision number can be claimed again once its first claim
    // is written and deleted, so the number alone does not say whose step is stored.
    const mine: InstanceSave = { ...set, claim: randomBytes(8).toString('hex') };
    const claimed = await this.db.inserts.instanceRevisions.insert({ _id: revisionId(key, rev), instanceKey: key, rev, set: mine, at: new Date() });
    if (!claimed) return this.refused(key, basedOn); // another writer has this revision (maybe not written yet)
    for (let attempt = 0; ; attempt++) {
      if (await this.write(key, basedOn, mine)) break;
      const now = await this.read(key);
      const stored = now?.rev;
      if (stored === rev && now?.claim === mine.claim) break; // a reader rolled this very claim forward: stored
      if (stored === basedOn && attempt < 3) continue; // not expected (our claim blocks others); try again
      await this.forget(key, rev); // a number claimed again after its first claim was written: a dead claim
      if (stored === undefined) return false;
      throw new StaleInstanceError(key, basedOn, stored);
    }
    await this.forget(key, rev);
    return true;
  }

  async clearOutbox(key: string, rev: number): Promise<void> {
    // A new revision like any step, so it is checked like one; refused, a newer step replaced the outbox.
    await this.save(key, rev, { rev: rev + 1, pending: false, effects: [] }).catch((e) => {
      if (!(e instanceof StaleInstanceError)) throw e;
    });
  }

  async unwritten(): Promise<string[]> {
    if (await this.conditionalUpdatesAtomic()) return [];
    // Claims live only between a save's two writes, so this is a scan of a near-empty collection.
    const claims = await retry(() => this.db.instanceRevisions.find({}, { instanceKey: 1, rev: 1 }).lean<InstanceRevisionDoc[]>());
    const keys = new Set<string>();
    for (const c of claims) {
      const stored = (await this.read(c.instanceKey))?.rev;
      if (stored !== undefined && stored < c.rev) keys.add(c.instanceKey);
      else await this.forget(c.instanceKey, c.rev); // written already, or a dead claim
    }
    return [...keys];
  }

  private async read(key: string): Promise<InstanceDoc | undefined> {
    return (await retry(() => this.db.instances.findById(key).lean<InstanceDoc>())) ?? undefined;
  }

  /** The conditional update: true when the stored revision was `basedOn` and now is `set.rev`. */
  private async write(key: string, basedOn: number, set: InstanceSave): Promise<boolean> {
    return (await retry(() => this.db.instances.updateOne({ _id: key, rev: basedOn }, { $set: set }))).matchedCount > 0;
  }

  /** Refused: false when the instance is gone, otherwise stale. */
  private async refused(key: string, basedOn: number): Promise<false> {
    const stored = (await this.read(key))?.rev;
    if (stored === undefined) return false;
    throw new StaleInstanceError(key, basedOn, stored);
  }

  /** Deletes a claim whose revision is stored (or dead); one left behind by a failure is harmless. */
  private async forget(key: string, rev: number): Promise<void> {
    await retry(() => this.db.instanceRevisions.deleteOne({ _id: revisionId(key, rev) })).catch(() => undefined);
  }

  private conditionalUpdatesAtomic(): Promise<boolean> {
    if (this.opts.atomicConditionalUpdates !== undefined) return Promise.resolve(this.opts.atomicConditionalUpdates);
    this.atomic ??= isMongoDbProper(this.db.instances.db).catch((e) => {
      this.atomic = undefined; // ask again next time
      throw e;
    });
    return this.atomic;
  }
}

/** FerretDB answers buildInfo with a `ferretdbVersion`; MongoDB does not. */
async function isMongoDbProper(conn: Connection): Promise<boolean> {
  const info = await conn.db!.admin().command({ buildInfo: 1 });
  return !('ferretdbVersion' in info);
}
