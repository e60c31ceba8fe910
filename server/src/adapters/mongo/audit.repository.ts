// Append-only, hash-chained audit events. Without transactions the chain stays linear through a
// unique index on `seq`; appends go through AuditChainWriter (head kept in memory, group commit, a
// clash with another process re-reads the tail). Stored with the driver directly: mongoose would
// minimise empty summaries or cast values, and the stored bytes must hash as they were sealed.
import type { Collection, Document, Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AuditEvent, AuditEventInput, ChainReport } from '../../domain/audit/audit-event';
import { verifyChain, type ChainHead } from '../../domain/audit/audit-chain';
import { caseOfEvent, decryptDetails, encryptDetails } from '../../domain/audit/audit-details-cipher';
import type { AuditDetailsErasure, AuditLog, AuditQuery, AuditTrail } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import { randomUUID } from 'node:crypto';
import { AuditCaseKeys } from './audit-case-keys';
import { RefLists, type RefListDoc } from './ref-lists';
import { AuditChainWriter } from './audit-chain.writer';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toEvent(doc: Document): AuditEvent {
  const { _id, ...event } = doc;
  return event as AuditEvent;
}

export class MongoAuditRepository implements AuditLog, AuditTrail, AuditDetailsErasure {
  private readonly writer: AuditChainWriter;
  private readonly keys: AuditCaseKeys;
  /** Each case's flagged events (break glass, restricted corrections) by `_id`, for the chronology. */
  private readonly flags: RefLists;

  constructor(private readonly conn: Connection, deps: { clock: Clock }) {
    this.writer = new AuditChainWriter(() => this.events, () => this.head, deps.clock);
    this.keys = new AuditCaseKeys(() => this.conn.db!.collection('audit_case_keys'));
    this.flags = new RefLists(() => this.conn.db!.collection<RefListDoc>('audit_case_flags'));
  }

  private get events(): Collection {
    return this.conn.db!.collection('audit_events');
  }
  private get head(): Collection<{ _id: string; seq: number; hash: string }> {
    return this.conn.db!.collection('audit_head');
  }

  /** Creates the unique sequence index (the lock of the chain) and the search indexes. */
  async init(): Promise<void> {
    await this.events.createIndex({ seq: 1 }, { unique: true });
    await this.events.createIndex({ at: -1 });
    await this.events.createIndex({ 'actor.id': 1, seq: -1 });
    await this.events.createIndex({ recordType: 1, recordId: 1, seq: -1 });
    await this.events.createIndex({ action: 1, seq: -1 });
    await this.events.createIndex({ caseId: 1 });
  }

  /** An event about a case is stored with its details encrypted under the case's key (see the cipher). */
  record(input: AuditEventInput): Promise<AuditEvent> {
    const caseId = caseOfEvent(input);
    if (!caseId) return this.writer.record(input);
    if (input.flagged) return this.recordFlagged(input, caseId);
    return this.recordOfCase(input, caseId);
  }

  /**
   * A flagged event about a case is keyed (its key is its `_id`) and listed under the case before it is
   * written, so the chronology finds it by `_id` (flaggedOfCase) instead of searching the whole log; a
   * listed key whose event never got written is simply not found.
   */
  private async recordFlagged(input: AuditEventInput, caseId: string): Promise<AuditEvent> {
    const key = input.key ?? `flag:${caseId}:${randomUUID()}`;
    await this.flags.add(`case:${caseId}`, key);
    return this.recordOfCase({ ...input, key }, caseId);
  }

  private recordOfCase(input: AuditEventInput, caseId: string): Promise<AuditEvent> {
    const key = this.keys.keyFor(caseId);
    const stored = this.writer.record(input, key.then((k) => encryptDetails(input, caseId, k)));
    // The caller gets the event as readers see it (details in clear), as for any other event; a re-recorded
    // keyed event is the one stored first, read with its own case's key.
    return stored.then(async (event) => (await this.readable([event]))[0]);
  }

  /**
   * Destroys the case's key: its events' details become unreadable, the events stay as sealed. Events
   * written before details were encrypted hold them in clear, hashed as such: changing them would break
   * the chain, so they are counted (for the erasure's record) and left as they are.
   */
  async eraseCaseDetails(caseId: string): Promise<{ plaintextEvents: number }> {
    await this.keys.destroy(caseId);
    await this.flags.remove([`case:${caseId}`]);
    const plaintextEvents = await this.events.countDocuments({
      sealed: { $exists: false },
      $or: [{ recordType: 'case', recordId: caseId }, { 'after.caseId': caseId }],
      $nor: [{ before: { $exists: false }, after: { $exists: false }, reason: { $exists: false } }],
    });
    return { plaintextEvents };
  }

  /**
   * Stored events as readers see them: details decrypted, or marked erased when the key is gone. Public for
   * readers that page audit_events themselves (e.g. a subject access request's gathering).
   */
  async readable(docs: Document[]): Promise<AuditEvent[]> {
    const events = docs.map(toEvent);
    const keys = await this.keys.existingKeys(events.filter((e) => e.sealed && e.caseId).map((e) => e.caseId!));
    return events.map((e) => decryptDetails(e, e.caseId ? keys.get(e.caseId) : undefined));
  }

  async verify(): Promise<ChainReport> {
    const head = (await this.head.findOne({ _id: 'head' })) as ChainHead | null;
    const cursor = this.events.find({}).sort({ seq: 1 }).batchSize(1000);
    async function* walk() {
      for await (const doc of cursor) yield toEvent(doc);
    }
    try {
      return await verifyChain(walk(), head ?? undefined);
    } finally {
      await cursor.close();
    }
  }

  /** The case's flagged events, newest first, at most `limit`: one read of its list, then one per event. */
  async flaggedOfCase(caseId: string, limit: number): Promise<AuditEvent[]> {
    const found = await this.flags.documents(`case:${caseId}`, limit, this.events);
    return this.readable(found.sort((a, b) => b.seq - a.seq));
  }

  async search(query: AuditQuery, page: PageRequest): Promise<Page<AuditEvent>> {
    const filter: Filter<Document> = {};
    if (query.actorId) filter['actor.id'] = query.actorId;
    if (query.action) filter.action = query.action.endsWith('.') ? { $regex: `^${escapeRegex(query.action)}` } : query.action;
    if (query.recordType) filter.recordType = query.recordType;
    if (query.recordId) filter.recordId = query.recordId;
    if (query.section) filter.sections = query.section;
    if (query.flagged !== undefined) filter.flagged = query.flagged ? true : { $ne: true };
    if (query.from || query.to) {
      filter.at = { ...(query.from ? { $gte: query.from.toISOString() } : {}), ...(query.to ? { $lt: query.to.toISOString() } : {}) };
    }
    const [docs, total] = await Promise.all([
      this.events.find(filter).sort({ seq: -1 }).skip(page.offset).limit(page.limit).toArray(),
      this.events.countDocuments(filter),
    ]);
    return { items: await this.readable(docs), total, offset: page.offset, limit: page.limit };
  }
}
