// Consent records (collection consent_records) and restrictions of processing (case_restrictions, one
// document per case, _id = case id). Filters use plain string values only: the ids come from the edge.
import { Schema, type Connection, type Model } from 'mongoose';
import type { CaseRestriction } from '../../domain/consent/case-restriction';
import type { ConsentRecord, ConsentWithdrawal } from '../../domain/consent/consent-record';
import type { ConsentRepository } from '../../ports/consent-repository.port';

type RecordDoc = Omit<ConsentRecord, 'id'> & { _id: string };
type RestrictionDoc = Omit<CaseRestriction, 'caseId'> & { _id: string };

const recordSchema = new Schema<RecordDoc>(
  {
    _id: String, caseId: String, purpose: String, subject: String, basis: String, givenBy: String, givenOn: String,
    evidence: String, privacyNoticeVersion: String, recordedBy: String, recordedAt: String, withdrawal: Schema.Types.Mixed,
  },
  { collection: 'consent_records', versionKey: false, minimize: true },
);
recordSchema.index({ caseId: 1 });

const restrictionSchema = new Schema<RestrictionDoc>(
  { _id: String, active: Boolean, reason: String, setBy: String, setAt: String, liftedBy: String, liftedAt: String, liftReason: String },
  { collection: 'case_restrictions', versionKey: false },
);

const toRecord = ({ _id, ...r }: RecordDoc): ConsentRecord => ({ id: _id, ...r });

export class MongoConsentRepository implements ConsentRepository {
  readonly records: Model<RecordDoc>;
  readonly restrictions: Model<RestrictionDoc>;

  constructor(conn: Connection) {
    this.records = (conn.models.ConsentRecord as Model<RecordDoc>) ?? conn.model<RecordDoc>('ConsentRecord', recordSchema);
    this.restrictions = (conn.models.CaseRestriction as Model<RestrictionDoc>) ?? conn.model<RestrictionDoc>('CaseRestriction', restrictionSchema);
  }

  async init(): Promise<void> {
    await Promise.all([this.records.init(), this.restrictions.init()]);
  }

  async create(record: ConsentRecord): Promise<boolean> {
    const { id, ...rest } = record;
    const r = await this.records.updateOne({ _id: String(id) }, { $setOnInsert: rest }, { upsert: true });
    return r.upsertedCount > 0;
  }

  async listForCase(caseId: string): Promise<ConsentRecord[]> {
    const docs = await this.records.find({ caseId: String(caseId) }).sort({ recordedAt: 1, _id: 1 }).lean<RecordDoc[]>();
    return docs.map(toRecord);
  }

  async findById(id: string): Promise<ConsentRecord | undefined> {
    const doc = await this.records.findOne({ _id: String(id) }).lean<RecordDoc>();
    return doc ? toRecord(doc) : undefined;
  }

  async withdraw(id: string, withdrawal: ConsentWithdrawal): Promise<boolean> {
    // Conditional updates are not atomic on FerretDB 1.24: two withdrawals at once may both report true;
    // each then publishes the same message, which the processes treat as one (the work is already stopped).
    const r = await this.records.updateOne({ _id: String(id), withdrawal: { $exists: false } }, { $set: { withdrawal } });
    return r.modifiedCount > 0;
  }

  async restrictionOf(caseId: string): Promise<CaseRestriction | undefined> {
    const doc = await this.restrictions.findOne({ _id: String(caseId) }).lean<RestrictionDoc>();
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { caseId: _id, ...rest };
  }

  async saveRestriction(restriction: CaseRestriction): Promise<void> {
    const { caseId, ...rest } = restriction;
    await this.restrictions.replaceOne({ _id: String(caseId) }, rest, { upsert: true });
  }

  async eraseCase(caseId: string): Promise<void> {
    await Promise.all([this.records.deleteMany({ caseId: String(caseId) }), this.restrictions.deleteOne({ _id: String(caseId) })]);
  }
}
