import { randomBytes } from 'node:crypto';
import type { Connection } from 'mongoose';
import { connectMongo } from '../../server/src/adapters/mongo/mongo-connection';

export function testDbUri(): string {
  const uri = process.env.TEST_MONGODB_URI;
  if (!uri) throw new Error('TEST_MONGODB_URI is not set: run tests through `npm test` (jest globalSetup starts the database)');
  return uri;
}

export function freshDbName(prefix = 't'): string {
  return `${prefix}_${Date.now().toString(36)}_${randomBytes(3).toString('hex')}`;
}

/** A connection to a database nobody else uses; call drop() in afterAll. */
export async function openTestDb(prefix?: string): Promise<{ conn: Connection; dbName: string; drop(): Promise<void> }> {
  const dbName = freshDbName(prefix);
  const conn = await connectMongo(testDbUri(), dbName);
  return {
    conn,
    dbName,
    async drop() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}
