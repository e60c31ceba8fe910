// Each person's last opened cases, one small document per person read by `_id` (the only filter FerretDB
// 1.24 does not answer by decoding the whole collection). Case references only: names come from the
// cases list's index when the dashboard shows them, so an erased case simply drops out.
import { Schema, type Connection, type Model } from 'mongoose';
import type { RecentCaseStore } from '../../ports/case-search.port';
import { KeyedMutex } from '../concurrency/keyed-mutex';

export const RECENT_KEPT = 10;

interface RecentDoc { _id: string; items: { caseId: string; at: string }[] }

const schema = new Schema<RecentDoc>(
  { _id: String, items: [{ _id: false, caseId: String, at: String }] },
  { collection: 'recent_cases', versionKey: false },
);

export class MongoRecentCaseRepository implements RecentCaseStore {
  private readonly model: Model<RecentDoc>;
  /** FerretDB has no atomic array updates we may rely on: one writer per person in this process. */
  private readonly locks = new KeyedMutex();

  constructor(conn: Connection) {
    this.model = (conn.models.RecentCase as Model<RecentDoc>) ?? conn.model<RecentDoc>('RecentCase', schema);
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  opened(userId: string, caseId: string, at: string): Promise<void> {
    const id = String(userId);
    return this.locks.run(id, async () => {
      const doc = await this.model.findById(id).lean<RecentDoc>();
      const items = [{ caseId: String(caseId), at: String(at) }, ...(doc?.items ?? []).filter((i) => i.caseId !== String(caseId))].slice(0, RECENT_KEPT);
      await this.model.replaceOne({ _id: id }, { _id: id, items }, { upsert: true });
    });
  }

  async recent(userId: string): Promise<{ caseId: string; at: string }[]> {
    const doc = await this.model.findById(String(userId)).lean<RecentDoc>();
    return (doc?.items ?? []).map((i) => ({ caseId: i.caseId, at: i.at }));
  }
}
