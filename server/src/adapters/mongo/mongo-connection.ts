import mongoose, { type Connection } from 'mongoose';
import { requireAcknowledgedWrites } from './acknowledged-writes';

/** One connection per database name; never the mongoose global, so tests can run side by side. */
export async function connectMongo(uri: string, dbName: string): Promise<Connection> {
  // Before the first command: no write of this process may go out unacknowledged (acknowledged-writes.ts).
  requireAcknowledgedWrites();
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    // FerretDB 1.24 has no retryable writes (no replica set); MongoDB proper handles them itself.
    retryWrites: false,
    // The default for every write; a w: 0 asked for anyway is upgraded by the guard above.
    writeConcern: { w: 1 },
  });
  await conn.asPromise();
  return conn;
}
