// Form versions, append-only. The definition is stored as its JSON text: form-js files round-trip
// byte-for-byte through the designer, and no key of a user-written schema can trip the database.
// The unique (formId, version) index is the optimistic lock for concurrent deploys (no transactions).
import { type Connection, type Model, Schema } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import { formTitle, type FormVersion, type FormVersionSummary } from '../../domain/forms/form-version';
import type { FormRepository } from '../../ports/form-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

interface FormVersionDoc {
  formId: string;
  version: number;
  contentHash: string;
  schemaJson: string;
  title: string;
  deployedAt: string;
  deployedBy: string;
  source: 'file' | 'api';
}

const formVersionSchema = new Schema<FormVersionDoc>(
  {
    formId: { type: String, required: true },
    version: { type: Number, required: true },
    contentHash: { type: String, required: true },
    schemaJson: { type: String, required: true },
    title: { type: String, required: true },
    deployedAt: { type: String, required: true },
    deployedBy: { type: String, required: true },
    source: { type: String, required: true },
  },
  { collection: 'form_versions', versionKey: false },
);
formVersionSchema.index({ formId: 1, version: 1 }, { unique: true });

const SUMMARY = { schemaJson: 0, _id: 0 };

function toSummary(d: FormVersionDoc): FormVersionSummary {
  const { formId, version, contentHash, title, deployedAt, deployedBy, source } = d;
  return { formId, version, contentHash, title, deployedAt, deployedBy, source };
}

function toVersion(d: FormVersionDoc): FormVersion {
  const { title: _title, ...summary } = toSummary(d);
  return { ...summary, schema: JSON.parse(d.schemaJson) };
}

export class MongoFormRepository implements FormRepository {
  private readonly model: Model<FormVersionDoc>;
  private indexes?: Promise<unknown>;

  constructor(conn: Connection) {
    this.model = (conn.models.FormVersion as Model<FormVersionDoc>) ?? conn.model<FormVersionDoc>('FormVersion', formVersionSchema);
  }

  async latest(formId: string): Promise<FormVersion | undefined> {
    const doc = await this.model.findOne({ formId }).sort({ version: -1 }).lean<FormVersionDoc>();
    return doc ? toVersion(doc) : undefined;
  }

  async getVersion(formId: string, version: number): Promise<FormVersion | undefined> {
    const doc = await this.model.findOne({ formId, version }).lean<FormVersionDoc>();
    return doc ? toVersion(doc) : undefined;
  }

  async versions(formId: string): Promise<FormVersionSummary[]> {
    const docs = await this.model.find({ formId }, SUMMARY).sort({ version: -1 }).lean<FormVersionDoc[]>();
    return docs.map(toSummary);
  }

  async listLatest(): Promise<FormVersionSummary[]> {
    // No $max accumulator on FerretDB 1.24: read the (small) summaries newest first, keep the first per form.
    const docs = await this.model.find({}, SUMMARY).sort({ formId: 1, version: -1 }).lean<FormVersionDoc[]>();
    const latest = new Map<string, FormVersionSummary>();
    for (const d of docs) if (!latest.has(d.formId)) latest.set(d.formId, toSummary(d));
    return [...latest.values()];
  }

  async append(v: FormVersion): Promise<void> {
    this.indexes ??= this.model.createIndexes();
    await this.indexes;
    try {
      await this.model.create({
        formId: v.formId, version: v.version, contentHash: v.contentHash, schemaJson: JSON.stringify(v.schema),
        title: formTitle(v.schema), deployedAt: v.deployedAt, deployedBy: v.deployedBy, source: v.source,
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError(`Version ${v.version} of form "${v.formId}" was deployed at the same time`, 'FORM_VERSION_TAKEN');
    }
  }
}
