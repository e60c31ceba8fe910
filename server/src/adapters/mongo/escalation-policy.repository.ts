// Append-only policy versions, as timescale.repository.ts: a unique index on `version` is the optimistic
// lock (no transactions on FerretDB), and version 1 — the shipped defaults — is seeded on first read.
import { type Connection, type Model, Schema } from 'mongoose';
import { DEFAULT_ESCALATION_POLICY, type EscalationPolicyVersion } from '../../domain/escalation';
import { ConflictError } from '../../domain/errors';
import type { EscalationPolicyRepository } from '../../ports/escalation-policy-repository.port';
import { isDuplicateKeyError } from './mongo-errors';

const schema = new Schema(
  {
    version: { type: Number, required: true, unique: true },
    defaults: { type: Schema.Types.Mixed, required: true },
    overrides: { type: [Schema.Types.Mixed], default: [] },
    createdAt: { type: String, required: true },
    createdBy: { type: String, required: true },
    reason: { type: String, required: true },
  },
  { collection: 'escalation_policy_versions', versionKey: false, minimize: false },
);

const toVersion = ({ version, defaults, overrides, createdAt, createdBy, reason }: EscalationPolicyVersion): EscalationPolicyVersion =>
  ({ version, defaults, overrides: overrides ?? [], createdAt, createdBy, reason });

export class MongoEscalationPolicyRepository implements EscalationPolicyRepository {
  private readonly model: Model<EscalationPolicyVersion>;
  private indexes?: Promise<unknown>;

  constructor(conn: Connection, private readonly now: () => Date = () => new Date()) {
    this.model = (conn.models.EscalationPolicyVersion as Model<EscalationPolicyVersion>) ??
      conn.model<EscalationPolicyVersion>('EscalationPolicyVersion', schema);
  }

  async current(): Promise<EscalationPolicyVersion> {
    const latest = await this.model.findOne({}).sort({ version: -1 }).lean<EscalationPolicyVersion>();
    if (latest) return toVersion(latest);
    await this.seed();
    return this.current();
  }

  async history(): Promise<EscalationPolicyVersion[]> {
    await this.current();
    const docs = await this.model.find({}).sort({ version: -1 }).lean<EscalationPolicyVersion[]>();
    return docs.map(toVersion);
  }

  async append(next: EscalationPolicyVersion): Promise<void> {
    await this.ensureIndexes();
    try {
      await this.model.create(next);
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e;
      throw new ConflictError('Someone else changed the escalation policy at the same time: reload and try again', 'POLICY_VERSION_TAKEN');
    }
  }

  private async seed(): Promise<void> {
    await this.ensureIndexes();
    try {
      await this.model.create({
        ...DEFAULT_ESCALATION_POLICY,
        version: 1,
        createdAt: this.now().toISOString(),
        createdBy: 'system',
        reason: 'Defaults: reminder 2 WD before due (taskReminder), escalation 2 WD after (overdueEscalation), second level 3 WD later',
      });
    } catch (e) {
      if (!isDuplicateKeyError(e)) throw e; // another process seeded first
    }
  }

  private ensureIndexes(): Promise<unknown> {
    this.indexes ??= this.model.createIndexes();
    return this.indexes;
  }
}
