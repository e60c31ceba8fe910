// Sharing agreements in MongoDB: the current version by `_id`, every version in `sharing_agreement_versions`
// (`<id>:<revision>`, a unique insert, so two admins saving at once cannot both write revision n+1: FerretDB's
// conditional updates are not atomic, unique inserts are).
import { Schema, type Connection, type Model } from 'mongoose';
import type { AgreementTerms, SharingAgreement } from '../../domain/sharing/sharing-agreement';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import { isDuplicateKeyError } from '../mongo/mongo-errors';
import { modelOf } from './model-of';

type AgreementDoc = Omit<SharingAgreement, 'id'> & { _id: string };
type VersionDoc = AgreementDoc & { agreementId: string };

const fields = {
  partner: String, recipientKind: String, purpose: String, sections: [String], lawfulBasis: String, startDate: String, endDate: String,
  reference: String, revision: Number, createdAt: String, createdBy: String, updatedAt: String, updatedBy: String,
};
const agreementSchema = new Schema<AgreementDoc>({ _id: String, ...fields }, { collection: 'sharing_agreements', versionKey: false });
const versionSchema = new Schema<VersionDoc>({ _id: String, agreementId: String, ...fields }, { collection: 'sharing_agreement_versions', versionKey: false });
versionSchema.index({ agreementId: 1, revision: -1 });

const toAgreement = ({ _id, ...rest }: AgreementDoc): SharingAgreement => {
  const a = { ...rest, id: _id } as SharingAgreement & { agreementId?: string };
  delete a.agreementId;
  if (a.reference == null) delete a.reference;
  return a;
};

export class MongoSharingAgreementRepository implements SharingAgreementRepository {
  private readonly model: Model<AgreementDoc>;
  private readonly versions: Model<VersionDoc>;

  constructor(conn: Connection) {
    this.model = modelOf(conn, 'SharingAgreement', agreementSchema);
    this.versions = modelOf(conn, 'SharingAgreementVersion', versionSchema);
  }

  async init(): Promise<void> {
    await Promise.all([this.model.init(), this.versions.init()]);
  }

  async create(a: SharingAgreement): Promise<void> {
    const { id, ...rest } = a;
    await this.versions.collection.insertOne({ ...rest, _id: `${id}:${a.revision}`, agreementId: id } as never);
    await this.model.collection.insertOne({ ...rest, _id: id } as never);
  }

  async replace(a: SharingAgreement, expectedRevision: number): Promise<boolean> {
    const { id, ...rest } = a;
    try {
      await this.versions.collection.insertOne({ ...rest, _id: `${id}:${a.revision}`, agreementId: id } as never);
    } catch (e) {
      if (isDuplicateKeyError(e)) return false; // someone else wrote this revision first
      throw e;
    }
    const current = await this.model.findById(id, { revision: 1 }).lean<{ revision: number }>();
    if (current && current.revision !== expectedRevision) return false;
    await this.model.replaceOne({ _id: id }, rest);
    return true;
  }

  async findById(id: string): Promise<SharingAgreement | undefined> {
    const d = await this.model.findById(id).lean<AgreementDoc>();
    return d ? toAgreement(d) : undefined;
  }

  async list(): Promise<SharingAgreement[]> {
    const docs = await this.model.find({}).sort({ createdAt: -1, _id: 1 }).limit(1000).lean<AgreementDoc[]>();
    return docs.map(toAgreement);
  }

  async history(id: string): Promise<(AgreementTerms & { revision: number; updatedAt: string; updatedBy: string })[]> {
    const docs = await this.versions.find({ agreementId: id }).sort({ revision: -1 }).limit(500).lean<VersionDoc[]>();
    return docs.map((d) => toAgreement(d));
  }
}
