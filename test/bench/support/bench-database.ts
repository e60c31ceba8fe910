// The database every benchmark runs on: MONGODB_URI, or one started the way the product starts it, with a
// fresh database name; close() drops it and stops the server (also on Ctrl-C, so none is left behind).
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Connection } from 'mongoose';
import { resolveDatabase } from '../../../server/src/adapters/database/resolve-database';
import { connectMongo } from '../../../server/src/adapters/mongo/mongo-connection';

export interface BenchDatabase {
  conn: Connection;
  kind: string;
  close(): Promise<void>;
}

export async function benchDatabase(name: string): Promise<BenchDatabase> {
  const rootDir = path.resolve(__dirname, '..', '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), `yjs-bench-${name}-`));
  const handle = await resolveDatabase({ mongodbUri: process.env.MONGODB_URI || undefined, dataDir, rootDir, ferretdbBin: process.env.FERRETDB_BIN || undefined });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => { void handle.close().finally(() => process.exit(130)); });
  }
  const conn = await connectMongo(handle.uri, `bench_${name}_${Date.now().toString(36)}`, { kind: handle.kind });
  return {
    conn,
    kind: handle.kind,
    async close() {
      await conn.dropDatabase().catch(() => undefined);
      await conn.close();
      await handle.close();
      fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
