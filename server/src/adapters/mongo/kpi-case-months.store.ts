// What the KPI report reads, kept from every change of a KPI fact (kpi-fact.repository.ts), in either
// topology. report_kpi_cases: one document per case (`_id` the case id) holding its facts, one field each,
// so a change rereads its case by _id — never the facts by caseId, which FerretDB 1.24 answers by decoding
// every fact. report_kpi_months: one document per London month (`_id` "YYYY-MM") with a summary per case
// that has a fact dated in it (domain/reports/kpi-case-months.ts), so a report reads its period's months
// by _id: at most 24 documents. Both are changed field by field ($set/$unset of one fact or one case's
// summary), never replaced whole: two servers changing different cases never undo each other's writes.
// Two servers changing the same case at once may leave a month summary made without the other's change;
// the rebuild (POST /api/reports/kpis/rebuild) makes both collections again from the facts. A report reads
// the months through kpi-month-cache.ts, which parses a month again only after it was written.
import type { Connection } from 'mongoose';
import type { Collection } from 'mongodb';
import { canonical, type KpiFact } from '../../domain/reports/kpi-fact';
import { caseMonths, storedMonth, type KpiCaseMonth } from '../../domain/reports/kpi-case-months';
import { fieldKeyOf as key, fromFieldKey } from '../../domain/reports/timeliness-counts';
import { KpiMonthCache, type MonthDoc } from './kpi-month-cache';

type StoredFact = Omit<KpiFact, 'id' | 'caseId'>;
interface CaseDoc { _id: string; facts?: Record<string, StoredFact> }
type Change = [before: KpiFact | undefined, after: KpiFact | undefined];

const stored = ({ id: _id, caseId: _c, ...rest }: KpiFact): StoredFact => rest;
const factsOf = (doc: CaseDoc | null): Map<string, KpiFact> =>
  new Map(Object.entries(doc?.facts ?? {}).map(([k, f]) => [fromFieldKey(k), { ...f, id: fromFieldKey(k), caseId: doc!._id }]));

/** An update of some fields: set these, unset those (a field in both ends as the last change left it). */
class FieldChanges {
  readonly set: Record<string, unknown> = {};
  readonly unset: Record<string, ''> = {};
  put(path: string, value: unknown) { delete this.unset[path]; this.set[path] = value; }
  drop(path: string) { delete this.set[path]; this.unset[path] = ''; }
  get update() {
    return { ...(Object.keys(this.set).length ? { $set: this.set } : {}), ...(Object.keys(this.unset).length ? { $unset: this.unset } : {}) };
  }
}

export class KpiCaseMonthsStore {
  private readonly cases: Collection<CaseDoc>;
  private readonly months: Collection<MonthDoc>;
  private readonly cache: KpiMonthCache;

  constructor(conn: Connection) {
    this.cases = conn.collection<CaseDoc>('report_kpi_cases') as unknown as Collection<CaseDoc>;
    this.months = conn.collection<MonthDoc>('report_kpi_months') as unknown as Collection<MonthDoc>;
    this.cache = new KpiMonthCache(this.months, conn.collection('report_kpi_month_stamps') as never);
  }

  /** Applies facts' changes: one read and one write per case, one write per month whose summaries changed. */
  async apply(changes: Iterable<Change>): Promise<void> {
    const byCase = new Map<string, Change[]>();
    const add = (caseId: string, c: Change) => (byCase.get(caseId) ?? byCase.set(caseId, []).get(caseId)!).push(c);
    for (const [before, after] of changes) {
      if (after) add(after.caseId, [before?.caseId === after.caseId ? before : undefined, after]);
      if (before && before.caseId !== after?.caseId) add(before.caseId, [before, undefined]);
    }
    const monthChanges = new Map<string, FieldChanges>();
    for (const [caseId, list] of byCase) {
      const facts = factsOf(await this.cases.findOne({ _id: caseId }));
      const was = caseMonths([...facts.values()]);
      const update = new FieldChanges();
      for (const [before, after] of list) {
        if (after) {
          facts.set(after.id, after);
          update.put(`facts.${key(after.id)}`, stored(after));
        } else if (before) {
          facts.delete(before.id);
          update.drop(`facts.${key(before.id)}`);
        }
      }
      if (facts.size) await this.cases.updateOne({ _id: caseId }, update.update, { upsert: true });
      else await this.cases.deleteOne({ _id: caseId });
      const now = caseMonths([...facts.values()]);
      for (const month of new Set([...was.keys(), ...now.keys()])) {
        const [a, b] = [was.get(month), now.get(month)].map((m) => m && storedMonth(m));
        if (a === b) continue;
        const fields = monthChanges.get(month) ?? monthChanges.set(month, new FieldChanges()).get(month)!;
        if (b) fields.put(`cases.${key(caseId)}`, b);
        else fields.drop(`cases.${key(caseId)}`);
      }
    }
    for (const [month, fields] of monthChanges) await this.months.updateOne({ _id: month }, fields.update, { upsert: true });
    await this.cache.changed(monthChanges.keys());
  }

  /** No case document at all (answered from the first document found, unsorted). */
  async isEmpty(): Promise<boolean> {
    return !(await this.cases.findOne({}, { projection: { _id: 1 } }));
  }

  /** Each month's summaries by case (a month nobody counted in: none), each month read by _id once a change. */
  read(months: readonly string[]): Promise<ReadonlyMap<string, KpiCaseMonth>[]> {
    return this.cache.read(months);
  }

  /**
   * The rebuild's recount: both collections made exactly what these facts (every fact) give; documents that
   * differ are replaced, documents of no case or month removed. Answers how many cases and which months
   * differed; a dry run only compares. Holds the facts' summaries in memory while it runs.
   */
  async replaceAll(facts: Iterable<KpiFact>, opts: { dryRun?: boolean } = {}): Promise<{ cases: number; months: string[] }> {
    const byCase = new Map<string, KpiFact[]>();
    for (const f of facts) (byCase.get(f.caseId) ?? byCase.set(f.caseId, []).get(f.caseId)!).push(f);
    const caseDocs = new Map<string, Record<string, StoredFact>>();
    const monthDocs = new Map<string, Record<string, string>>();
    for (const [caseId, list] of byCase) {
      caseDocs.set(caseId, Object.fromEntries(list.map((f) => [key(f.id), stored(f)])));
      for (const [month, m] of caseMonths(list)) (monthDocs.get(month) ?? monthDocs.set(month, {}).get(month)!)[key(caseId)] = storedMonth(m);
    }
    const cases = await this.sync(this.cases as unknown as Collection<{ _id: string }>, 'facts', caseDocs, opts);
    const months = await this.sync(this.months as unknown as Collection<{ _id: string }>, 'cases', monthDocs, opts);
    // Every month stamped again, not only those that differed: a server stopped between a month's write and
    // its stamp's left other servers' copies stale with the document already right.
    if (!opts.dryRun) await this.cache.changed([...monthDocs.keys(), ...months]);
    return { cases: cases.length, months: months.sort() };
  }

  /** Makes a collection's documents `{ _id, [field]: wanted }` exactly; answers the ids that differed. One scan. */
  private async sync(col: Collection<{ _id: string }>, field: string, wanted: Map<string, Record<string, unknown>>, opts: { dryRun?: boolean }): Promise<string[]> {
    const same = (a: unknown, b: unknown) => JSON.stringify(canonical(a ?? {})) === JSON.stringify(canonical(b ?? {}));
    const differing: string[] = [];
    const seen = new Set<string>();
    // Written in bulk, 500 a command: on FerretDB a command costs about a millisecond whatever it carries.
    let ops: unknown[] = [];
    const write = async (op: unknown) => {
      if (opts.dryRun) return;
      ops.push(op);
      if (ops.length >= 500) await flush();
    };
    const flush = async () => { if (ops.length) await col.bulkWrite(ops as never, { ordered: false }); ops = []; };
    for await (const doc of col.find({})) {
      seen.add(doc._id);
      const want = wanted.get(doc._id);
      if (same((doc as Record<string, unknown>)[field], want)) continue; // an emptied document is as good as none
      differing.push(doc._id);
      await write(want ? { replaceOne: { filter: { _id: doc._id }, replacement: { [field]: want } } } : { deleteOne: { filter: { _id: doc._id } } });
    }
    for (const [id, want] of wanted) {
      if (seen.has(id)) continue;
      differing.push(id);
      await write({ replaceOne: { filter: { _id: id }, replacement: { [field]: want }, upsert: true } });
    }
    await flush();
    return differing;
  }
}
