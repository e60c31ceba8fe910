// Data written while one server runs is there after a full stop (server + its database child)
// and a new start on the same DATA_DIR.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { findFreePort } from '../../../server/src/adapters/database/find-free-port';
import { runServer, startServer } from '../../support/server-process';
import { freshDbName, testDbUri } from '../../support/test-db';

const isAlive = (pid: number) => {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
};

describe('restart keeps data', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-restart-'));
  // With an external MONGODB_URI the server owns no child; the test then proves the data survives
  // a server restart in a fresh database name on that server.
  const external = process.env.TEST_DB_KIND === 'external';
  const env = { DATA_DIR: dataDir, DB_NAME: freshDbName('restart'), ...(external ? { MONGODB_URI: testDbUri() } : {}) };
  afterAll(() => fs.rmSync(dataDir, { recursive: true, force: true }));

  const runtime = () => {
    const dir = fs.readdirSync(dataDir).find((d) => fs.existsSync(path.join(dataDir, d, 'runtime.json')));
    if (!dir) return undefined;
    return JSON.parse(fs.readFileSync(path.join(dataDir, dir, 'runtime.json'), 'utf8')) as { pid: number; uri: string };
  };

  it('reads back after stop and start, and stops its database child on SIGTERM', async () => {
    const first = await startServer(env);
    const firstDb = runtime();
    const uri = external ? testDbUri() : firstDb!.uri;
    const client = await MongoClient.connect(uri);
    await client.db(env.DB_NAME).collection('notes').insertOne({ _id: 'n1' as never, text: 'written before restart' });
    await client.close();

    expect(await first.stop('SIGTERM')).toBe(0);
    if (!external) {
      expect(isAlive(firstDb!.pid)).toBe(false);
      expect(runtime()).toBeUndefined(); // removed on clean shutdown
    }

    const second = await startServer(env);
    try {
      if (!external) {
        // A second server on the same DATA_DIR must refuse rather than take the database away.
        const intruder = runServer({ ...env, PORT: String(await findFreePort()) });
        expect(await intruder.exited).toBe(1);
        expect(intruder.output()).toMatch(/another server \(pid \d+\) is already using the database/);
      }
      const ready = await (await fetch(`${second.url}/readyz`)).json();
      expect(ready.status).toBe('ready');
      const again = await MongoClient.connect(external ? testDbUri() : runtime()!.uri);
      const doc = await again.db(env.DB_NAME).collection('notes').findOne({ _id: 'n1' as never });
      await again.db(env.DB_NAME).dropDatabase();
      await again.close();
      expect(doc?.text).toBe('written before restart');
    } finally {
      expect(await second.stop('SIGINT')).toBe(0);
    }
  }, 120000);
});
