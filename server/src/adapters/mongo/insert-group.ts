// Group commit for single-document inserts into one collection: the inserts that arrive while the event
// loop turns go to the database as one unordered insertMany, which FerretDB commits in one SQLite
// transaction (one durable write instead of one each, while 50 people complete tasks at once). Each
// caller still learns its own outcome: stored, a duplicate _id, or another failure.
import type { Collection, Document } from 'mongodb';
import { isDuplicateKeyError } from './mongo-errors';

const MAX_BATCH = 200;

interface Pending {
  doc: Document;
  resolve(outcome: 'inserted' | 'duplicate'): void;
  reject(err: unknown): void;
}

export class InsertGroup {
  private queue: Pending[] = [];
  private scheduled = false;

  constructor(private readonly collection: () => Collection) {}

  /** Resolves once the document is stored ('inserted') or its _id was taken ('duplicate'). */
  insert(doc: Document): Promise<'inserted' | 'duplicate'> {
    return new Promise((resolve, reject) => {
      this.queue.push({ doc, resolve, reject });
      if (this.scheduled) return;
      this.scheduled = true;
      setImmediate(() => this.flush());
    });
  }

  private flush(): void {
    this.scheduled = false;
    while (this.queue.length) void this.write(this.queue.splice(0, MAX_BATCH));
  }

  private async write(batch: Pending[]): Promise<void> {
    try {
      await this.collection().insertMany(batch.map((p) => p.doc), { ordered: false });
      for (const p of batch) p.resolve('inserted');
    } catch (e) {
      const errors = (e as { writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }).writeErrors;
      const list = Array.isArray(errors) ? errors : errors ? [errors] : [];
      if (!list.length) {
        for (const p of batch) p.reject(e); // nothing known per document (e.g. the connection failed)
        return;
      }
      const byIndex = new Map(list.map((w) => [w.index, w]));
      batch.forEach((p, i) => {
        const w = byIndex.get(i);
        if (!w) p.resolve('inserted');
        else if (isDuplicateKeyError(w)) p.resolve('duplicate');
        else p.reject(Object.assign(new Error(`insert failed (code ${w.code})`), { cause: w }));
      });
    }
  }
}
