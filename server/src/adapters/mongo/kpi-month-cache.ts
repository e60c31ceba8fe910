// The KPI month summaries a server has read, kept parsed in memory and used again while their month is
// unchanged, in either topology: a year's report otherwise reads and parses about 5 MB of summaries
// (20,000 cases) on every request, most of it months long past that nobody changes. Each month has a stamp
// (report_kpi_month_stamps, `{ _id: "YYYY-MM", stamp }`), a new random one written AFTER every write of the
// month's document; a read asks for its months' stamps first (one small command) and reparses only months
// whose stamp is not the one its copy was read under. A copy is therefore never older than the stamp read
// before it: a write that lands between the stamp's read and the document's leaves a copy filed under a stamp
// that is about to change. A month with no stamp yet (a database from before stamps) is given one by the
// reader BEFORE it reads the document, so any write after that read changes it. A write whose stamp was never
// written (the server stopped between the two) leaves other servers' copies stale until the month next
// changes or the rebuild, which stamps every month again.
import { randomUUID } from 'node:crypto';
import type { Collection } from 'mongodb';
import { readMonth, type KpiCaseMonth } from '../../domain/reports/kpi-case-months';
import { fromFieldKey } from '../../domain/reports/timeliness-counts';

export interface MonthDoc { _id: string; cases?: Record<string, string> }
interface StampDoc { _id: string; stamp: string }
type Summaries = Map<string, KpiCaseMonth>;

/** Months kept parsed at most (a report reads at most 24): 24 months of 20,000 cases measured 19 MB of heap. */
const KEPT_MONTHS = 36;

export class KpiMonthCache {
  private readonly kept = new Map<string, { stamp: string; cases: Summaries }>();

  constructor(private readonly months: Collection<MonthDoc>, private readonly stamps: Collection<StampDoc>) {}

  /** Each month's summaries by case; the caller must not change them (they are shared by later reads). */
  async read(months: readonly string[]): Promise<Summaries[]> {
    // One command for the stamps: the collection holds one small document per month ever counted.
    const stamps = new Map((await this.stamps.find({ _id: { $in: [...months] } }).toArray()).map((d) => [d._id, d.stamp]));
    return Promise.all(months.map(async (month) => {
      const copy = this.kept.get(month);
      let stamp = stamps.get(month);
      if (copy && copy.stamp === stamp) {
        this.kept.delete(month); // most recently used last
        this.kept.set(month, copy);
        return copy.cases;
      }
      if (stamp === undefined) {
        stamp = randomUUID();
        await this.stamps.updateOne({ _id: month }, { $set: { stamp } }, { upsert: true });
      }
      const doc = await this.months.findOne({ _id: month });
      const cases: Summaries = new Map(Object.entries(doc?.cases ?? {}).map(([k, s]) => [fromFieldKey(k), readMonth(s)]));
      this.keep(month, stamp, cases);
      return cases;
    }));
  }

  /** After these months' documents were written: new stamps, so every server's copy of them is read again. */
  async changed(months: Iterable<string>): Promise<void> {
    const ops = [...new Set(months)].map((month) => {
      this.kept.delete(month);
      return { updateOne: { filter: { _id: month }, update: { $set: { stamp: randomUUID() } }, upsert: true } };
    });
    if (ops.length) await this.stamps.bulkWrite(ops, { ordered: false });
  }

  private keep(month: string, stamp: string, cases: Summaries) {
    this.kept.delete(month);
    this.kept.set(month, { stamp, cases });
    while (this.kept.size > KEPT_MONTHS) this.kept.delete(this.kept.keys().next().value!);
  }
}
