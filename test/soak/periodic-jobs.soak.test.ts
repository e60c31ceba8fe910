// The real product (server entry, its own embedded database) left running with every periodic job on a
// short interval — session clean-up and idle expiry, escalation sweep and delivery, engine timers and job
// polling (1 s), stale-outbox recovery (30 s), FerretDB checkpoints (1 s) — under light mixed traffic from
// six signed-in demo users for SOAK_SECONDS (default 200). Every reply is checked against what its request
// should return; a reply meant for another request (as w: 0 caused after 10 minutes) fails the test.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { MongoClient } from 'mongodb';
import { startServer, type ServerProcess } from '../support/server-process';
import { testDbUri } from '../support/test-db';
import { runSoakTraffic } from './support/soak-traffic';

const SOAK_SECONDS = Number(process.env.SOAK_SECONDS ?? 200);
const external = process.env.TEST_DB_KIND === 'external';

describe('soak: every periodic job, many times over, under traffic', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-soak-ci-'));
  let server: ServerProcess;
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it(`answers every request correctly for ${SOAK_SECONDS} s, with no 5xx and no error logged`, async () => {
    server = await startServer({
      DATA_DIR: dataDir, DB_NAME: `soak_${Date.now().toString(36)}`, LOG_LEVEL: 'warn', SESSION_SECRET: 'soak-secret-'.padEnd(40, 'x'),
      SESSION_IDLE_MINUTES: '1', SESSION_CLEANUP_MINUTES: '0.1', ESCALATION_SWEEP_MINUTES: '0.1',
      ...(external ? { MONGODB_URI: testDbUri() } : {}),
      ...(process.env.FERRETDB_BIN ? { FERRETDB_BIN: process.env.FERRETDB_BIN } : {}),
    }, 120_000);
    const report = await runSoakTraffic(server.url, Date.now() + SOAK_SECONDS * 1000, 1000, 1);

    expect(report.serverErrors).toEqual([]);
    expect(report.mismatches).toEqual([]);
    expect(server.output().split('\n').filter((l) => /"level":(50|60)/.test(l))).toEqual([]);
    // The traffic did what it claims: cases, completions, and a session that idled out and came back.
    expect(report.casesCreated).toBeGreaterThanOrEqual(4);
    expect(report.completions).toBeGreaterThanOrEqual(2);
    expect(report.reSignIns).toBe(1);
    expect(report.requests).toBeGreaterThan(300);

    // The idled session is gone from the database (the clean-up ran), not merely refused.
    const runtimeDir = fs.readdirSync(dataDir).find((d) => fs.existsSync(path.join(dataDir, d, 'runtime.json')));
    const uri = external ? testDbUri() : (JSON.parse(fs.readFileSync(path.join(dataDir, runtimeDir!, 'runtime.json'), 'utf8')) as { uri: string }).uri;
    const client = await MongoClient.connect(uri);
    try {
      const dbName = (await client.db().admin().listDatabases()).databases.map((d) => d.name).find((n) => n.startsWith('soak_'))!;
      const expired = await client.db(dbName).collection('sessions').countDocuments({ expires: { $lt: new Date(Date.now() - 30_000) } });
      expect(expired).toBe(0);
    } finally {
      await client.close();
    }
  }, (SOAK_SECONDS + 240) * 1000);
});
