// The KPI projection's rows (collection report_kpi_facts, one per submission of a form that feeds an
// indicator) and the stored submissions a rebuild reads (form_submissions, read only, by id or in keyset
// pages). Days are stored as YYYY-MM-DD strings: they sort as they compare.
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { KpiFact, KpiSubmission } from '../../domain/reports/kpi-fact';
import type { KpiFactRepository, KpiSourceSubmissions } from '../../ports/kpi-fact-repository.port';
import type { MongoTaskRepository } from './task.repository';
import { KeptRows } from './kept-rows';

type FactDoc = Omit<KpiFact, 'id'> & { _id: string };
const toFact = ({ _id, ...rest }: FactDoc): KpiFact => ({ id: _id, ...rest });

export class MongoKpiFactRepository implements KpiFactRepository {
  private readonly facts: Collection<FactDoc>;
  /** Single topology: the facts in memory, so neither read of a report scans the collection (kept-rows.ts). */
  private readonly kept: KeptRows<KpiFact> | undefined;

  constructor(conn: Connection, opts: { keep?: boolean } = {}) {
    this.facts = conn.collection<FactDoc>('report_kpi_facts') as unknown as Collection<FactDoc>;
    this.kept = opts.keep ? new KeptRows(this.facts as never, (d) => toFact(d as FactDoc)) : undefined;
  }

  /** After the database was restarted: the next read scans the facts again. */
  forget(): void {
    this.kept?.forget();
  }

  /** Reads the kept facts now (one scan), rather than on the first report. */
  async warm(): Promise<void> {
    await this.kept?.all();
  }

  async init(): Promise<void> {
    await this.facts.createIndex({ on: 1 });
    await this.facts.createIndex({ caseId: 1 });
  }

  async put(fact: KpiFact): Promise<void> {
    const { id, ...rest } = fact;
    await this.facts.replaceOne({ _id: id }, rest, { upsert: true });
    this.kept?.put(fact);
  }

  async remove(id: string): Promise<void> {
    await this.facts.deleteOne({ _id: id });
    this.kept?.remove(id);
  }

  /** Case erasure: the facts of an erased case go with its submissions. */
  async eraseOfCase(caseId: string): Promise<number> {
    const deleted = (await this.facts.deleteMany({ caseId: String(caseId) })).deletedCount;
    if (deleted) this.kept?.forget();
    return deleted;
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.facts.findOne({}, { projection: { _id: 1 } }));
  }

  async get(id: string): Promise<KpiFact | undefined> {
    const doc = await this.facts.findOne({ _id: id });
    return doc ? toFact(doc as FactDoc) : undefined;
  }

  async findOn(fromDay: string, toDay: string, teamsAny?: readonly string[]): Promise<KpiFact[]> {
    if (this.kept) {
      const teams = teamsAny ? new Set(teamsAny) : undefined;
      const found: KpiFact[] = [];
      for (const f of await this.kept.all()) if (f.on >= fromDay && f.on <= toDay && (!teams || (f.team !== undefined && teams.has(f.team)))) found.push(f);
      return found;
    }
    const filter: Filter<FactDoc> = { on: { $gte: fromDay, $lte: toDay } };
    if (teamsAny) filter.team = { $in: [...teamsAny] };
    return (await this.facts.find(filter).toArray()).map((d) => toFact(d as FactDoc));
  }

  async findOfCases(caseIds: readonly string[]): Promise<KpiFact[]> {
    if (!caseIds.length) return [];
    if (this.kept) {
      const cases = new Set(caseIds);
      const found: KpiFact[] = [];
      for (const f of await this.kept.all()) if (cases.has(f.caseId)) found.push(f);
      return found;
    }
    return (await this.facts.find({ caseId: { $in: [...caseIds] } }).toArray()).map((d) => toFact(d as FactDoc));
  }

  async page(afterId: string | undefined, limit: number): Promise<KpiFact[]> {
    const docs = await this.facts.find(afterId ? { _id: { $gt: afterId } } : {}).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((d) => toFact(d as FactDoc));
  }
}

interface SubmissionDoc { _id: string; formId: string; caseId?: string; taskId?: string; submittedAt: string; data: Record<string, unknown> }
const toSubmission = (d: SubmissionDoc): KpiSubmission & { taskId?: string } => ({
  id: d._id, formId: d.formId, submittedAt: d.submittedAt, data: d.data ?? {}, ...(d.caseId ? { caseId: d.caseId } : {}), ...(d.taskId ? { taskId: d.taskId } : {}),
});

export class MongoKpiSourceSubmissions implements KpiSourceSubmissions {
  private readonly submissions: Collection<SubmissionDoc>;

  constructor(conn: Connection, private readonly tasks: Pick<MongoTaskRepository, 'findById'>) {
    this.submissions = conn.collection<SubmissionDoc>('form_submissions') as unknown as Collection<SubmissionDoc>;
  }

  async get(id: string) {
    const doc = await this.submissions.findOne({ _id: id });
    return doc ? toSubmission(doc as SubmissionDoc) : undefined;
  }

  async page(formIds: readonly string[], afterId: string | undefined, limit: number) {
    // Keyset on _id alone, the forms picked here: FerretDB decodes every document for any other filter,
    // so a formId filter would read the whole collection once a page (quadratic over a rebuild).
    const wanted = new Set(formIds);
    const out: (KpiSubmission & { taskId?: string })[] = [];
    for (let after = afterId; out.length < limit;) {
      const filter: Filter<SubmissionDoc> = after ? { _id: { $gt: after } } : {};
      const batch = await this.submissions.find(filter).sort({ _id: 1 }).limit(limit).toArray();
      for (const d of batch) if (wanted.has(d.formId) && out.length < limit) out.push(toSubmission(d as SubmissionDoc));
      if (batch.length < limit) break;
      after = batch.at(-1)!._id;
    }
    return out;
  }

  async teamOfTask(taskId: string): Promise<string | undefined> {
    return (await this.tasks.findById(taskId))?.team;
  }
}

export const isEmptySource = async (conn: Connection, formIds: readonly string[]): Promise<boolean> =>
  !(await conn.collection('form_submissions').findOne({ formId: { $in: [...formIds] } }, { projection: { _id: 1 } }));
