// The KPI projection's rows (collection report_kpi_facts, one per submission of a form that feeds an
// indicator), with the per-case and per-month summaries kept from every change of a row, which the report
// reads (kpi-case-months.store.ts); and the stored submissions a rebuild reads (form_submissions, read
// only, by id or in keyset pages). Days are stored as YYYY-MM-DD strings: they sort as they compare.
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { KpiFact, KpiSubmission } from '../../domain/reports/kpi-fact';
import type { KpiFactRepository, KpiSourceSubmissions } from '../../ports/kpi-fact-repository.port';
import type { MongoTaskRepository } from './task.repository';
import { FactCollection } from './fact-collection';
import { KpiCaseMonthsStore } from './kpi-case-months.store';

export class MongoKpiFactRepository extends FactCollection<KpiFact> implements KpiFactRepository {
  private readonly summaries: KpiCaseMonthsStore;

  // Not kept in memory on one server: a report reads the month summaries (kpi-case-months.store.ts), and
  // a fact is read only when its submission changes.
  constructor(conn: Connection) {
    super(conn, 'report_kpi_facts', {});
    this.summaries = new KpiCaseMonthsStore(conn);
    this.onChanges = (changes) => this.summaries.apply(changes);
  }

  async init(): Promise<void> {
    // Case erasure deletes a case's facts by caseId.
    await this.facts.createIndex({ caseId: 1 });
  }

  caseMonths(months: readonly string[]) {
    return this.summaries.read(months);
  }

  recount(facts: Iterable<KpiFact>, opts?: { dryRun?: boolean }) {
    return this.summaries.replaceAll(facts, opts);
  }

  /** Whether the summaries are missing (a database from before they were kept): no case document at all. */
  summariesEmpty(): Promise<boolean> {
    return this.summaries.isEmpty();
  }
}

interface SubmissionDoc { _id: string; formId: string; caseId?: string; taskId?: string; submittedAt: string; data: Record<string, unknown> }
const toSubmission = (d: SubmissionDoc): KpiSubmission & { taskId?: string } => ({
  id: d._id, formId: d.formId, submittedAt: d.submittedAt, data: d.data ?? {}, ...(d.caseId ? { caseId: d.caseId } : {}), ...(d.taskId ? { taskId: d.taskId } : {}),
});

export class MongoKpiSourceSubmissions implements KpiSourceSubmissions {
  private readonly submissions: Collection<SubmissionDoc>;
  private readonly cases: Collection<{ _id: string; team?: string }>;

  constructor(conn: Connection, private readonly tasks: Pick<MongoTaskRepository, 'findById'>) {
    this.submissions = conn.collection<SubmissionDoc>('form_submissions') as unknown as Collection<SubmissionDoc>;
    this.cases = conn.collection('cases') as unknown as Collection<{ _id: string; team?: string }>;
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

  async teamOfCase(caseId: string): Promise<string | undefined> {
    const doc = await this.cases.findOne({ _id: caseId }, { projection: { team: 1 } });
    return doc?.team || undefined;
  }
}

export const isEmptySource = async (conn: Connection, formIds: readonly string[]): Promise<boolean> =>
  !(await conn.collection('form_submissions').findOne({ formId: { $in: [...formIds] } }, { projection: { _id: 1 } }));
