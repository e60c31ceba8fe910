import mongoose, { type Connection } from 'mongoose';
import { requireAcknowledgedWrites } from './acknowledged-writes';
import { failCommandsOnClosedConnections } from './closed-connection-guard';

/** One connection per database name; never the mongoose global, so tests can run side by side. */
export async function connectMongo(uri: string, dbName: string): Promise<Connection> {
  // Before the first command: no write of this process may go out unacknowledged (acknowledged-writes.ts).
  requireAcknowledgedWrites();
  // And no command waits for ever on a connection the database closed (the hang of issue 15).
  failCommandsOnClosedConnections();
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    // No reply for 60 s on an open connection: give it up (the driver closes it). This does not cover a command
    // on a connection that closed under it — the driver's timeout handler does nothing for a closed connection —
    // which is what hung requests after the embedded database was killed: closed-connection-guard.ts.
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
