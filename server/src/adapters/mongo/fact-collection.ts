// What both reporting projections' repositories (task facts, KPI facts) do alike: rows keyed by _id, written
// whole, erased with their case, paged by _id for a rebuild, and — on a single-topology server — kept in
// memory (kept-rows.ts) so neither a report's read nor the updater's read of one fact scans the collection.
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { FactChange } from '../../ports/report-fact-repository.port';
import { KeptRows } from './kept-rows';

export type FactDoc<T extends { id: string }> = Omit<T, 'id'> & { _id: string };

const withoutId = <T extends { id: string }>({ id: _id, ...rest }: T) => rest;

export abstract class FactCollection<T extends { id: string; caseId?: string }> {
  protected readonly facts: Collection<FactDoc<T>>;
  /** Single topology: the facts in memory (kept-rows.ts); shared: undefined, and reads go to the database. */
  protected readonly kept: KeptRows<T> | undefined;

  constructor(conn: Connection, name: string, opts: { keep?: boolean }) {
    this.facts = conn.collection(name) as unknown as Collection<FactDoc<T>>;
    this.kept = opts.keep ? new KeptRows(this.facts as never, (d) => this.toFact(d as FactDoc<T>)) : undefined;
  }

  protected toFact({ _id, ...rest }: FactDoc<T>): T {
    return { id: _id, ...rest } as unknown as T;
  }

  /** After the database was restarted: the next read scans the facts again. */
  forget(): void {
    this.kept?.forget();
  }

  /** Reads the kept facts now (one scan), rather than on the first report. */
  async warm(): Promise<void> {
    await this.kept?.all();
  }

  async put(fact: T): Promise<void> {
    await this.facts.replaceOne({ _id: fact.id } as Filter<FactDoc<T>>, withoutId(fact) as never, { upsert: true });
    this.kept?.put(fact);
  }

  /**
   * Several facts' changes in one bulk write (the updaters' batch): on FerretDB each command costs about a
   * millisecond of its CPU whatever it carries, so one command for a batch instead of one per fact.
   */
  async apply(changes: readonly FactChange<T>[]): Promise<void> {
    const ops = changes.map((c) => ('put' in c
      ? { replaceOne: { filter: { _id: c.put.id }, replacement: withoutId(c.put), upsert: true } }
      : { deleteOne: { filter: { _id: c.remove } } }));
    if (!ops.length) return;
    await this.facts.bulkWrite(ops as never, { ordered: true });
    for (const c of changes) {
      if ('put' in c) this.kept?.put(c.put);
      else this.kept?.remove(c.remove);
    }
  }

  async remove(id: string): Promise<void> {
    // Kept and absent: nothing to delete (a fact is removed on every event of a task that has none).
    if (this.kept && this.kept.peek(id) === undefined) return;
    await this.facts.deleteOne({ _id: id } as Filter<FactDoc<T>>);
    this.kept?.remove(id);
  }

  /** Case erasure: the facts of an erased case go with the records they were made from. */
  async eraseOfCase(caseId: string): Promise<number> {
    const deleted = (await this.facts.deleteMany({ caseId: String(caseId) } as Filter<FactDoc<T>>)).deletedCount;
    if (deleted) this.kept?.forget();
    return deleted;
  }

  /** No sort, no filter: answered from the first document found (a sorted page would read them all on FerretDB). */
  async isEmpty(): Promise<boolean> {
    return !(await this.facts.findOne({}, { projection: { _id: 1 } }));
  }

  async get(id: string): Promise<T | undefined> {
    const kept = this.kept ? this.kept.peek(id) : 'unknown';
    if (kept !== 'unknown') return kept;
    const doc = await this.facts.findOne({ _id: id } as Filter<FactDoc<T>>);
    return doc ? this.toFact(doc as FactDoc<T>) : undefined;
  }

  async page(afterId: string | undefined, limit: number): Promise<T[]> {
    const filter = (afterId ? { _id: { $gt: afterId } } : {}) as Filter<FactDoc<T>>;
    const docs = await this.facts.find(filter).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((d) => this.toFact(d as FactDoc<T>));
  }

  /** Kept facts matching a test, or the database's answer to the filter the test stands for. */
  protected async matching(test: (f: T) => boolean, filter: Filter<FactDoc<T>>): Promise<T[]> {
    if (this.kept) {
      const found: T[] = [];
      for (const f of await this.kept.all()) if (test(f)) found.push(f);
      return found;
    }
    return (await this.facts.find(filter).toArray()).map((d) => this.toFact(d as FactDoc<T>));
  }
}
