// Each user's choice between immediate emails and a daily digest; one document per user, keyed by id.
import { type Connection, type Model, Schema } from 'mongoose';
import type { NotificationMode, NotificationPreference, NotificationPreferenceRepository } from '../../ports/notification-preference.port';

interface PreferenceDoc {
  _id: string;
  mode: NotificationMode;
  updatedAt: Date;
}

const schema = new Schema<PreferenceDoc>({ _id: String, mode: String, updatedAt: Date }, { collection: 'notification_preferences', versionKey: false });

export class MongoNotificationPreferenceRepository implements NotificationPreferenceRepository {
  private readonly model: Model<PreferenceDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models.NotificationPreference as Model<PreferenceDoc>) ?? conn.model<PreferenceDoc>('NotificationPreference', schema);
  }

  async modesFor(userIds: string[]): Promise<Map<string, NotificationMode>> {
    const out = new Map<string, NotificationMode>(userIds.map((id) => [id, 'immediate']));
    if (!userIds.length) return out;
    const docs = await this.model.find({ _id: { $in: userIds } }).lean<PreferenceDoc[]>();
    for (const d of docs) out.set(d._id, d.mode);
    return out;
  }

  async get(userId: string): Promise<NotificationPreference> {
    const d = await this.model.findById(userId).lean<PreferenceDoc>();
    return d ? { userId, mode: d.mode, updatedAt: d.updatedAt.toISOString() } : { userId, mode: 'immediate', updatedAt: new Date(0).toISOString() };
  }

  async set(userId: string, mode: NotificationMode, at: string): Promise<NotificationPreference> {
    await this.model.updateOne({ _id: userId }, { $set: { mode, updatedAt: new Date(at) } }, { upsert: true });
    return { userId, mode, updatedAt: at };
  }
}
