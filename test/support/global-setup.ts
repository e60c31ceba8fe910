// Starts one MongoDB-protocol server for the whole run (same resolution as the product); each test
// file then works in its own freshly named database (see test-db.ts) and drops it afterwards.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { resolveDatabase } from '../../server/src/adapters/database/resolve-database';

declare global {
  var __TEST_DB__: { close(): Promise<void>; dataDir: string } | undefined;
}

export default async function globalSetup(): Promise<void> {
  const rootDir = path.resolve(__dirname, '..', '..');
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-test-db-'));
  const handle = await resolveDatabase({
    mongodbUri: process.env.MONGODB_URI || undefined,
    dataDir,
    rootDir,
    ferretdbBin: process.env.FERRETDB_BIN || undefined,
    onUnexpectedExit: (code, signal, tail) => {
      process.stderr.write(`\nTest database exited unexpectedly (code ${code}, signal ${signal})\n${tail}\n`);
    },
  });
  process.env.TEST_MONGODB_URI = handle.uri;
  process.env.TEST_DB_KIND = handle.kind;
  process.env.TEST_DB_DATA_DIR = dataDir;
  globalThis.__TEST_DB__ = { close: () => handle.close(), dataDir };
  process.stdout.write(`\n[test] database: ${handle.kind} at ${handle.uri}\n`);
}
