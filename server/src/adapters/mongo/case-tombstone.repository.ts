// Tombstones of erased cases: what reports and the audit still count once a case is gone. No personal
// data: the case reference, the retention rule, dates, the approver and the approval reference.
import type { Connection } from 'mongoose';
import type { CaseTombstone } from '../../domain/cases/case-tombstone';
import type { TombstoneRepository } from '../../ports/case-erasure.port';

type Doc = Omit<CaseTombstone, 'caseId'> & { _id: string };

export class MongoTombstoneRepository implements TombstoneRepository {
  constructor(private readonly conn: Connection) {}

  private get collection() {
    return this.conn.db!.collection<Doc>('case_tombstones');
  }

  async get(caseId: string): Promise<CaseTombstone | undefined> {
    const doc = await this.collection.findOne({ _id: String(caseId) });
    if (!doc) return undefined;
    const { _id, ...rest } = doc;
    return { caseId: _id, ...rest };
  }

  async save(tombstone: CaseTombstone): Promise<void> {
    const { caseId, ...rest } = tombstone;
    await this.collection.replaceOne({ _id: caseId }, rest, { upsert: true });
  }
}
