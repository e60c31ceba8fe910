// /readyz is not only a ping: it says 503 with the reason while the embedded database is being restarted (and
// the API answers 503 DATABASE_UNAVAILABLE then), and after a database failure that reached the app's error
// path — a ping kept saying ready for 14 minutes while every sign-in failed. A duplicate key (an expected
// answer, turned into 409 by repositories) is no failure. The real database and the product's wiring
// (database-lifecycle.ts) are used; the database handle's restart state is scripted.
import { Router } from 'express';
import type { AppConfig } from '../../../server/src/config/env.config';
import type { DatabaseStatus } from '../../../server/src/ports/database.port';
import { createApp } from '../../../server/src/http/app';
import { createDatabaseLifecycle } from '../../../server/src/main/database-lifecycle';
import { listen, silentLogger } from '../../support/http-app';
import { openTestDb, testDbUri } from '../../support/test-db';

describe('/readyz and the database', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let base: string;
  let close: () => Promise<void>;
  let status: DatabaseStatus = { state: 'up', restarts: 0 };
  const lifecycle = createDatabaseLifecycle({ EMBEDDED_DB_RESTARTS: 5 } as AppConfig, silentLogger, () => undefined);

  beforeAll(async () => {
    db = await openTestDb('readyz');
    await db.conn.collection('things').insertOne({ _id: 'one' as never });
    const routes = Router();
    routes.post('/duplicate', async (_req, res) => {
      // What a repository does with a duplicate key: an answer (409), not a failure.
      const inserted = await db.conn.collection('things').insertOne({ _id: 'one' as never }).then(() => true, () => false);
      res.status(inserted ? 201 : 409).json({});
    });
    routes.post('/bad-command', async () => {
      await db.conn.db!.command({ noSuchCommand: 1 }); // the database answers with an error: a failed command
    });
    routes.get('/fine', (_req, res) => {
      res.json({ ok: true });
    });
    lifecycle.attach(db.conn, async () => undefined);
    const app = createApp({
      logger: silentLogger,
      bodyLimit: '1kb',
      health: lifecycle.health({ uri: testDbUri(), kind: 'ferretdb', ping: async () => true, close: async () => undefined, status: () => status }, db.conn, 'test'),
      apiRouters: { '/t': routes },
    });
    ({ url: base, close } = await listen(app));
  });
  afterAll(async () => {
    lifecycle.detach();
    await close();
    await db.drop();
  });

  const readyz = async () => {
    const res = await fetch(`${base}/readyz`);
    return { status: res.status, body: await res.json() };
  };

  it('is ready when the database answers a ping over the app connection and nothing failed', async () => {
    expect(await readyz()).toEqual({ status: 200, body: { status: 'ready', database: { kind: 'ferretdb', ready: true } } });
    expect((await fetch(`${base}/api/t/duplicate`, { method: 'POST' })).status).toBe(409);
    expect((await readyz()).status).toBe(200); // a duplicate key is an answer, not a failure
  });

  it('answers 503 restarting, and the API 503 DATABASE_UNAVAILABLE, while the embedded database restarts', async () => {
    status = { state: 'restarting', restarts: 1, since: new Date().toISOString() };
    try {
      const r = await readyz();
      expect(r.status).toBe(503);
      expect(r.body).toMatchObject({ status: 'not-ready', reason: expect.stringMatching(/being restarted/), database: { ready: false, problem: { reason: 'restarting', restarts: 1 } } });
      const api = await fetch(`${base}/api/t/fine`);
      expect(api.status).toBe(503);
      expect(api.headers.get('retry-after')).toBe('5');
      expect(await api.json()).toEqual({ error: { code: 'DATABASE_UNAVAILABLE', message: expect.stringMatching(/Nothing was saved by this request/) } });
    } finally {
      status = { state: 'up', restarts: 1 };
    }
    expect((await fetch(`${base}/api/t/fine`)).status).toBe(200);
  });

  it('answers 503 recent-failures after a failed database command reached the error path', async () => {
    expect((await readyz()).status).toBe(200);
    expect((await fetch(`${base}/api/t/bad-command`, { method: 'POST' })).status).toBe(500);
    const r = await readyz();
    expect(r.status).toBe(503);
    expect(r.body).toMatchObject({ status: 'not-ready', database: { ready: false, problem: { reason: 'recent-failures', failures: 1 } } });
    expect(r.body.reason).toMatch(/1 database failure in the last 30 s, the last at .*: MongoServerError: /);
  });
});
