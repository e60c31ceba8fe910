// Append-only versions of the retention schedule, as timescale.repository.ts does for timescales: no
// transactions on FerretDB, so a unique index on `version` is the optimistic lock — two data officers
// saving at once both try version N+1 and the second gets a ConflictError.
import { type Connection, type Model, Schema } from 'mongoose';
import { ConflictError } from '../../domain/errors';
import type { RetentionRule, RetentionSchedule } from '../../domain/retention';
import type { RetentionScheduleRepository, RetentionVersionSummary } from '../../ports/retention-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

const versionSchema = new Schema(
  {
    version: { type: Number, required: true, unique: true },
    rules: { type: [Schema.Types.Mixed], required: true },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    reason: { type: String, required: true },
    change: { type: Schema.Types.Mixed, required: false },
  },
  { collection: 'retention_schedule_versions', versionKey: false, minimize: false },
);

function toSchedule(doc: RetentionSchedule): RetentionSchedule {
  const { version, rules, createdAt, createdBy, reason, change } = doc;
  return { version, rules, createdAt, createdBy, reason, ...(change ? { change } : {}) };
}

export class MongoRetentionScheduleRepository implements RetentionScheduleRepository {
  private readonly model: Model<RetentionSchedule>;

  constructor(conn: Connection, private readonly options: { defaults: RetentionRule[]; now: () => Date }) {
    this.model = (conn.models.RetentionScheduleVersion as Model<RetentionSchedule>)
      ?? conn.model<RetentionSchedule>('RetentionScheduleVersion', versionSchema);
  }

  async current(): Promise<RetentionSchedule> {
    const latest = await this.model.findOne({}).sort({ version: -1 }).lean<RetentionSchedule>();
    if (latest) return toSchedule(latest);
    await this.seed();
    return this.current();
  }

  async getVersion(version: number): Promise<RetentionSchedule | undefined> {
    if (version === 1) await this.current();
    const doc = await this.model.findOne({ version }).lean<RetentionSchedule>();
    return doc ? toSchedule(doc) : undefined;
  }

  async history(): Promise<RetentionVersionSummary[]> {
    await this.current();
    const docs = await this.model.find({}, { rules: 0, _id: 0 }).sort({ version: -1 }).lean<RetentionSchedule[]>();
    return docs.map(({ version, createdAt, createdBy, reason, change }) => ({ version, createdAt, createdBy, reason, ...(change ? { change } : {}) }));
  }

  async append(next: RetentionSchedule): Promise<void> {
    await this.ensureIndexes();
    try {
      await this.model.create(next);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError('Someone else changed the retention schedule at the same time: reload and try again', 'RETENTION_VERSION_TAKEN');
    }
  }

  private async seed(): Promise<void> {
    await this.ensureIndexes();
    try {
      await this.model.create({
        version: 1, rules: this.options.defaults, createdAt: this.options.now().toISOString(), createdBy: 'system',
        reason: 'Defaults loaded from processes/retention-schedule.json',
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e; // another process seeded first
    }
  }

  private indexes?: Promise<unknown>;
  private ensureIndexes(): Promise<unknown> {
    this.indexes ??= this.model.createIndexes();
    return this.indexes;
  }
}
