// The outbox in MongoDB. FerretDB 1.24 may let two conditional updates with the same filter both match,
// so nothing here relies on one: entry ids and attempt leases are unique inserts (atomic everywhere),
// and every update is a plain write by the one worker that owns the current attempt.
import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { CancelReason, OutboxEntry, OutboxState } from '../../domain/escalation';
import type { NewOutboxEntry, OutboxFilter, OutboxPatch, OutboxRepository } from '../../ports/escalation-outbox.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import { isDuplicateKeyError } from '../mongo/mongo-errors';
import { type LeaseDoc, type OutboxDoc, leaseSchema, outboxSchema, toDocPatch, toEntry } from './outbox-doc';

/** States of a notice not yet sent: the ones closing its task cancels. */
const OPEN: OutboxState[] = ['pending', 'retry', 'held'];

interface BulkError { code?: number; writeErrors?: { index: number; code?: number }[] | { index: number; code?: number } }

export class MongoOutboxRepository implements OutboxRepository {
  readonly model: Model<OutboxDoc>;
  private readonly leases: Model<LeaseDoc>;

  /**
   * `indexOpen` (the sole server, whose writes are the only ones): entry ids of notices not yet sent, by task.
   * Every task completion cancels its task's open notices, and on FerretDB a taskId filter decodes the whole
   * outbox, which keeps every email ever planned; with the index a task without open notices costs no
   * command and one with them an `_id` read and write each. A notice the index misses is still cancelled:
   * delivery re-checks its task before sending.
   */
  private readonly open?: OpenNotices;

  constructor(conn: Connection, opts: { indexOpen?: boolean } = {}) {
    this.model = (conn.models.EscalationOutbox as Model<OutboxDoc>) ?? conn.model<OutboxDoc>('EscalationOutbox', outboxSchema);
    this.leases = (conn.models.EscalationLease as Model<LeaseDoc>) ?? conn.model<LeaseDoc>('EscalationLease', leaseSchema);
    if (opts.indexOpen) this.open = new OpenNotices();
  }

  async init(): Promise<void> {
    await Promise.all([this.model.init(), this.leases.init()]);
    if (this.open) {
      const docs = await this.model.find({ state: { $in: OPEN } }, { taskId: 1 }).lean<{ _id: string; taskId?: string }[]>();
      for (const d of docs) this.open.add(d._id, d.taskId);
    }
  }

  async enqueue(entries: NewOutboxEntry[], at: string, maxAttempts: number): Promise<string[]> {
    if (!entries.length) return [];
    const now = new Date(at);
    // No read first: on FerretDB a lookup by a list of ids scans the whole (ever-growing) outbox, while
    // the unique _id check of an insert is an index probe. Ids already present simply come back as
    // duplicate-key errors, which is the "planned once, ever" rule doing its job.
    const docs = entries.map(({ id, ...e }) => ({
      ...e, _id: id, generation: randomUUID(), attempts: 0, maxAttempts, nextAttemptAt: now, createdAt: now, updatedAt: now,
    }));
    try {
      await this.model.collection.insertMany(docs as never[], { ordered: false });
      return this.opened(docs, docs.map((d) => d._id));
    } catch (e) {
      const raw = (e as BulkError).writeErrors;
      const errors = raw === undefined ? [] : Array.isArray(raw) ? raw : [raw];
      if (!errors.length && !isDuplicateKeyError(e)) throw e;
      if (errors.some((w) => w.code !== 11000 && w.code !== 11001)) throw e;
      const lost = new Set(errors.map((w) => w.index));
      if (!errors.length) return this.opened(docs, await this.insertedByUs(docs));
      return this.opened(docs, docs.filter((_, i) => !lost.has(i)).map((d) => d._id));
    }
  }

  private opened(docs: { _id: string; taskId?: string; state: OutboxState }[], inserted: string[]): string[] {
    const ids = new Set(inserted);
    for (const d of docs) if (ids.has(d._id) && OPEN.includes(d.state)) this.open?.add(d._id, d.taskId);
    return inserted;
  }

  async supersede(entry: OutboxEntry, at: string): Promise<void> {
    // Keep a record under another id for the Outbox page, then free the key so the notice can be
    // planned again. Re-running after a crash between the two steps repeats both harmlessly.
    const { id, ...rest } = entry;
    const archived = { ...rest, _id: `${id}~${entry.generation}`, state: 'cancelled', cancelReason: 'superseded', updatedAt: new Date(at) };
    const dates = { nextAttemptAt: new Date(entry.nextAttemptAt), createdAt: new Date(entry.createdAt), ...(entry.lastAttemptAt ? { lastAttemptAt: new Date(entry.lastAttemptAt) } : {}) };
    try {
      await this.model.collection.insertOne({ ...archived, ...dates } as never);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
    }
    await this.model.deleteOne({ _id: id, generation: entry.generation });
    this.open?.remove(id);
  }

  /** When a driver reports a duplicate without per-document detail: ours are those with our generation. */
  private async insertedByUs(docs: { _id: string; generation: string }[]): Promise<string[]> {
    const found = await this.model.find({ _id: { $in: docs.map((d) => d._id) } }, { generation: 1 }).lean<{ _id: string; generation: string }[]>();
    const mine = new Set(docs.map((d) => `${d._id}|${d.generation}`));
    return found.filter((f) => mine.has(`${f._id}|${f.generation}`)).map((f) => f._id);
  }

  async findById(id: string): Promise<OutboxEntry | undefined> {
    const d = await this.model.findById(id).lean<OutboxDoc>();
    return d ? toEntry(d) : undefined;
  }

  async dueForDelivery(now: string, staleBefore: string, limit: number): Promise<OutboxEntry[]> {
    const docs = await this.model
      .find({
        $or: [
          { state: { $in: ['pending', 'retry'] }, nextAttemptAt: { $lte: new Date(now) } },
          { state: 'sending', lastAttemptAt: { $lte: new Date(staleBefore) } },
        ],
      })
      .sort({ nextAttemptAt: 1, _id: 1 })
      .limit(limit)
      .lean<OutboxDoc[]>();
    return docs.map(toEntry);
  }

  private leaseId = (e: OutboxEntry, attempt: number) => `${e.id}|${e.generation}|${attempt}`;

  async takeAttempt(entry: OutboxEntry, attempt: number, at: string): Promise<boolean> {
    try {
      await this.leases.create({ _id: this.leaseId(entry, attempt), at: new Date(at) });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async attemptTakenAt(entry: OutboxEntry, attempt: number): Promise<string | undefined> {
    const d = await this.leases.findById(this.leaseId(entry, attempt)).lean<LeaseDoc>();
    return d ? d.at.toISOString() : undefined;
  }

  async patch(id: string, patch: OutboxPatch): Promise<void> {
    await this.model.updateOne({ _id: id }, toDocPatch(patch as Record<string, unknown>));
    if (!this.open || !patch.state) return;
    if (!OPEN.includes(patch.state)) this.open.remove(id);
    else if (!this.open.has(id)) this.open.add(id, (await this.findById(id))?.taskId); // a dead letter retried: rare
  }

  async cancelForTask(taskId: string, reason: CancelReason, at: string): Promise<number> {
    const set = { $set: { state: 'cancelled', cancelReason: reason, updatedAt: new Date(at) } };
    if (!this.open) {
      const r = await this.model.updateMany({ taskId, state: { $in: OPEN } }, set);
      return r.modifiedCount;
    }
    let cancelled = 0;
    for (const id of this.open.ofTask(taskId)) {
      // By _id alone (the only filter FerretDB looks up by index); the state is checked on the copy read.
      const d = await this.model.findById(id, { state: 1 }).lean<{ state: OutboxState }>();
      if (d && OPEN.includes(d.state)) {
        await this.model.updateOne({ _id: id }, set);
        cancelled++;
      }
      this.open.remove(id);
    }
    return cancelled;
  }

  async held(limit: number): Promise<OutboxEntry[]> {
    const docs = await this.model.find({ state: 'held' }).sort({ recipientId: 1, _id: 1 }).limit(limit).lean<OutboxDoc[]>();
    return docs.map(toEntry);
  }

  async list(filter: OutboxFilter, page: PageRequest): Promise<Page<OutboxEntry>> {
    const q: Record<string, unknown> = {};
    for (const k of ['state', 'kind', 'taskId', 'recipientId'] as const) if (filter[k]) q[k] = filter[k];
    const [docs, total] = await Promise.all([
      this.model.find(q).sort({ createdAt: -1, _id: 1 }).skip(page.offset).limit(page.limit).lean<OutboxDoc[]>(),
      this.model.countDocuments(q),
    ]);
    return { items: docs.map(toEntry), total, offset: page.offset, limit: page.limit };
  }

  async countByState(): Promise<Partial<Record<OutboxState, number>>> {
    const rows = await this.model.aggregate<{ _id: OutboxState; n: number }>([{ $group: { _id: '$state', n: { $sum: 1 } } }]);
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }
}

/** Ids of open notices by task, and each id's task. */
class OpenNotices {
  private readonly byTask = new Map<string, Set<string>>();
  private readonly taskOf = new Map<string, string>();

  add(id: string, taskId: string | undefined): void {
    if (!taskId) return; // digests belong to no task
    this.taskOf.set(id, taskId);
    let ids = this.byTask.get(taskId);
    if (!ids) this.byTask.set(taskId, (ids = new Set()));
    ids.add(id);
  }

  has(id: string): boolean {
    return this.taskOf.has(id);
  }

  ofTask(taskId: string): string[] {
    return [...(this.byTask.get(taskId) ?? [])];
  }

  remove(id: string): void {
    const taskId = this.taskOf.get(id);
    if (taskId === undefined) return;
    this.taskOf.delete(id);
    const ids = this.byTask.get(taskId)!;
    ids.delete(id);
    if (!ids.size) this.byTask.delete(taskId);
  }
}
