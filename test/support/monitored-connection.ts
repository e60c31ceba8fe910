// A connection to a fresh test database that reports every command it sends, for tests that check which
// commands (and which filters) a path sends: on FerretDB a filter other than exactly {_id} decodes every row.
import mongoose, { type Connection } from 'mongoose';
import type { CommandStartedEvent } from 'mongodb';
import { freshDbName, testDbUri } from './test-db';

export async function monitoredConnection(prefix: string, onCommand: (e: CommandStartedEvent) => void): Promise<{ conn: Connection; close(): Promise<void> }> {
  const conn = mongoose.createConnection(testDbUri(), { dbName: freshDbName(prefix), monitorCommands: true, retryWrites: false });
  await conn.asPromise();
  conn.getClient().on('commandStarted', onCommand);
  return {
    conn,
    async close() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
    },
  };
}

/** The keys of a command's filter (find, update, delete, findAndModify), joined by commas. */
export const filterKeys = (e: CommandStartedEvent): string =>
  Object.keys(e.command.updates?.[0]?.q ?? e.command.deletes?.[0]?.q ?? e.command.query ?? e.command.filter ?? {}).join(',');
