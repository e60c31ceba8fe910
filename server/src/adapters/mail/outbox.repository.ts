// The outbox in MongoDB. FerretDB 1.24 may let two conditional updates with the same filter both match,
// so nothing here relies on one: entry ids and attempt leases are unique inserts (atomic everywhere),
// and every update is a plain write by the one worker that owns the current attempt.
import { randomUUID } from 'node:crypto';
import type { Connection, Model } from 'mongoose';
import type { CancelReason, OutboxEntry, OutboxState } from '../../domain/escalation';
import type { NewOutboxEntry, OutboxFilter, OutboxPatch, OutboxRepository } from '../../ports/escalation-outbox.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import { isDuplicateKeyError, writeErrorsOf } from '../mongo/mongo-errors';
import { RefLists, type RefListDoc } from '../mongo/ref-lists';
import { isDueForDelivery, LIVE, LiveNotices, OPEN } from './live-notices';
import { type LeaseDoc, type OutboxDoc, leaseSchema, outboxSchema, toDocPatch, toEntry } from './outbox-doc';
import type { MailErasure } from '../../ports/case-erasure.port';


export class MongoOutboxRepository implements OutboxRepository, MailErasure {
  readonly model: Model<OutboxDoc>;
  private readonly leases: Model<LeaseDoc>;

  /**
   * `indexOpen` (the sole server, whose writes are the only ones): the entries not yet final, in memory
   * (live-notices.ts). A task completion then cancels its notices without a scan (none: no command), and the
   * delivery poll reads due entries by `_id`.
   */
  private readonly live?: LiveNotices;
  /** Each task's notices by `_id` (`task:<id>`), so a case's chronology finds its emails without a scan. */
  readonly taskEmails: RefLists;

  constructor(conn: Connection, opts: { indexOpen?: boolean } = {}) {
    this.model = (conn.models.EscalationOutbox as Model<OutboxDoc>) ?? conn.model<OutboxDoc>('EscalationOutbox', outboxSchema);
    this.leases = (conn.models.EscalationLease as Model<LeaseDoc>) ?? conn.model<LeaseDoc>('EscalationLease', leaseSchema);
    if (opts.indexOpen) this.live = new LiveNotices();
    this.taskEmails = taskEmailLists(conn);
  }

  async init(): Promise<void> {
    await Promise.all([this.model.init(), this.leases.init()]);
    if (this.live) {
      const docs = await this.model.find({ state: { $in: LIVE } }, { taskId: 1, state: 1, nextAttemptAt: 1, lastAttemptAt: 1 }).lean<OutboxDoc[]>();
      for (const d of docs) this.live.put(d._id, d);
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
      const errors = writeErrorsOf(e);
      if (!errors.length && !isDuplicateKeyError(e)) throw e;
      if (errors.some((w) => w.code !== 11000 && w.code !== 11001)) throw e;
      const lost = new Set(errors.map((w) => w.index));
      if (!errors.length) return this.opened(docs, await this.insertedByUs(docs));
      return this.opened(docs, docs.filter((_, i) => !lost.has(i)).map((d) => d._id));
    }
  }

  /** Listed after the insert (a crash between the two leaves one email out of the chronology, never sends twice). */
  private async opened(docs: { _id: string; kind?: string; taskId?: string; state: OutboxState; nextAttemptAt: Date }[], inserted: string[]): Promise<string[]> {
    const ids = new Set(inserted);
    for (const d of docs) if (ids.has(d._id)) this.live?.put(d._id, d);
    await Promise.all(docs.filter((d) => ids.has(d._id) && d.kind === 'notice' && d.taskId).map((d) => this.taskEmails.add(`task:${d.taskId}`, d._id)));
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
    // The generation is checked on the row read by _id, then deleted by _id alone: FerretDB looks up only
    // that filter by index (with `generation` it decoded every email ever planned).
    const current = await this.model.findById(id, { generation: 1 }).lean<{ generation: string }>();
    if (current?.generation === entry.generation) await this.model.deleteOne({ _id: id });
    this.live?.remove(id);
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
    const [at, stale] = [new Date(now), new Date(staleBefore)];
    if (this.live) {
      const found = await Promise.all(this.live.dueForDelivery(at, stale, limit).map((id) => this.model.findById(id).lean<OutboxDoc>()));
      return found
        .filter((d): d is OutboxDoc => !!d && isDueForDelivery(d, at, stale)) // the row decides
        .map(toEntry);
    }
    const docs = await this.model
      .find({
        $or: [
          { state: { $in: ['pending', 'retry'] }, nextAttemptAt: { $lte: at } },
          { state: 'sending', lastAttemptAt: { $lte: stale } },
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
    if (!this.live) return;
    if (this.live.has(id) || !patch.state) return this.live.put(id, patch);
    const stored = LIVE.includes(patch.state) ? await this.findById(id) : undefined; // a dead letter retried: rare
    if (stored) this.live.put(id, stored);
  }

  async cancelForTask(taskId: string, reason: CancelReason, at: string): Promise<number> {
    const set = { $set: { state: 'cancelled', cancelReason: reason, updatedAt: new Date(at) } };
    if (!this.live) {
      const r = await this.model.updateMany({ taskId, state: { $in: OPEN } }, set);
      return r.modifiedCount;
    }
    let cancelled = 0;
    for (const id of this.live.openOfTask(taskId)) {
      // By _id alone (the only filter FerretDB looks up by index); the state is checked on the copy read.
      const d = await this.model.findById(id, { state: 1 }).lean<{ state: OutboxState }>();
      if (d && OPEN.includes(d.state)) {
        await this.model.updateOne({ _id: id }, set);
        cancelled++;
        this.live.remove(id);
      } else if (d) this.live.put(id, d);
      else this.live.remove(id);
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

  async messageIdsOf(taskIds: readonly string[], mentions: readonly string[]): Promise<string[]> {
    const docs = await this.model.find(await this.aboutFilter(taskIds, mentions), { messageId: 1 }).lean<OutboxDoc[]>();
    return docs.map((d) => d.messageId).filter((m): m is string => Boolean(m));
  }

  /** Case erasure: the entries go, and leave the in-memory index (nothing left to deliver or cancel). */
  async eraseOf(taskIds: readonly string[], mentions: readonly string[]): Promise<number> {
    const docs = await this.model.find(await this.aboutFilter(taskIds, mentions), { _id: 1 }).lean<OutboxDoc[]>();
    if (!docs.length) return 0;
    const ids = docs.map((d) => d._id);
    // The delivery leases first (`<entry id>|…`): they are found through the entries' ids.
    const esc = ids.map((id) => id.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
    await this.leases.deleteMany({ _id: { $regex: `^(${esc.join('|')})\\|` } });
    await this.model.deleteMany({ _id: { $in: ids } });
    await this.taskEmails.remove(taskIds.map((t) => `task:${t}`));
    for (const id of ids) this.live?.remove(id);
    return ids.length;
  }

  /** Notices about the tasks, digests listing those notices, and emails that mention the case or child. */
  private async aboutFilter(taskIds: readonly string[], mentions: readonly string[]): Promise<Record<string, unknown>> {
    const notices = await this.model.find({ taskId: { $in: taskIds.map(String) } }, { _id: 1 }).lean<OutboxDoc[]>();
    const said = mentions.filter((m) => m.trim().length >= 3).map((m) => new RegExp(m.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'), 'i'));
    return {
      $or: [
        { taskId: { $in: taskIds.map(String) } },
        { itemIds: { $in: notices.map((n) => n._id) } },
        ...said.flatMap((re) => [{ subject: re }, { text: re }, { html: re }]),
      ],
    };
  }

  async countByState(): Promise<Partial<Record<OutboxState, number>>> {
    const rows = await this.model.aggregate<{ _id: OutboxState; n: number }>([{ $group: { _id: '$state', n: { $sum: 1 } } }]);
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }
}

/** The lists of each task's notices (outbox_task_emails), shared with the chronology's reader. */
export const taskEmailLists = (conn: Connection): RefLists => new RefLists(() => conn.db!.collection<RefListDoc>('outbox_task_emails'));
