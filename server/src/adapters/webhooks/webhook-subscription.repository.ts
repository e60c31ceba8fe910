// Webhook subscriptions in MongoDB, by `_id`. A council has a handful, so listing reads them all.
import { Schema, type Connection, type Model } from 'mongoose';
import type { WebhookSubscription } from '../../domain/webhooks/webhook-subscription';
import type { WebhookSubscriptionRepository } from '../../ports/webhooks.port';
import { modelOf } from '../sharing/model-of';

type SubscriptionDoc = Omit<WebhookSubscription, 'id'> & { _id: string };
const schema = new Schema<SubscriptionDoc>({
  _id: String, name: String, url: String, events: [String], agreementId: String, secret: String, active: Boolean,
  createdAt: String, createdBy: String, updatedAt: String,
}, { collection: 'webhook_subscriptions', versionKey: false });

const toSubscription = ({ _id, ...rest }: SubscriptionDoc): WebhookSubscription => ({ ...rest, id: _id });

export class MongoWebhookSubscriptionRepository implements WebhookSubscriptionRepository {
  private readonly model: Model<SubscriptionDoc>;

  constructor(conn: Connection) {
    this.model = modelOf(conn, 'WebhookSubscription', schema);
  }

  async create(s: WebhookSubscription): Promise<void> {
    const { id, ...rest } = s;
    await this.model.collection.insertOne({ ...rest, _id: id } as never);
  }

  async update(id: string, patch: Partial<Pick<WebhookSubscription, 'active' | 'secret' | 'updatedAt'>>): Promise<void> {
    await this.model.updateOne({ _id: id }, { $set: patch });
  }

  async findById(id: string): Promise<WebhookSubscription | undefined> {
    const d = await this.model.findById(id).lean<SubscriptionDoc>();
    return d ? toSubscription(d) : undefined;
  }

  async list(): Promise<WebhookSubscription[]> {
    return (await this.model.find({}).sort({ createdAt: -1, _id: 1 }).limit(1000).lean<SubscriptionDoc[]>()).map(toSubscription);
  }
}
