// The engine lease in MongoDB / FerretDB: one small row per epoch, `_id` = `engine:<epoch>`. Taking an epoch
// is an insert (atomic on both databases); only the holder ever updates its own row, by `_id` alone.
import type { Collection, Connection } from 'mongoose';
import type { EngineLeaseStore, LeaseRecord } from '../../../ports/engine-lease.port';
import { isDuplicateKeyError } from '../../mongo/mongo-errors';

interface LeaseRow extends LeaseRecord { _id: string }

const idOf = (epoch: number) => `engine:${epoch}`;

export class MongoEngineLeaseStore implements EngineLeaseStore {
  private readonly rows: Collection<LeaseRow>;

  constructor(conn: Connection, collection = 'engine_lease') {
    this.rows = conn.collection<LeaseRow>(collection);
  }

  async latest(): Promise<LeaseRecord | undefined> {
    // A filter other than `_id` scans on FerretDB: fine here, prune() keeps the collection to a few rows.
    const [row] = await this.rows.find({}).sort({ epoch: -1 }).limit(1).toArray();
    return row ? strip(row) : undefined;
  }

  async claim(record: LeaseRecord): Promise<boolean> {
    try {
      await this.rows.insertOne({ _id: idOf(record.epoch), ...record });
      return true;
    } catch (e) {
      if (isDuplicateKeyError(e)) return false;
      throw e;
    }
  }

  async exists(epoch: number): Promise<boolean> {
    return (await this.rows.findOne({ _id: idOf(epoch) }, { projection: { _id: 1 } })) !== null;
  }

  async extend(epoch: number, expiresAt: Date): Promise<void> {
    await this.rows.updateOne({ _id: idOf(epoch) }, { $set: { expiresAt } });
  }

  async prune(below: number): Promise<void> {
    const ids = Array.from({ length: Math.min(below - 1, 16) }, (_, i) => idOf(below - 1 - i));
    await this.rows.deleteMany({ _id: { $in: ids } });
  }
}

function strip(row: LeaseRow): LeaseRecord {
  return { epoch: row.epoch, holder: row.holder, address: row.address, acquiredAt: row.acquiredAt, expiresAt: row.expiresAt };
}
