// The webhook outbox in MongoDB, built as the mail outbox is (adapters/mail/outbox.repository.ts): FerretDB
// 1.24 may let two conditional updates with the same filter both match, so nothing relies on one. Delivery
// ids and attempt leases are unique inserts; every update is a plain write by the worker owning the attempt.
import { Schema, type Connection, type Model } from 'mongoose';
import type { DeliveryState, WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { Page, PageRequest } from '../../ports/repository.port';
import type { DeliveryPatch, WebhookDeliveryRepository } from '../../ports/webhooks.port';
import { isDuplicateKeyError, writeErrorsOf } from '../mongo/mongo-errors';
import { toDocPatch } from '../mail/outbox-doc';
import { modelOf } from '../sharing/model-of';

const DATES = ['nextAttemptAt', 'lastAttemptAt', 'sentAt', 'createdAt', 'updatedAt'] as const;
type DeliveryDoc = Omit<WebhookDelivery, 'id' | (typeof DATES)[number]> & { _id: string } & Partial<Record<(typeof DATES)[number], Date>>;
interface LeaseDoc { _id: string; at: Date }

const schema = new Schema<DeliveryDoc>({
  _id: String, subscriptionId: String, agreementId: String, eventId: String, eventType: String, caseId: String, sections: [String],
  body: String, state: String, attempts: Number, maxAttempts: Number, nextAttemptAt: Date, lastAttemptAt: Date, lastError: String,
  sentAt: Date, cancelReason: String, createdAt: Date, updatedAt: Date,
}, { collection: 'webhook_deliveries', versionKey: false });
schema.index({ state: 1, nextAttemptAt: 1 });
schema.index({ createdAt: -1 });
const leaseSchema = new Schema<LeaseDoc>({ _id: String, at: Date }, { collection: 'webhook_delivery_leases', versionKey: false });

function toDelivery(d: DeliveryDoc): WebhookDelivery {
  const { _id, ...rest } = d;
  const out = { ...rest, id: _id } as unknown as Record<string, unknown>;
  for (const k of DATES) if (d[k]) out[k] = new Date(d[k]).toISOString();
  for (const k of Object.keys(out)) if (out[k] === undefined || out[k] === null) delete out[k];
  return out as unknown as WebhookDelivery;
}

const toDoc = ({ id, ...rest }: WebhookDelivery): DeliveryDoc => {
  const doc = { ...rest, _id: id } as unknown as Record<string, unknown>;
  for (const k of DATES) if (typeof doc[k] === 'string') doc[k] = new Date(doc[k]);
  return doc as unknown as DeliveryDoc;
};

export class MongoWebhookDeliveryRepository implements WebhookDeliveryRepository {
  private readonly model: Model<DeliveryDoc>;
  private readonly leases: Model<LeaseDoc>;

  constructor(conn: Connection) {
    this.model = modelOf(conn, 'WebhookDelivery', schema);
    this.leases = modelOf(conn, 'WebhookDeliveryLease', leaseSchema);
  }

  async init(): Promise<void> {
    await Promise.all([this.model.init(), this.leases.init()]);
  }

  async enqueue(deliveries: WebhookDelivery[]): Promise<string[]> {
    if (!deliveries.length) return [];
    try {
      await this.model.collection.insertMany(deliveries.map(toDoc) as never[], { ordered: false });
      return deliveries.map((d) => d.id);
    } catch (e) {
      const errors = writeErrorsOf(e);
      if (!errors.length && !isDuplicateKeyError(e)) throw e;
      if (errors.some((w) => w.code !== 11000 && w.code !== 11001)) throw e;
      // Already queued (the same engine event seen again): those are not "inserted now".
      const lost = new Set(errors.map((w) => w.index));
      return errors.length ? deliveries.filter((_, i) => !lost.has(i)).map((d) => d.id) : [];
    }
  }

  async findById(id: string): Promise<WebhookDelivery | undefined> {
    const d = await this.model.findById(id).lean<DeliveryDoc>();
    return d ? toDelivery(d) : undefined;
  }

  async dueForDelivery(now: string, staleBefore: string, limit: number): Promise<WebhookDelivery[]> {
    const docs = await this.model.find({
      $or: [
        { state: { $in: ['pending', 'retry'] }, nextAttemptAt: { $lte: new Date(now) } },
        { state: 'sending', lastAttemptAt: { $lte: new Date(staleBefore) } },
      ],
    }).sort({ nextAttemptAt: 1, _id: 1 }).limit(limit).lean<DeliveryDoc[]>();
    return docs.map(toDelivery);
  }

  private leaseId = (d: WebhookDelivery, attempt: number) => `${d.id}|${attempt}`;

  async takeAttempt(d: WebhookDelivery, attempt: number, at: string): Promise<boolean> {
    try {
      await this.leases.create({ _id: this.leaseId(d, attempt), at: new Date(at) });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async attemptTakenAt(d: WebhookDelivery, attempt: number): Promise<string | undefined> {
    const lease = await this.leases.findById(this.leaseId(d, attempt)).lean<LeaseDoc>();
    return lease ? lease.at.toISOString() : undefined;
  }

  async patch(id: string, patch: DeliveryPatch): Promise<void> {
    await this.model.updateOne({ _id: id }, toDocPatch(patch as Record<string, unknown>));
  }

  async list(filter: { state?: DeliveryState; subscriptionId?: string }, page: PageRequest): Promise<Page<WebhookDelivery>> {
    const q: Record<string, unknown> = {};
    if (filter.state) q.state = filter.state;
    if (filter.subscriptionId) q.subscriptionId = filter.subscriptionId;
    const [docs, total] = await Promise.all([
      this.model.find(q).sort({ createdAt: -1, _id: 1 }).skip(page.offset).limit(page.limit).lean<DeliveryDoc[]>(),
      this.model.countDocuments(q),
    ]);
    return { items: docs.map(toDelivery), total, offset: page.offset, limit: page.limit };
  }

  /** Case erasure: the case's deliveries (their bodies hold its data) and their attempt leases go. */
  async eraseOfCase(caseId: string): Promise<number> {
    const found = await this.model.find({ caseId }, { _id: 1, attempts: 1 }).lean<{ _id: string; attempts: number }[]>();
    if (!found.length) return 0;
    // Leases are `<id>|<attempt>`; a worker may have taken up to five past the count it recorded (claim-attempt.ts).
    const leaseIds = found.flatMap((d) => Array.from({ length: (d.attempts ?? 0) + 5 }, (_, i) => `${d._id}|${i + 1}`));
    await this.leases.deleteMany({ _id: { $in: leaseIds } });
    await this.model.deleteMany({ _id: { $in: found.map((d) => d._id) } });
    return found.length;
  }

  async countByState(): Promise<Partial<Record<DeliveryState, number>>> {
    const rows = await this.model.aggregate<{ _id: DeliveryState; n: number }>([{ $group: { _id: '$state', n: { $sum: 1 } } }]);
    return Object.fromEntries(rows.map((r) => [r._id, r.n]));
  }
}
