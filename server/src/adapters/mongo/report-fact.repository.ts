// The reporting projection's rows (collection report_task_facts, one per task with a timescale due date)
// and the task queue's rows a rebuild reads. Instants are stored as the ISO strings the facts carry: they
// sort as they compare, and a fact reads back exactly as it was written (live and rebuild compare equal).
import type { Connection } from 'mongoose';
import type { Filter } from 'mongodb';
import type { TaskFact } from '../../domain/reports/task-fact';
import type { ReportFactQuery, ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import type { QueueTask } from '../../domain/tasks/queue-task';
import { toQueueTask, type MongoTaskRepository, type TaskDoc } from './task.repository';
import { FactCollection, type FactDoc } from './fact-collection';

export class MongoReportFactRepository extends FactCollection<TaskFact> implements ReportFactRepository {
  constructor(conn: Connection, opts: { keep?: boolean } = {}) {
    super(conn, 'report_task_facts', opts);
  }

  async init(): Promise<void> {
    await this.facts.createIndex({ dueDate: 1 });
    await this.facts.createIndex({ team: 1, dueDate: 1 });
  }

  find(q: ReportFactQuery): Promise<TaskFact[]> {
    const teams = q.teamsAny ? new Set(q.teamsAny) : undefined;
    const filter: Filter<FactDoc<TaskFact>> = { dueDate: { $gte: q.dueFrom, $lt: q.dueBefore } };
    if (q.teamsAny) filter.team = { $in: [...q.teamsAny] };
    return this.matching((f) => f.dueDate >= q.dueFrom && f.dueDate < q.dueBefore && (!teams || (f.team !== undefined && teams.has(f.team))), filter);
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
