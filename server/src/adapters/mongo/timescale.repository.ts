// Append-only versions in one collection. No transactions on FerretDB: a unique index on `version` is the
// optimistic lock — two managers saving at once both try version N+1 and the second gets a ConflictError.
import { type Connection, type Model, Schema } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { Timescale, TimescaleSet } from '../../domain/timescales';
import type { TimescaleRepository, TimescaleVersionSummary } from '../../ports/timescale-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

const changeSchema = new Schema(
  {
    timescaleId: { type: String, required: true },
    before: { value: Number, unit: String },
    after: { value: Number, unit: String },
  },
  { _id: false },
);

const versionSchema = new Schema(
  {
    version: { type: Number, required: true, unique: true },
    timescales: { type: [Schema.Types.Mixed], required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    reason: { type: String, required: true },
    change: { type: changeSchema, required: false },
  },
  { collection: 'timescale_versions', versionKey: false, minimize: false },
);

type VersionDoc = TimescaleSet;

function toSet(doc: VersionDoc): TimescaleSet {
  const { version, timescales, createdAt, createdBy, reason, change } = doc;
  return { version, timescales, createdAt, createdBy, reason, ...(change ? { change } : {}) };
}

export interface TimescaleRepositoryOptions {
  defaults: Timescale[];
  /** When version 1 was loaded, for the history; defaults to now. */
  now?: () => Date;
}

export class MongoTimescaleRepository implements TimescaleRepository {
  private readonly model: Model<VersionDoc>;

  constructor(conn: Connection, private readonly options: TimescaleRepositoryOptions) {
    this.model = (conn.models.TimescaleVersion as Model<VersionDoc>) ?? conn.model<VersionDoc>('TimescaleVersion', versionSchema);
  }

  async current(): Promise<TimescaleSet> {
    const latest = await this.model.findOne({}).sort({ version: -1 }).lean<VersionDoc>();
    if (latest) return toSet(latest);
    await this.seed();
    return this.current();
  }

  async getVersion(version: number): Promise<TimescaleSet | undefined> {
    if (version === 1) await this.current(); // version 1 exists once anyone asks for it
    const doc = await this.model.findOne({ version }).lean<VersionDoc>();
    return doc ? toSet(doc) : undefined;
  }

  async history(timescaleId?: string): Promise<TimescaleVersionSummary[]> {
    await this.current();
    const filter = timescaleId ? { $or: [{ version: 1 }, { 'change.timescaleId': timescaleId }] } : {};
    const docs = await this.model.find(filter, { timescales: 0, _id: 0 }).sort({ version: -1 }).lean<VersionDoc[]>();
    return docs.map(({ version, createdAt, createdBy, reason, change }) => ({
      version, createdAt, createdBy, reason, ...(change ? { change } : {}),
    }));
  }

  async append(next: TimescaleSet): Promise<void> {
    await this.ensureIndexes();
    try {
      await this.model.create(next);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError('Someone else changed the timescales at the same time: reload and try again', 'TIMESCALE_VERSION_TAKEN');
    }
  }

  private async seed(): Promise<void> {
    await this.ensureIndexes();
    const at = (this.options.now ?? (() => new Date()))();
    try {
      await this.model.create({
        version: 1,
        timescales: this.options.defaults,
        createdAt: at.toISOString(),
        createdBy: 'system',
        reason: 'Defaults loaded from processes/timescales.json',
      });
    } catch (e) {
      // Another process seeded first: the unique index makes seeding happen once.
      if (!isDuplicateKeyError(e)) throw e;
    }
  }

  private indexes?: Promise<unknown>;
  private ensureIndexes(): Promise<unknown> {
    this.indexes ??= this.model.createIndexes();
    return this.indexes;
  }
}
