// A projection's rows kept in memory by the one server that writes them (single topology), so a report's
// period read filters in memory instead of making FerretDB 1.24 decode the whole collection (any filter
// other than an exact {_id} does): 200,000 task facts took tens of seconds a read
// (test/bench/reports-dashboard.bench.ts). The rows are read once, by one scan, on the first read; every
// write of this process is applied to them, including those made while that scan runs (the scan may
// have read the row before or after the write, so the write wins). With several servers on one MongoDB
// no process sees every write, and the repositories read the database instead.
import type { Collection, Document } from 'mongodb';

export class KeptRows<T extends { id: string }> {
  private rows: Map<string, T> | undefined;
  private loading: Promise<Map<string, T>> | undefined;
  /** Writes made while the scan runs: a row, or null for a removal. */
  private pending: Map<string, T | null> | undefined;
  private generation = 0;

  constructor(private readonly col: Collection<Document>, private readonly toRow: (doc: Document) => T) {}

  /** Every row, read once; later calls answer from memory. */
  async all(): Promise<Iterable<T>> {
    if (this.rows) return this.rows.values();
    this.loading ??= this.load();
    return (await this.loading).values();
  }

  /** Once read: the row (undefined when there is none), without a database read; before: 'unknown'. */
  peek(id: string): T | undefined | 'unknown' {
    return this.rows ? this.rows.get(id) : 'unknown';
  }

  put(row: T): void {
    this.pending?.set(row.id, row);
    this.rows?.set(row.id, row);
  }

  remove(id: string): void {
    this.pending?.set(id, null);
    this.rows?.delete(id);
  }

  /** Forgets the rows (the database was restarted, or rows were deleted by a filter): the next read scans again. */
  forget(): void {
    this.rows = undefined;
    this.loading = undefined;
    this.pending = undefined;
    this.generation++;
  }

  private async load(): Promise<Map<string, T>> {
    const pending = new Map<string, T | null>();
    this.pending = pending;
    const generation = this.generation;
    try {
      const rows = new Map<string, T>();
      for await (const doc of this.col.find({}, { batchSize: 5_000 })) {
        const row = this.toRow(doc);
        rows.set(row.id, row);
      }
      for (const [id, row] of pending) {
        if (row) rows.set(id, row);
        else rows.delete(id);
      }
      // A forget() during the scan wins: this scan may have missed what made it forget.
      if (this.generation === generation) {
        this.rows = rows;
        this.pending = undefined;
      }
      return rows;
    } catch (e) {
      if (this.generation === generation) this.forget();
      throw e;
    }
  }
}
