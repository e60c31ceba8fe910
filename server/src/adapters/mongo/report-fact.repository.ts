// The reporting projection's rows (collection report_task_facts, one per task with a timescale due date)
// and the task queue's rows a rebuild reads. Instants are stored as the ISO strings the facts carry: they
// sort as they compare, and a fact reads back exactly as it was written (live and rebuild compare equal).
import type { Connection } from 'mongoose';
import type { Collection, Filter } from 'mongodb';
import type { TaskFact } from '../../domain/reports/task-fact';
import type { ReportFactQuery, ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import type { QueueTask } from '../../domain/tasks/queue-task';
import { toQueueTask, type MongoTaskRepository, type TaskDoc } from './task.repository';

type FactDoc = Omit<TaskFact, 'id'> & { _id: string };

const toFact = ({ _id, ...rest }: FactDoc): TaskFact => ({ id: _id, ...rest });

export class MongoReportFactRepository implements ReportFactRepository {
  private readonly facts: Collection<FactDoc>;

  constructor(conn: Connection) {
    this.facts = conn.collection<FactDoc>('report_task_facts') as unknown as Collection<FactDoc>;
  }

  async init(): Promise<void> {
    await this.facts.createIndex({ dueDate: 1 });
    await this.facts.createIndex({ team: 1, dueDate: 1 });
  }

  async put(fact: TaskFact): Promise<void> {
    const { id, ...rest } = fact;
    await this.facts.replaceOne({ _id: id }, rest, { upsert: true });
  }

  async remove(id: string): Promise<void> {
    await this.facts.deleteOne({ _id: id });
  }

  /** Case erasure: the facts of an erased case go with its tasks (they name the case). */
  async eraseOfCase(caseId: string): Promise<number> {
    return (await this.facts.deleteMany({ caseId })).deletedCount;
  }

  /** No sort, no filter: answered from the first document found (a sorted page would read them all on FerretDB). */
  async isEmpty(): Promise<boolean> {
    return !(await this.facts.findOne({}, { projection: { _id: 1 } }));
  }

  async get(id: string): Promise<TaskFact | undefined> {
    const doc = await this.facts.findOne({ _id: id });
    return doc ? toFact(doc as FactDoc) : undefined;
  }

  async find(q: ReportFactQuery): Promise<TaskFact[]> {
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
