// The task queue projection. Claims are conditional updates ("open and unassigned"), serialised per
// task in-process because FerretDB does not apply conditional updates atomically (see KeyedMutex):
// of two people claiming at once exactly one wins and the other gets a Conflict. Every change is
// mirrored into the in-process queue index (task-queue-index.ts), which answers the per-person and
// per-team queues and, by due date, the escalation sweep (indexed-escalation-task.reader.ts); other
// queries go to the database.
import { Schema, type Connection, type Model, type QueryFilter } from 'mongoose';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { QueueTask, TaskQuery, TaskSort } from '../../domain/tasks/queue-task';
import type { TaskRowErasure } from '../../ports/case-erasure.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import type { NewQueueTask, TaskRepository } from '../../ports/task-repository.port';
import { KeyedMutex } from '../concurrency/keyed-mutex';
import { isDuplicateKeyError } from './mongo-errors';
import { buildTaskFilter, sortSpec } from './task-query.builder';
import type { TaskQueueIndex } from './task-queue-index';
import { bucketKeysFor, compareTasks, matchesQuery } from './task-queue-plan';
import { pageOfSorted } from '../../domain/tasks/page-of-sorted';

export interface TaskDoc {
  _id: string;
  instanceKey: string;
  processId: string;
  processVersion: number;
  elementId: string;
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee: string | null;
  claimedAt: Date | null;
  dueDate: Date | null;
  followUpDate: Date | null;
  revision: number;
  formId?: string;
  priority: number;
  caseId?: string;
  team?: string;
  state: QueueTask['state'];
  createdAt: Date;
  completedAt?: Date;
  completedBy?: string;
}

const schema = new Schema<TaskDoc>(
  {
    _id: String,
    instanceKey: String,
    processId: String,
    processVersion: Number,
    elementId: String,
    name: String,
    candidateGroups: [String],
    candidateUsers: [String],
    assignee: { type: String, default: null },
    claimedAt: { type: Date, default: null },
    dueDate: { type: Date, default: null },
    followUpDate: { type: Date, default: null },
    revision: { type: Number, default: 0 },
    formId: String,
    priority: { type: Number, default: 50 },
    caseId: String,
    team: String,
    state: { type: String, default: 'open' },
    createdAt: Date,
    completedAt: Date,
    completedBy: String,
  },
  { collection: 'tasks', versionKey: false },
);
// Each queue query leads with state and its own selector, then the default sort (due date).
schema.index({ state: 1, assignee: 1, dueDate: 1 });
schema.index({ state: 1, candidateGroups: 1, dueDate: 1 });
schema.index({ state: 1, candidateUsers: 1, dueDate: 1 });
schema.index({ state: 1, team: 1, dueDate: 1 });
schema.index({ state: 1, dueDate: 1 });
schema.index({ caseId: 1, state: 1 });
schema.index({ instanceKey: 1 });
schema.index({ completedBy: 1, completedAt: -1 });

const iso = (d: Date | null | undefined) => (d ? new Date(d).toISOString() : undefined);
const date = (s: string | undefined) => (s ? new Date(s) : null);

export function toQueueTask(d: TaskDoc): QueueTask {
  return {
    id: d._id,
    instanceKey: d.instanceKey,
    processId: d.processId,
    processVersion: d.processVersion,
    elementId: d.elementId,
    name: d.name,
    candidateGroups: d.candidateGroups ?? [],
    candidateUsers: d.candidateUsers ?? [],
    assignee: d.assignee ?? undefined,
    claimedAt: iso(d.claimedAt),
    dueDate: iso(d.dueDate),
    followUpDate: iso(d.followUpDate),
    revision: d.revision ?? 0,
    formId: d.formId,
    priority: d.priority ?? 50,
    caseId: d.caseId,
    team: d.team,
    state: d.state,
    createdAt: iso(d.createdAt)!,
    completedAt: iso(d.completedAt),
    completedBy: d.completedBy,
  };
}

export class MongoTaskRepository implements TaskRepository, TaskRowErasure {
  readonly model: Model<TaskDoc>;
  /** The process's queue index, when the topology lets one exist (see task-queue-index.ts); else the database answers. */
  readonly queues?: TaskQueueIndex;
  private readonly locks = new KeyedMutex();

  /** `queues`: the one index of the process, made by its composition; every write of tasks must go through this repository. */
  constructor(conn: Connection, opts: { queues?: TaskQueueIndex } = {}) {
    this.model = (conn.models.QueueTask as Model<TaskDoc>) ?? conn.model<TaskDoc>('QueueTask', schema);
    this.queues = opts.queues;
  }

  async init(): Promise<void> {
    await this.model.init();
    if (this.queues && !this.queues.isLoaded) await this.rebuildQueues();
  }

  /** Loads the queue index from the tasks: open ones, and the completed ones that "Completed" shows. */
  async rebuildQueues(): Promise<void> {
    const model = this.model;
    await this.queues?.load((async function* () {
      for await (const d of model.find({ state: { $ne: 'cancelled' } }).lean<TaskDoc>().cursor()) yield toQueueTask(d as TaskDoc);
    })());
  }

  async recordCreated(t: NewQueueTask): Promise<boolean> {
    const fields = {
      instanceKey: t.instanceKey, processId: t.processId, processVersion: t.processVersion, elementId: t.elementId,
      name: t.name, candidateGroups: t.candidateGroups, candidateUsers: t.candidateUsers, assignee: t.assignee ?? null,
      claimedAt: t.assignee ? new Date(t.createdAt) : null, dueDate: date(t.dueDate), followUpDate: date(t.followUpDate),
      revision: 0, formId: t.formId, priority: t.priority, caseId: t.caseId, team: t.team, state: 'open' as const,
      createdAt: new Date(t.createdAt),
    };
    // A unique insert: one commit and no lookup (on FerretDB even an update by _id scans the collection).
    // A replayed "created" event clashes on _id and changes nothing, so a claim or completion stays.
    let inserted = true;
    try {
      await this.model.create({ _id: t.id, ...fields });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      inserted = false;
    }
    if (!this.queues) return inserted;
    // Inserted: the row is exactly what was sent (no read back). A replay: mirror what is stored.
    const stored = inserted ? toQueueTask({ _id: t.id, ...fields } as TaskDoc) : await this.fromDatabase(t.id);
    if (stored) this.queues.put(stored);
    return inserted;
  }

  recordClosed(id: string, state: 'completed' | 'cancelled', at: string, by?: string): Promise<void> {
    return this.locks.run(id, () => this._recordClosed(id, state, at, by));
  }

  private async _recordClosed(id: string, state: 'completed' | 'cancelled', at: string, by?: string): Promise<void> {
    const before = await this.findById(id);
    if (!before || before.state !== 'open') return;
    await this.model.updateOne(this.guard(id, { _id: id, state: 'open' }, () => true), { $set: { state, completedAt: new Date(at), completedBy: by } });
    this.queues?.put({ ...before, state, completedAt: new Date(at).toISOString(), completedBy: by }, before);
  }

  /**
   * From the queue index when it holds the task (every open task: it is updated after each write, and
   * only this process writes tasks when it is on); otherwise from the database, which scans on FerretDB.
   */
  async findById(id: string): Promise<QueueTask | undefined> {
    return (this.queues?.isLoaded ? this.queues.get(id) : undefined) ?? this.fromDatabase(id);
  }

  private async fromDatabase(id: string): Promise<QueueTask | undefined> {
    const d = await this.model.findById(id).lean<TaskDoc>();
    return d ? toQueueTask(d) : undefined;
  }

  private async mustFind(id: string): Promise<QueueTask> {
    const t = await this.findById(id);
    if (!t) throw new NotFoundError(`Task ${id} does not exist`, 'TASK_NOT_FOUND');
    return t;
  }

  claim(id: string, userId: string, at: string): Promise<QueueTask> {
    return this.locks.run(id, () => this._claim(id, userId, at));
  }

  private async _claim(id: string, userId: string, at: string): Promise<QueueTask> {
    const d = await this.model
      .findOneAndUpdate(this.guard(id, { _id: id, state: 'open', assignee: null }, (t) => !t.assignee), { $set: { assignee: userId, claimedAt: new Date(at) }, $inc: { revision: 1 } }, { returnDocument: 'after' })
      .lean<TaskDoc>();
    if (d) return this.mirrored(toQueueTask(d), { assignee: undefined });
    const current = await this.mustFind(id);
    if (current.state !== 'open') throw new ConflictError(`This task is already ${current.state}`, 'TASK_CLOSED');
    if (current.assignee === userId) return current; // claiming your own task again is a no-op
    throw new ConflictError('Someone else claimed this task a moment ago', 'TASK_ALREADY_CLAIMED');
  }

  unclaim(id: string, userId: string): Promise<QueueTask> {
    return this.locks.run(id, () => this._unclaim(id, userId));
  }

  private async _unclaim(id: string, userId: string): Promise<QueueTask> {
    const d = await this.model
      .findOneAndUpdate(this.guard(id, { _id: id, state: 'open', assignee: userId }, (t) => t.assignee === userId), { $set: { assignee: null, claimedAt: null }, $inc: { revision: 1 } }, { returnDocument: 'after' })
      .lean<TaskDoc>();
    if (d) return this.mirrored(toQueueTask(d), { assignee: userId });
    const current = await this.mustFind(id);
    if (current.state !== 'open') throw new ConflictError(`This task is already ${current.state}`, 'TASK_CLOSED');
    throw new ConflictError('Only the person who claimed this task can release it', 'NOT_ASSIGNEE');
  }

  reassign(id: string, toUserId: string | undefined, at: string): Promise<QueueTask> {
    return this.locks.run(id, () => this._reassign(id, toUserId, at));
  }

  private async _reassign(id: string, toUserId: string | undefined, at: string): Promise<QueueTask> {
    const before = await this.findById(id);
    const d = await this.model
      .findOneAndUpdate(
        this.guard(id, { _id: id, state: 'open' }, () => true),
        { $set: { assignee: toUserId ?? null, claimedAt: toUserId ? new Date(at) : null }, $inc: { revision: 1 } },
        { returnDocument: 'after' },
      )
      .lean<TaskDoc>();
    if (d) return this.mirrored(toQueueTask(d), { assignee: before?.assignee });
    const current = await this.mustFind(id);
    throw new ConflictError(`This task is already ${current.state}`, 'TASK_CLOSED');
  }

  /**
   * The filter of a conditional update. When the queue index holds the task open and `holds` for it
   * (checked under the task's lock, and only this process writes tasks), the condition is already
   * known true: filter by _id alone, which FerretDB pushes down, instead of decoding every task while
   * holding SQLite's write lock. Otherwise the database judges the full condition.
   */
  private guard(id: string, full: QueryFilter<TaskDoc>, holds: (t: QueueTask) => boolean): QueryFilter<TaskDoc> {
    const t = this.queues?.isLoaded ? this.queues.get(id) : undefined;
    return t && t.state === 'open' && holds(t) ? { _id: id } : full;
  }

  async taskIdsOfCase(caseId: string): Promise<string[]> {
    const docs = await this.model.find({ caseId: String(caseId) }, { _id: 1 }).lean<Pick<TaskDoc, '_id'>[]>();
    return docs.map((d) => d._id);
  }

  /** Case erasure: each row leaves the database, then every queue and the due-date index (as if cancelled). */
  async eraseTasksOfCase(caseId: string): Promise<number> {
    const docs = await this.model.find({ caseId: String(caseId) }).lean<TaskDoc[]>();
    for (const d of docs) {
      await this.locks.run(d._id, async () => {
        const row = this.queues?.get(d._id) ?? toQueueTask(d);
        await this.model.deleteOne({ _id: d._id });
        this.queues?.put({ ...row, state: 'cancelled' }, row);
      });
    }
    return docs.length;
  }

  /** Mirrors a changed task into the queue index; `was` names what changed, to leave old queues. */
  private mirrored(task: QueueTask, was: Partial<QueueTask>): QueueTask {
    this.queues?.put(task, { ...task, ...was });
    return task;
  }

  async withoutCase(limit: number): Promise<Pick<QueueTask, 'id' | 'instanceKey'>[]> {
    // Once at start: a scan on FerretDB (the filter is not {_id}), so it is not on any request's path.
    const docs = await this.model.find({ state: { $in: ['open', 'completed'] }, caseId: null }, { _id: 1, instanceKey: 1 }).limit(limit).lean<Pick<TaskDoc, '_id' | 'instanceKey'>[]>();
    return docs.map((d) => ({ id: d._id, instanceKey: d.instanceKey }));
  }

  recordCase(id: string, caseId: string, team: string | undefined): Promise<void> {
    return this.locks.run(id, async () => {
      const before = await this.findById(id);
      if (!before || before.state === 'cancelled' || before.caseId) return;
      await this.model.updateOne({ _id: id }, { $set: { caseId, team } });
      this.mirrored({ ...before, caseId, team }, { caseId: undefined, team: undefined });
    });
  }

  /** Idempotent: an open task's case moved to another team (a merge or split of teams, application/teams). */
  recordTeam(id: string, team: string): Promise<void> {
    return this.locks.run(id, async () => {
      const before = await this.findById(id);
      if (!before || before.state !== 'open' || before.team === team) return;
      await this.model.updateOne({ _id: id }, { $set: { team } });
      this.mirrored({ ...before, team }, { team: before.team });
    });
  }

  recordMigrated(id: string, to: { processVersion: number; elementId: string; name: string }): Promise<void> {
    // "Still open" is checked under this task's lock and the write goes by _id alone (FerretDB pushes that down).
    return this.locks.run(id, async () => {
      const before = await this.findById(id);
      if (!before || before.state !== 'open') return;
      await this.model.updateOne({ _id: id }, { $set: to });
      this.mirrored({ ...before, ...to }, {});
    });
  }

  setDueDate(id: string, dueDate: string | undefined): Promise<QueueTask> {
    return this.locks.run(id, () => this._setDueDate(id, dueDate));
  }

  private async _setDueDate(id: string, dueDate: string | undefined): Promise<QueueTask> {
    const d = await this.model
      .findOneAndUpdate(this.guard(id, { _id: id, state: 'open' }, () => true), { $set: { dueDate: date(dueDate) }, $inc: { revision: 1 } }, { returnDocument: 'after' })
      .lean<TaskDoc>();
    if (d) return this.mirrored(toQueueTask(d), {});
    const current = await this.mustFind(id);
    throw new ConflictError(`This task is already ${current.state}`, 'TASK_CLOSED');
  }

  async search(query: TaskQuery, sort: TaskSort, page: PageRequest): Promise<Page<QueueTask>> {
    const keys = this.queues?.isLoaded ? bucketKeysFor(query) : undefined;
    if (this.queues && keys) {
      const rows = this.queues.rows(keys).filter((t) => matchesQuery(t, query));
      return { ...pageOfSorted(rows, compareTasks(sort), page.offset, page.limit), offset: page.offset, limit: page.limit };
    }
    const filter = buildTaskFilter(query);
    const [docs, total] = await Promise.all([
      this.model.find(filter).sort(sortSpec(sort)).skip(page.offset).limit(page.limit).lean<TaskDoc[]>(),
      this.model.countDocuments(filter),
    ]);
    return { items: docs.map(toQueueTask), total, offset: page.offset, limit: page.limit };
  }

  async openDueBefore(moment: string, afterId: string | undefined, limit: number): Promise<QueueTask[]> {
    const filter: Record<string, unknown> = { state: 'open', dueDate: { $ne: null, $lt: new Date(moment) } };
    if (afterId) filter._id = { $gt: afterId };
    const docs = await this.model.find(filter).sort({ _id: 1 }).limit(limit).lean<TaskDoc[]>();
    return docs.map(toQueueTask);
  }
}
