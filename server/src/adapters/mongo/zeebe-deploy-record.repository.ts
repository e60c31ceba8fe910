// What this service deployed to Camunda 8, one document per deployed version keyed by the cluster's key
// (ports/zeebe-deploy-records.port.ts). Small (a few documents per process version) and read whole by the
// Zeebe adapter, which caches it; a key already recorded keeps its first record.
import type { Connection } from 'mongoose';
import type { ZeebeDeployRecord, ZeebeDeployRecords } from '../../ports/zeebe-deploy-records.port';
import { isDuplicateKeyError } from './mongo-errors';

type Doc = Omit<ZeebeDeployRecord, 'key'> & { _id: string };

export class MongoZeebeDeployRecords implements ZeebeDeployRecords {
  constructor(private readonly conn: Connection) {}

  private get collection() {
    return this.conn.db!.collection<Doc>('zeebe_deployments');
  }

  async all(): Promise<ZeebeDeployRecord[]> {
    const docs = await this.collection.find({}).toArray();
    return docs.map(({ _id, ...rest }) => ({ key: _id, ...rest }));
  }

  async add(records: ZeebeDeployRecord[]): Promise<void> {
    for (const { key, ...rest } of records) {
      // One insert each: a unique insert is atomic on FerretDB 1.24 too, so two servers cannot both record a key.
      const defined = Object.fromEntries(Object.entries(rest).filter(([, v]) => v !== undefined)) as Omit<Doc, '_id'>;
      await this.collection.insertOne({ _id: key, ...defined }).catch((e) => { if (!isDuplicateKeyError(e)) throw e; });
    }
  }
}
