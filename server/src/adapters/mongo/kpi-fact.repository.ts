// The KPI projection's rows (collection report_kpi_facts, one per submission of a form that feeds an
// indicator) and the stored submissions a rebuild reads (form_submissions, read only, by id or in keyset
// pages). Days are stored as YYYY-MM-DD strings: they sort as they compare.
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { KpiFact, KpiSubmission } from '../../domain/reports/kpi-fact';
import type { KpiFactRepository, KpiSourceSubmissions } from '../../ports/kpi-fact-repository.port';
import type { MongoTaskRepository } from './task.repository';
import { FactCollection, type FactDoc } from './fact-collection';

export class MongoKpiFactRepository extends FactCollection<KpiFact> implements KpiFactRepository {
  constructor(conn: Connection, opts: { keep?: boolean } = {}) {
    super(conn, 'report_kpi_facts', opts);
  }

  async init(): Promise<void> {
    await this.facts.createIndex({ on: 1 });
    await this.facts.createIndex({ caseId: 1 });
  }

  findOn(fromDay: string, toDay: string, teamsAny?: readonly string[]): Promise<KpiFact[]> {
    const teams = teamsAny ? new Set(teamsAny) : undefined;
    const filter: Filter<FactDoc<KpiFact>> = { on: { $gte: fromDay, $lte: toDay } };
    if (teamsAny) filter.team = { $in: [...teamsAny] };
    return this.matching((f) => f.on >= fromDay && f.on <= toDay && (!teams || (f.team !== undefined && teams.has(f.team))), filter);
  }

  async findOfCases(caseIds: readonly string[]): Promise<KpiFact[]> {
    if (!caseIds.length) return [];
    const cases = new Set(caseIds);
    return this.matching((f) => cases.has(f.caseId), { caseId: { $in: [...caseIds] } } as Filter<FactDoc<KpiFact>>);
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
