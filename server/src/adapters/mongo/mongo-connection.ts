import mongoose, { type Connection } from 'mongoose';

/** One connection per database name; never the mongoose global, so tests can run side by side. */
export async function connectMongo(uri: string, dbName: string): Promise<Connection> {
  const conn = mongoose.createConnection(uri, {
    dbName,
    serverSelectionTimeoutMS: 5000,
    autoIndex: true,
    // FerretDB 1.24 has no retryable writes (no replica set); MongoDB proper handles them itself.
    retryWrites: false,
  });
  await conn.asPromise();
  return conn;
}
