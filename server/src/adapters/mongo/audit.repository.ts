// Append-only, hash-chained audit events. Without transactions the chain stays linear through a
// unique index on `seq`: each writer reads the tail, seals the next event and inserts it; a writer
// that lost the race gets a duplicate key and retries on the new tail. Within one process appends
// are queued so they rarely race at all. Stored with the driver directly: mongoose would minimise
// empty summaries or cast values, and the stored bytes must hash as they were sealed.
import { randomInt } from 'node:crypto';
import type { Collection, Document, Filter } from 'mongodb';
import type { Connection } from 'mongoose';
import { GENESIS_HASH, type AuditEvent, type AuditEventInput, type ChainReport } from '../../domain/audit/audit-event';
import { verifyChain, type ChainHead } from '../../domain/audit/audit-chain';
import { sealEvent } from '../../domain/audit/audit-hash';
import type { AuditLog, AuditQuery, AuditTrail } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import { isDuplicateKeyError } from './mongo-errors';

const MAX_ATTEMPTS = 200;
const escapeRegex = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

function toEvent(doc: Document): AuditEvent {
  const { _id, ...event } = doc;
  return event as AuditEvent;
}

export class MongoAuditRepository implements AuditLog, AuditTrail {
  private tail: Promise<unknown> = Promise.resolve();

  constructor(private readonly conn: Connection, private readonly deps: { clock: Clock }) {}

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
    const next = this.tail.then(() => this.append(input));
    this.tail = next.catch(() => undefined);
    return next;
  }

  private async append(input: AuditEventInput): Promise<AuditEvent> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt++) {
      const last = await this.events.find({}, { projection: { seq: 1, hash: 1 } }).sort({ seq: -1 }).limit(1).next();
      const event = sealEvent(input, ((last?.seq as number) ?? 0) + 1, this.deps.clock.now(), (last?.hash as string) ?? GENESIS_HASH);
      try {
        await this.events.insertOne({ ...event });
      } catch (e) {
        if (!isDuplicateKeyError(e)) throw e;
        // Another writer took this seq: back off a little (jitter spreads the retries) and re-read.
        await new Promise((r) => setTimeout(r, randomInt(1, 5 + attempt)));
        continue;
      }
      await this.advanceHead(event);
      return event;
    }
    throw new Error(`Could not append to the audit log after ${MAX_ATTEMPTS} attempts (too many concurrent writers)`);
  }

  /** The head marker lets verify notice events cut off the end; it only ever moves forward. */
  private async advanceHead(event: AuditEvent): Promise<void> {
    const r = await this.head.updateOne({ _id: 'head', seq: { $lt: event.seq } }, { $set: { seq: event.seq, hash: event.hash } });
    if (r.matchedCount > 0) return;
    await this.head.insertOne({ _id: 'head', seq: event.seq, hash: event.hash }).catch((e) => {
      if (!isDuplicateKeyError(e)) throw e; // already ahead of us
    });
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
