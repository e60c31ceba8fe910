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
  comment?: string;
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
    comment: { type: String },
  },
  { collection: 'form_versions', versionKey: false },
);
formVersionSchema.index({ formId: 1, version: 1 }, { unique: true });

const SUMMARY = { schemaJson: 0, _id: 0 };

function toSummary(d: FormVersionDoc): FormVersionSummary {
  const { formId, version, contentHash, title, deployedAt, deployedBy, source, comment } = d;
  return { formId, version, contentHash, title, deployedAt, deployedBy, source, ...(comment ? { comment } : {}) };
}

function toVersion(d: FormVersionDoc): FormVersion {
  const { title: _title, ...summary } = toSummary(d);
  return { ...summary, schema: JSON.parse(d.schemaJson) };
}

// Reads of form_versions scan the collection (whole definitions) on FerretDB, once or twice per task
// completion or task page. A stored version never changes, so versions are kept once read. "Latest" is
// kept only when this process is the one server on its database (`cacheLatest`): every deploy then
// appends through this repository, which drops it. Each repository keeps its own cache unless given one to
// share (the process has one repository; a test may pair two over one cache).
export class FormCache {
  readonly versions = new Map<string, FormVersion>();
  readonly latest = new Map<string, number>();
  /** Bumped by every append: a "latest" read that started before it must not be kept. */
  appends = 0;
}
const versionKey = (formId: string, version: number) => `${formId}@${version}`;
/** Callers get their own copy of the schema, so nothing they do can change what the next one reads. */
const copyOf = (v: FormVersion): FormVersion => structuredClone(v);

export class MongoFormRepository implements FormRepository {
  private readonly model: Model<FormVersionDoc>;
  private indexes?: Promise<unknown>;
  private readonly cache: FormCache;
  private readonly cacheLatest: boolean;

  constructor(conn: Connection, opts: { cacheLatest?: boolean; cache?: FormCache } = {}) {
    this.model = (conn.models.FormVersion as Model<FormVersionDoc>) ?? conn.model<FormVersionDoc>('FormVersion', formVersionSchema);
    this.cache = opts.cache ?? new FormCache();
    this.cacheLatest = opts.cacheLatest ?? false;
  }

  async latest(formId: string): Promise<FormVersion | undefined> {
    const known = this.cacheLatest ? this.cache.latest.get(formId) : undefined;
    const kept = known === undefined ? undefined : this.cache.versions.get(versionKey(formId, known));
    if (kept) return copyOf(kept);
    const appends = this.cache.appends;
    const doc = await this.model.findOne({ formId }).sort({ version: -1 }).lean<FormVersionDoc>();
    if (!doc) return undefined;
    const v = this.keep(toVersion(doc));
    if (this.cacheLatest && appends === this.cache.appends) this.cache.latest.set(formId, v.version);
    return copyOf(v);
  }

  async getVersion(formId: string, version: number): Promise<FormVersion | undefined> {
    const kept = this.cache.versions.get(versionKey(formId, version));
    if (kept) return copyOf(kept);
    const doc = await this.model.findOne({ formId, version }).lean<FormVersionDoc>();
    return doc ? copyOf(this.keep(toVersion(doc))) : undefined;
  }

  private keep(v: FormVersion): FormVersion {
    this.cache.versions.set(versionKey(v.formId, v.version), v);
    return v;
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

  /** How many deploys this process has made on this connection: a catalogue built from forms is stale once it moves. */
  deployCount(): number {
    return this.cache.appends;
  }

  async append(v: FormVersion): Promise<void> {
    this.indexes ??= this.model.createIndexes();
    await this.indexes;
    try {
      await this.model.create({
        formId: v.formId, version: v.version, contentHash: v.contentHash, schemaJson: JSON.stringify(v.schema),
        title: formTitle(v.schema), deployedAt: v.deployedAt, deployedBy: v.deployedBy, source: v.source,
        ...(v.comment ? { comment: v.comment } : {}),
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError(`Version ${v.version} of form "${v.formId}" was deployed at the same time`, 'FORM_VERSION_TAKEN');
    } finally {
      this.cache.appends++;
      this.cache.latest.delete(v.formId);
    }
  }
}
