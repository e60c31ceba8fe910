import mongoose, { type Connection } from 'mongoose';
import { requireAcknowledgedWrites } from './acknowledged-writes';

/** One connection per database name; never the mongoose global, so tests can run side by side. */
export async function connectMongo(uri: string, dbName: string): Promise<Connection> {
  // Before the first command: no write of this process may go out unacknowledged (acknowledged-writes.ts).
  requireAcknowledgedWrites();
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // No reply for 60 s on a connection: give it up (the driver closes it) instead of waiting for ever. Seen once in
    // five runs of the database-restart test: after the embedded database was killed, a connection to the dead
    // server took a write ("This socket has been ended by the other party") and the next ones on it never got a
    // reply, so one session's requests hung until shutdown. The slowest legitimate command here takes seconds.
    socketTimeoutMS: 60000,
    autoIndex: true,
    // FerretDB 1.24 has no retryable writes (no replica set); MongoDB proper handles them itself.
    retryWrites: false,
    // The default for every write; a w: 0 asked for anyway is upgraded by the guard above.
    writeConcern: { w: 1 },
  });
  await conn.asPromise();
  return conn;
}
