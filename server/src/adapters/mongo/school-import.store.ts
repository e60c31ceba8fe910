// Schools' data imports (issue 22): `school_imports` (who sent which school's file, unmatched rows as
// numbers and reasons only), `school_proposals` (one document per proposed change, decided in place) and
// `school_upns` (the case held under a UPN, by _id). The review list filters proposals by status: FerretDB
// decodes the collection for that, which stays small because decided proposals are few per child.
import type { Collection } from 'mongodb';
import type { Connection } from 'mongoose';
import type { ProposalStatus, SchoolProposal } from '../../domain/schools/school-proposal';
import type { SchoolImport, SchoolImportStore } from '../../ports/school-import-store.port';

type ProposalDoc = Omit<SchoolProposal, 'id'> & { _id: string };
type ImportDoc = Omit<SchoolImport, 'id'> & { _id: string };
interface UpnDoc { _id: string; caseId: string }

const fromDoc = ({ _id, ...rest }: ProposalDoc): SchoolProposal => ({ id: _id, ...rest });

export class MongoSchoolImportStore implements SchoolImportStore {
  private readonly imports: Collection<ImportDoc>;
  private readonly proposals: Collection<ProposalDoc>;
  private readonly upns: Collection<UpnDoc>;

  constructor(conn: Connection) {
    this.imports = conn.collection<ImportDoc>('school_imports') as unknown as Collection<ImportDoc>;
    this.proposals = conn.collection<ProposalDoc>('school_proposals') as unknown as Collection<ProposalDoc>;
    this.upns = conn.collection<UpnDoc>('school_upns') as unknown as Collection<UpnDoc>;
  }

  async init(): Promise<void> {
    await this.proposals.createIndex({ status: 1, createdAt: -1 });
    await this.proposals.createIndex({ caseId: 1 });
  }

  async save(record: SchoolImport, proposals: SchoolProposal[]): Promise<void> {
    const { id, ...rest } = record;
    if (proposals.length) await this.proposals.insertMany(proposals.map(({ id: pid, ...p }) => ({ _id: pid, ...p })), { ordered: true });
    await this.imports.insertOne({ _id: id, ...rest });
  }

  async proposal(id: string): Promise<SchoolProposal | undefined> {
    const doc = await this.proposals.findOne({ _id: String(id) });
    return doc ? fromDoc(doc) : undefined;
  }

  async pendingOf(caseIds: readonly string[]): Promise<SchoolProposal[]> {
    if (!caseIds.length) return [];
    return (await this.proposals.find({ caseId: { $in: caseIds.map(String) }, status: 'pending' }).toArray()).map(fromDoc);
  }

  async withStatus(status: ProposalStatus, limit: number): Promise<SchoolProposal[]> {
    return (await this.proposals.find({ status }).sort({ createdAt: -1, _id: 1 }).limit(limit).toArray()).map(fromDoc);
  }

  async decide(id: string, to: Exclude<ProposalStatus, 'pending'>, by: string, at: string, reason?: string): Promise<boolean> {
    const r = await this.proposals.updateOne({ _id: String(id), status: 'pending' }, { $set: { status: to, decidedBy: by, decidedAt: at, ...(reason ? { reason } : {}) } });
    return r.modifiedCount === 1;
  }

  async reopen(id: string): Promise<void> {
    await this.proposals.updateOne({ _id: String(id) }, { $set: { status: 'pending' }, $unset: { decidedBy: '', decidedAt: '', reason: '' } });
  }

  async caseOfUpn(upn: string): Promise<string | undefined> {
    return (await this.upns.findOne({ _id: String(upn) }))?.caseId;
  }

  async holdUpn(upn: string, caseId: string): Promise<void> {
    await this.upns.replaceOne({ _id: String(upn) }, { caseId }, { upsert: true });
  }

  async eraseOfCase(caseId: string): Promise<number> {
    const r = await this.proposals.deleteMany({ caseId: String(caseId) });
    await this.upns.deleteMany({ caseId: String(caseId) });
    return r.deletedCount;
  }
}
