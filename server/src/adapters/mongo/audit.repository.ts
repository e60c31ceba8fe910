// Append-only, hash-chained audit events. Without transactions the chain stays linear through a
// unique index on `seq`; appends go through AuditChainWriter (head kept in memory, group commit, a
// clash with another process re-reads the tail). Stored with the driver directly: mongoose would
// minimise empty summaries or cast values, and the stored bytes must hash as they were sealed.
import type { Collection, Document, Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import type { AuditEvent, AuditEventInput, ChainReport } from '../../domain/audit/audit-event';
import { verifyChain, type ChainHead } from '../../domain/audit/audit-chain';
import type { AuditLog, AuditQuery, AuditTrail } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import { AuditChainWriter } from './audit-chain.writer';

const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toEvent(doc: Document): AuditEvent {
  const { _id, ...event } = doc;
  return event as AuditEvent;
}

export class MongoAuditRepository implements AuditLog, AuditTrail {
  private readonly writer: AuditChainWriter;

  constructor(private readonly conn: Connection, deps: { clock: Clock }) {
    this.writer = new AuditChainWriter(() => this.events, () => this.head, deps.clock);
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
  }

  record(input: AuditEventInput): Promise<AuditEvent> {
    return this.writer.record(input);
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
    return { items: docs.map(toEvent), total, offset: page.offset, limit: page.limit };
  }
}
