// The reporting projection's rows (collection report_task_facts, one per task with a timescale due date)
// and the task queue's rows a rebuild reads. Instants are stored as the ISO strings the facts carry: they
// sort as they compare, and a fact reads back exactly as it was written (live and rebuild compare equal).
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { TaskFact } from '../../domain/reports/task-fact';
import type { ReportFactQuery, ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import type { QueueTask } from '../../domain/tasks/queue-task';
import { toQueueTask, type MongoTaskRepository, type TaskDoc } from './task.repository';
import { KeptRows } from './kept-rows';

type FactDoc = Omit<TaskFact, 'id'> & { _id: string };

const toFact = ({ _id, ...rest }: FactDoc): TaskFact => ({ id: _id, ...rest });

export class MongoReportFactRepository implements ReportFactRepository {
  private readonly facts: Collection<FactDoc>;
  /** Single topology: the facts in memory, so a period read is no scan of the collection (kept-rows.ts). */
  private readonly kept: KeptRows<TaskFact> | undefined;

  constructor(conn: Connection, opts: { keep?: boolean } = {}) {
    this.facts = conn.collection<FactDoc>('report_task_facts') as unknown as Collection<FactDoc>;
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
    await this.facts.createIndex({ dueDate: 1 });
    await this.facts.createIndex({ team: 1, dueDate: 1 });
  }

  async put(fact: TaskFact): Promise<void> {
    const { id, ...rest } = fact;
    await this.facts.replaceOne({ _id: id }, rest, { upsert: true });
    this.kept?.put(fact);
  }

  async remove(id: string): Promise<void> {
    // Kept and absent: nothing to delete (tasks without a timescale are removed on every event of theirs).
    if (this.kept && this.kept.peek(id) === undefined) return;
    await this.facts.deleteOne({ _id: id });
    this.kept?.remove(id);
  }

  /** Case erasure: the facts of an erased case go with its tasks (they name the case). */
  async eraseOfCase(caseId: string): Promise<number> {
    const deleted = (await this.facts.deleteMany({ caseId })).deletedCount;
    if (deleted) this.kept?.forget();
    return deleted;
  }

  /** No sort, no filter: answered from the first document found (a sorted page would read them all on FerretDB). */
  async isEmpty(): Promise<boolean> {
    return !(await this.facts.findOne({}, { projection: { _id: 1 } }));
  }

  async get(id: string): Promise<TaskFact | undefined> {
    const kept = this.kept ? this.kept.peek(id) : 'unknown';
    if (kept !== 'unknown') return kept;
    const doc = await this.facts.findOne({ _id: id });
    return doc ? toFact(doc as FactDoc) : undefined;
  }

  async find(q: ReportFactQuery): Promise<TaskFact[]> {
    if (this.kept) {
      const teams = q.teamsAny ? new Set(q.teamsAny) : undefined;
      const found: TaskFact[] = [];
      for (const f of await this.kept.all()) {
        if (f.dueDate >= q.dueFrom && f.dueDate < q.dueBefore && (!teams || (f.team !== undefined && teams.has(f.team)))) found.push(f);
      }
      return found;
    }
    const filter: Filter<FactDoc> = { dueDate: { $gte: q.dueFrom, $lt: q.dueBefore } };
    if (q.teamsAny) filter.team = { $in: [...q.teamsAny] };
    return (await this.facts.find(filter).toArray()).map((d) => toFact(d as FactDoc));
  }

  async page(afterId: string | undefined, limit: number): Promise<TaskFact[]> {
    const docs = await this.facts.find(afterId ? { _id: { $gt: afterId } } : {}).sort({ _id: 1 }).limit(limit).toArray();
    return docs.map((d) => toFact(d as FactDoc));
  }
}

/** Reads the task queue's collection through its repository's model (every state, by id). */
export class MongoReportSourceTasks implements ReportSourceTasks {
  constructor(private readonly tasks: Pick<MongoTaskRepository, 'model' | 'findById'>) {}


  async page(afterId: string | undefined, limit: number): Promise<QueueTask[]> {
    const docs = await this.tasks.model.find(afterId ? { _id: { $gt: afterId } } : {}).sort({ _id: 1 }).limit(limit).lean<TaskDoc[]>().exec();
    return docs.map(toQueueTask);
  }

  async isEmpty(): Promise<boolean> {
    return !(await this.tasks.model.exists({}));
  }

  findById(id: string): Promise<QueueTask | undefined> {
    return this.tasks.findById(id);
  }
}
