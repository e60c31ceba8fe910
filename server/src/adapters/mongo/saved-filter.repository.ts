// Saved queue filters. _id is owner + name, so saving the same name twice replaces rather than duplicates.
import { Schema, type Connection, type Model } from 'mongoose';
import type { SavedTaskFilter } from '../../application/tasks/save-task-filter';
import type { SavedFilterRepository } from '../../ports/saved-filter-repository.port';
import type { SavedFilterErasure } from '../../ports/case-erasure.port';

type Doc = SavedTaskFilter & { _id: string };

const schema = new Schema<Doc>(
  { _id: String, ownerId: String, name: String, queue: String, filters: Schema.Types.Mixed, sort: Schema.Types.Mixed, savedAt: String },
  { collection: 'saved_task_filters', versionKey: false, minimize: false },
);
schema.index({ ownerId: 1, name: 1 });

const idOf = (ownerId: string, name: string) => `${ownerId}|${name}`;

export class MongoSavedFilterRepository implements SavedFilterRepository, SavedFilterErasure {
  readonly model: Model<Doc>;

  constructor(conn: Connection) {
    this.model = (conn.models.SavedTaskFilter as Model<Doc>) ?? conn.model<Doc>('SavedTaskFilter', schema);
  }

  async init(): Promise<void> {
    await this.model.init();
  }

  async upsert(f: SavedTaskFilter): Promise<void> {
    await this.model.replaceOne({ _id: idOf(f.ownerId, f.name) }, { ...f }, { upsert: true });
  }

  async listFor(ownerId: string): Promise<SavedTaskFilter[]> {
    const docs = await this.model.find({ ownerId: String(ownerId) }).sort({ name: 1 }).lean<Doc[]>();
    return docs.map(({ _id, ...f }) => f);
  }

  async remove(ownerId: string, name: string): Promise<boolean> {
    const r = await this.model.deleteOne({ _id: idOf(String(ownerId), String(name)) });
    return r.deletedCount > 0;
  }

  /** Case erasure: a filter on the case names it (and shows it in the user's list of filters). */
  async eraseNamingCase(caseId: string): Promise<number> {
    const r = await this.model.deleteMany({ 'filters.caseId': String(caseId) });
    return r.deletedCount;
  }
}
