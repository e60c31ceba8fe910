// Submissions are validated before they get here, so their keys are form keys (letters, digits, _) and the
// data is stored as a document that reports can query.
import { type Connection, type Model, Schema } from 'mongoose';
import type { FormSubmission } from '../../domain/forms/form-version';
import type { SubmissionQuery, SubmissionRepository } from '../../ports/form-repository.port';
import type { Collection } from 'mongodb';
import { ConflictError } from '../../domain/errors';
import { InsertGroup } from './insert-group';
import type { FormDataErasure } from '../../ports/case-erasure.port';

interface SubmissionDoc extends Omit<FormSubmission, 'id'> {
  _id: string;
}

const submissionSchema = new Schema<SubmissionDoc>(
  {
    _id: { type: String, required: true },
    // '' for a task without a form: its completion still stores an (empty) submission, the key of its steps.
    formId: { type: String, default: '', index: true },
    version: { type: Number, required: true },
    data: { type: Schema.Types.Mixed, required: true },
    submittedBy: { type: String, required: true },
    submittedAt: { type: String, required: true },
    taskId: { type: String, index: true },
    caseId: { type: String, index: true },
  },
  { collection: 'form_submissions', versionKey: false, minimize: false },
);

function toSubmission({ _id, ...rest }: SubmissionDoc): FormSubmission {
  return { id: _id, ...rest };
}

export class MongoSubmissionRepository implements SubmissionRepository, FormDataErasure {
  private readonly model: Model<SubmissionDoc>;
  /** Submissions of concurrent completions are stored with one commit (insert-group.ts). */
  private readonly inserts: InsertGroup;

  constructor(conn: Connection) {
    this.model = (conn.models.FormSubmission as Model<SubmissionDoc>) ?? conn.model<SubmissionDoc>('FormSubmission', submissionSchema);
    this.inserts = new InsertGroup(() => this.model.collection as unknown as Collection);
  }

  async create(s: FormSubmission): Promise<void> {
    const { id, ...rest } = s;
    // Validated by the schema as mongoose would (cast, required), then stored through the group.
    const doc = new this.model({ _id: id, ...rest });
    await doc.validate();
    const outcome = await this.inserts.insert(doc.toObject());
    if (outcome === 'duplicate') throw new ConflictError('A submission with the same id already exists', 'DUPLICATE');
  }

  async get(id: string): Promise<FormSubmission | undefined> {
    const doc = await this.model.findById(id).lean<SubmissionDoc>();
    return doc ? toSubmission(doc) : undefined;
  }

  async list(query: SubmissionQuery, limit: number): Promise<FormSubmission[]> {
    const filter: Record<string, string> = {};
    for (const k of ['formId', 'caseId', 'taskId', 'submittedBy'] as const) if (query[k]) filter[k] = query[k];
    const docs = await this.model.find(filter).sort({ submittedAt: -1 }).limit(limit).lean<SubmissionDoc[]>();
    return docs.map(toSubmission);
  }

  /** Case erasure: everything written for the case or for one of its tasks. */
  async eraseOfCase(caseId: string, taskIds: readonly string[]): Promise<number> {
    const r = await this.model.deleteMany({ $or: [{ caseId: String(caseId) }, { taskId: { $in: taskIds.map(String) } }] });
    return r.deletedCount;
  }
}
