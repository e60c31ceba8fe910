// Legal holds, one document each. A lift is written once: the filter on `liftedAt` missing makes a second
// lift (two data officers at once) match nothing, so the first lift and its reason stand.
import { type Connection, type Model, Schema } from 'mongoose';
import type { LegalHold } from '../../domain/retention';
import type { LegalHoldRepository } from '../../ports/retention-repository.port';

type HoldDoc = Omit<LegalHold, 'id'> & { _id: string };

const holdSchema = new Schema<HoldDoc>(
  {
    _id: String, scope: String, caseId: String, person: Schema.Types.Mixed, personCaseId: String,
    reason: String, placedBy: String, since: String, until: String, liftedAt: String, liftedBy: String, liftReason: String,
  },
  { collection: 'legal_holds', versionKey: false },
);

const toHold = ({ _id, ...rest }: HoldDoc): LegalHold => {
  const hold: Record<string, unknown> = { id: _id };
  for (const [k, v] of Object.entries(rest)) if (v !== null && v !== undefined) hold[k] = v;
  return hold as unknown as LegalHold;
};

export class MongoLegalHoldRepository implements LegalHoldRepository {
  private readonly model: Model<HoldDoc>;

  constructor(conn: Connection) {
    this.model = (conn.models.LegalHold as Model<HoldDoc>) ?? conn.model<HoldDoc>('LegalHold', holdSchema);
  }

  async insert(hold: LegalHold): Promise<void> {
    const { id, ...rest } = hold;
    await this.model.create({ _id: id, ...rest });
  }

  async findById(id: string): Promise<LegalHold | undefined> {
    const doc = await this.model.findOne({ _id: id }).lean<HoldDoc>();
    return doc ? toHold(doc) : undefined;
  }

  async listUnlifted(): Promise<LegalHold[]> {
    const docs = await this.model.find({ liftedAt: { $exists: false } }).lean<HoldDoc[]>();
    return docs.map(toHold);
  }

  async listAll(limit: number): Promise<LegalHold[]> {
    const docs = await this.model.find({}).sort({ since: -1 }).limit(limit).lean<HoldDoc[]>();
    return docs.map(toHold);
  }

  /** A person hold's name key made by a newer normalisation rule (rekey-person-names.ts). */
  async rekeyPerson(id: string, from: string, to: string): Promise<boolean> {
    const r = await this.model.updateOne({ _id: id, 'person.nameKey': from }, { $set: { 'person.nameKey': to } });
    return r.modifiedCount === 1;
  }

  async lift(id: string, lift: { liftedAt: string; liftedBy: string; liftReason: string }): Promise<boolean> {
    const r = await this.model.updateOne({ _id: id, liftedAt: { $exists: false } }, { $set: lift });
    return r.modifiedCount === 1;
  }
}
