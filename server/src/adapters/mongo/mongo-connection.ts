import mongoose, { type Connection } from 'mongoose';
import type { DatabaseHandle } from '../../ports/database.port';
import { requireAcknowledgedWrites } from './acknowledged-writes';
import { failCommandsOnClosedConnections } from './closed-connection-guard';

/**
 * The driver's pool on the embedded FerretDB. FerretDB updates a document by reading it through one of its 100
 * pooled SQLite connections and writing it through a second while the read is open, so 100 updates at once
 * (the driver's default pool) take every connection for the reads and wait for ever on each other (a goroutine
 * dump of the hung database: 100 open result sets; docs/database.md). 40 commands in flight need at most 80.
 */
export const FERRETDB_POOL_SIZE = 40;

export interface ConnectOptions {
  /** Which database answers at `uri`: 'ferretdb' caps the pool (above); MongoDB keeps the driver's default. */
  kind?: DatabaseHandle['kind'];
}

/** One connection per database name; never the mongoose global, so tests can run side by side. */
export async function connectMongo(uri: string, dbName: string, opts: ConnectOptions = {}): Promise<Connection> {
  // Before the first command: no write of this process may go out unacknowledged (acknowledged-writes.ts).
  requireAcknowledgedWrites();
  // And no command waits for ever on a connection the database closed (the hang of issue 15).
  failCommandsOnClosedConnections();
  const conn = mongoose.createConnection(uri, {
    dbName,
    ...(opts.kind === 'ferretdb' ? { maxPoolSize: FERRETDB_POOL_SIZE } : {}),
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
