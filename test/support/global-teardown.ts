import fs from 'node:fs';

export default async function globalTeardown(): Promise<void> {
  const db = globalThis.__TEST_DB__;
  if (!db) return;
  await db.close();
  fs.rmSync(db.dataDir, { recursive: true, force: true });
}
