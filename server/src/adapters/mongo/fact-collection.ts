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

  /**
   * Told of every change with the fact it replaced (undefined: none), after the write: what a projection
   * kept from these facts (the timeliness counts) adds or takes away.
   */
  protected onChanges?: (changes: [before: T | undefined, after: T | undefined][]) => Promise<void>;

  put(fact: T): Promise<void> {
    return this.apply([{ put: fact }]);
  }

  /**
   * Several facts' changes in one bulk write (the updaters' batch): on FerretDB each command costs about a
   * millisecond of its CPU whatever it carries, so one command for a batch instead of one per fact.
   */
  async apply(changes: readonly FactChange<T>[]): Promise<void> {
    if (!changes.length) return;
    const befores = this.onChanges ? await this.before(changes) : undefined;
    await this.facts.bulkWrite(changes.map((c) => ('put' in c
      ? { replaceOne: { filter: { _id: c.put.id }, replacement: withoutId(c.put), upsert: true } }
      : { deleteOne: { filter: { _id: c.remove } } })) as never, { ordered: true });
    for (const c of changes) {
      if ('put' in c) this.kept?.put(c.put);
      else this.kept?.remove(c.remove);
    }
    if (befores) await this.onChanges!(befores);
  }

  async remove(id: string): Promise<void> {
    // Kept and absent: nothing to delete (a fact is removed on every event of a task that has none).
    if (this.kept && this.kept.peek(id) === undefined) return;
    await this.apply([{ remove: id }]);
  }

  /** Case erasure: the facts of an erased case go with the records they were made from. */
  async eraseOfCase(caseId: string): Promise<number> {
    const id = String(caseId);
    const gone = this.onChanges ? await this.matching((f) => f.caseId === id, { caseId: id } as Filter<FactDoc<T>>) : [];
    const deleted = (await this.facts.deleteMany({ caseId: id } as Filter<FactDoc<T>>)).deletedCount;
    if (deleted) this.kept?.forget();
    if (gone.length) await this.onChanges!(gone.map((f) => [f, undefined]));
    return deleted;
  }

  /** Each change paired with the fact it replaces (a batch may change one id twice: the first change's after). */
  private async before(changes: readonly FactChange<T>[]): Promise<[T | undefined, T | undefined][]> {
    const latest = new Map<string, T | undefined>();
    const out: [T | undefined, T | undefined][] = [];
    for (const c of changes) {
      const id = 'put' in c ? c.put.id : c.remove;
      const before = latest.has(id) ? latest.get(id) : await this.get(id);
      const after = 'put' in c ? c.put : undefined;
      latest.set(id, after);
      out.push([before, after]);
    }
    return out;
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
