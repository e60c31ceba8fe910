// Lists of document ids kept under one `_id` each, for reads that FerretDB 1.24 would otherwise answer by
// decoding every document of a large collection (any filter other than an exact {_id}): a case's flagged
// audit events, a task's emails. Appending is one upsert by `_id`; reading is one lookup by `_id`, then one
// per listed document — the cost follows the list, not the collection (test/bench/chronology-reads.bench.ts).
//
// FerretDB applies an update by reading, changing and writing the document, so two $push on one list at
// once could lose one: appends to a list are serialised in this process. Several servers on one MongoDB
// are safe (MongoDB's $push is atomic); on one FerretDB a lost append hides one chronology line.
import type { Collection, Document, WithId } from 'mongodb';
import { isDuplicateKeyError } from './mongo-errors';

export type RefListDoc = { _id: string; ids: string[] };

export class RefLists {
  private readonly tails = new Map<string, Promise<void>>();

  constructor(private readonly col: () => Collection<RefListDoc>) {}

  /** Appends `id` to the list under `key`. Duplicates are harmless: a list is read as a set. */
  add(key: string, id: string): Promise<void> {
    const run = (this.tails.get(key) ?? Promise.resolve()).catch(() => undefined).then(() => this.push(key, id));
    const tail = run.finally(() => { if (this.tails.get(key) === tail) this.tails.delete(key); });
    this.tails.set(key, tail);
    return run;
  }

  private async push(key: string, id: string): Promise<void> {
    for (let attempt = 0; ; attempt++) {
      try {
        await this.col().updateOne({ _id: key }, { $push: { ids: id } }, { upsert: true });
        return;
      } catch (e) {
        // Two first appends raced to create the list: the loser's insert is refused, its retry updates.
        if (!isDuplicateKeyError(e) || attempt >= 2) throw e;
      }
    }
  }

  /** The ids listed under `key`, oldest first, each once; at most the last `limit`. */
  async list(key: string, limit: number): Promise<string[]> {
    const doc = await this.col().findOne({ _id: key });
    return [...new Set(doc?.ids ?? [])].slice(-limit);
  }

  /** The listed documents of `col` that exist (a listed id may never have been written), one `_id` read each. */
  async documents<T extends Document>(key: string, limit: number, col: Collection<T>, projection?: Document): Promise<WithId<T>[]> {
    const ids = await this.list(key, limit);
    const found = await Promise.all(ids.map((id) => col.findOne({ _id: id as never }, projection ? { projection } : {})));
    return found.flatMap((d) => (d ? [d] : []));
  }

  async remove(keys: readonly string[]): Promise<void> {
    await Promise.all(keys.map((k) => this.col().deleteOne({ _id: k })));
  }
}
