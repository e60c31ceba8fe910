// Drafts hold unvalidated input, so their data is stored as JSON text: whatever keys a half-typed form
// has, they are never interpreted by the database.
import { type Connection, type Model, Schema } from 'mongoose';
import type { FormDraft } from '../../domain/forms/form-version';
import type { DraftQuery, DraftRepository } from '../../ports/form-repository.port';
import type { FormDataErasure } from '../../ports/case-erasure.port';

interface DraftDoc extends Omit<FormDraft, 'id' | 'data'> {
  _id: string;
  dataJson: string;
}

const draftSchema = new Schema<DraftDoc>(
  {
    _id: { type: String, required: true },
    formId: { type: String, required: true },
    version: { type: Number, required: true },
    ownerId: { type: String, required: true, index: true },
    dataJson: { type: String, required: true },
    createdAt: { type: String, required: true },
    updatedAt: { type: String, required: true },
    taskId: String,
    caseId: String,
  },
  { collection: 'form_drafts', versionKey: false },
);

function toDraft({ _id, dataJson, ...rest }: DraftDoc): FormDraft {
  return { id: _id, data: JSON.parse(dataJson), ...rest };
}

export class MongoDraftRepository implements DraftRepository, FormDataErasure {
  private readonly model: Model<DraftDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models.FormDraft as Model<DraftDoc>) ?? conn.model<DraftDoc>('FormDraft', draftSchema);
  }

  async save(d: FormDraft): Promise<void> {
    const { id, data, ...rest } = d;
    await this.model.replaceOne({ _id: id }, { ...rest, dataJson: JSON.stringify(data) }, { upsert: true });
  }

  async get(id: string): Promise<FormDraft | undefined> {
    const doc = await this.model.findById(id).lean<DraftDoc>();
    return doc ? toDraft(doc) : undefined;
  }

  async list(query: DraftQuery): Promise<FormDraft[]> {
    const filter: Record<string, string> = { ownerId: query.ownerId };
    for (const k of ['formId', 'caseId', 'taskId'] as const) if (query[k]) filter[k] = query[k];
    const docs = await this.model.find(filter).sort({ updatedAt: -1 }).lean<DraftDoc[]>();
    return docs.map(toDraft);
  }

  async remove(id: string): Promise<boolean> {
    const res = await this.model.deleteOne({ _id: id });
    return res.deletedCount > 0;
  }

  /** Case erasure: everything written for the case or for one of its tasks. */
  async eraseOfCase(caseId: string, taskIds: readonly string[]): Promise<number> {
    const r = await this.model.deleteMany({ $or: [{ caseId: String(caseId) }, { taskId: { $in: taskIds.map(String) } }] });
    return r.deletedCount;
  }
}
