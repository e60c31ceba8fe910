// The timeliness report's prepared counts (domain/reports/timeliness-counts.ts) in the collection
// report_timeliness_months: one document per London month of the due date, `_id` "YYYY-MM", its counters
// under `cells`. Kept by `$inc` on exactly `{_id}`: the one filter FerretDB 1.24 answers without decoding
// the collection, and an increment that MongoDB applies atomically, so several servers may count at once
// without a revision check (additions commute). A report reads its period's months by _id, whichever the
// topology: a dozen small documents instead of every task fact.
import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { cellsOf, type CountCell, type CountIncrements } from '../../domain/reports/timeliness-counts';

interface MonthDoc { _id: string; cells?: Parameters<typeof cellsOf>[0] }

/**
 * `deferMs` (0: none): increments are summed in memory and written at most that long after the first of them,
 * one command per month touched — under the completion benchmark's load a month's counts were otherwise
 * written for every batch of facts (tens a second). A read, the recount and `flush()` write them first, so
 * this server's reports never miss them; another server's reports lag by at most `deferMs`. A server that
 * stops without `flush()` loses them (the rebuild's recount heals it, as it heals a failed write).
 */
export interface CountWriting { deferMs?: number; onError?(err: unknown): void }

export class TimelinessMonthCounts {
  private readonly months: Collection<MonthDoc>;
  private pending: CountIncrements = new Map();
  private timer: NodeJS.Timeout | undefined;
  private writing: Promise<void> = Promise.resolve();

  constructor(conn: Connection, private readonly opts: CountWriting = {}) {
    this.months = conn.collection<MonthDoc>('report_timeliness_months') as unknown as Collection<MonthDoc>;
  }

  /** Adds the increments: at once, or summed with those not yet written (`deferMs`). */
  async add(increments: CountIncrements): Promise<void> {
    for (const [month, paths] of increments) {
      const sum = this.pending.get(month) ?? this.pending.set(month, new Map()).get(month)!;
      for (const [path, by] of paths) sum.set(path, (sum.get(path) ?? 0) + by);
    }
    if (!this.opts.deferMs) return this.flush();
    this.timer ??= setTimeout(() => { this.flush().catch((err) => this.opts.onError?.(err)); }, this.opts.deferMs).unref();
  }

  /** Writes the increments not yet written, one command per month; resolves once every earlier one is written. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const batch = this.pending;
    this.pending = new Map();
    // Chained: a flush resolves after the writes of any flush before it.
    this.writing = this.writing.catch(() => undefined).then(() => this.write(batch));
    return this.writing;
  }

  private async write(increments: CountIncrements): Promise<void> {
    for (const [month, paths] of increments) {
      const inc = Object.fromEntries([...paths].filter(([, by]) => by !== 0).map(([path, by]) => [`cells.${path}`, by]));
      if (Object.keys(inc).length) await this.months.updateOne({ _id: month }, { $inc: inc }, { upsert: true });
    }
  }

  /**
   * The cells of each month asked for (a month nobody counted in: none), each by _id. Not one `$in`:
   * FerretDB decodes every month ever counted for it, field by field, and that measured slower than a
   * dozen reads by _id (test/bench/reports-dashboard.bench.ts).
   */
  async read(months: readonly string[]): Promise<{ month: string; cells: CountCell[] }[]> {
    await this.flush();
    return Promise.all(months.map(async (month) => ({ month, cells: cellsOf((await this.months.findOne({ _id: month }))?.cells ?? {}) })));
  }

  /**
   * The rebuild's recount: every month made exactly the counts given (from every fact), months without
   * any removed. Returns the months whose stored counts differed; a dry run only compares.
   */
  async replaceAll(counts: CountIncrements, opts: { dryRun?: boolean } = {}): Promise<string[]> {
    await this.flush(); // written before, so none is added again on top of the recount
    const stored = await this.months.find({}, { projection: { _id: 1 } }).toArray();
    const months = new Set([...stored.map((d) => d._id), ...counts.keys()]);
    const differing: string[] = [];
    for (const month of [...months].sort()) {
      const cells = nest(counts.get(month) ?? new Map());
      const [now] = await this.read([month]);
      if (canonical(now.cells) === canonical(cellsOf(cells))) continue;
      differing.push(month);
      if (opts.dryRun) continue;
      if (Object.keys(cells).length) await this.months.replaceOne({ _id: month }, { cells }, { upsert: true });
      else await this.months.deleteOne({ _id: month });
    }
    return differing;
  }
}

/** "key.late.3" → n, as the nested document $inc would have made. */
function nest(paths: Map<string, number>): NonNullable<MonthDoc['cells']> {
  const out: Record<string, Record<string, unknown>> = {};
  for (const [path, n] of paths) {
    const [key, kind, sub] = path.split('.');
    const cell = (out[key] ??= {});
    if (sub === undefined) cell[kind] = n;
    else ((cell[kind] ??= {}) as Record<string, number>)[sub] = n;
  }
  return out as NonNullable<MonthDoc['cells']>;
}

const sorted = (v: unknown): unknown => (v && typeof v === 'object'
  ? Object.fromEntries(Object.keys(v).sort().map((k) => [k, sorted((v as Record<string, unknown>)[k])]))
  : v);
const canonical = (cells: CountCell[]) => JSON.stringify(cells.map((c) => JSON.stringify(sorted(c))).sort());
