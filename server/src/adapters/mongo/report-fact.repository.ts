// The reporting projection's rows (collection report_task_facts, one per task with a timescale due date)
// and the task queue's rows a rebuild reads. Instants are stored as the ISO strings the facts carry: they
// sort as they compare, and a fact reads back exactly as it was written (live and rebuild compare equal).
// Every change of a fact also changes the timeliness counts (timeliness-month-counts.ts), which the report
// reads in either topology.
import type { Connection } from 'mongoose';
import type { Filter } from 'mongodb';
import type { TaskFact } from '../../domain/reports/task-fact';
import { createWorkingCalendar, type WorkingCalendar } from '../../domain/calendar';
import { countIncrements, type CountIncrements } from '../../domain/reports/timeliness-counts';
import type { ReportFactQuery, ReportFactRepository, ReportSourceTasks } from '../../ports/report-fact-repository.port';
import type { QueueTask } from '../../domain/tasks/queue-task';
import { toQueueTask, type MongoTaskRepository, type TaskDoc } from './task.repository';
import { FactCollection, type FactDoc } from './fact-collection';
import { TimelinessMonthCounts, type CountWriting } from './timeliness-month-counts';

export class MongoReportFactRepository extends FactCollection<TaskFact> implements ReportFactRepository {
  private readonly counts: TimelinessMonthCounts;
  private readonly calendar: WorkingCalendar;

  /**
   * `calendar`: the service's working days (a late task's working days are counted when it is written);
   * `counts`: how the timeliness counts' increments are written (timeliness-month-counts.ts; default at once).
   */
  constructor(conn: Connection, opts: { keep?: boolean; calendar?: WorkingCalendar; counts?: CountWriting } = {}) {
    super(conn, 'report_task_facts', opts);
    this.counts = new TimelinessMonthCounts(conn, opts.counts);
    this.calendar = opts.calendar ?? createWorkingCalendar();
    this.onChanges = (changes) => this.counts.add(countIncrements(changes, this.calendar));
  }

  /** The timeliness counts of these months ("YYYY-MM"), read by _id. */
  monthCounts(months: readonly string[]) {
    return this.counts.read(months);
  }

  flush(): Promise<void> {
    return this.counts.flush();
  }

  /** The rebuild's recount: the counts made exactly those of every fact; the months that differed. */
  recount(counts: CountIncrements, opts?: { dryRun?: boolean }): Promise<string[]> {
    return this.counts.replaceAll(counts, opts);
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
