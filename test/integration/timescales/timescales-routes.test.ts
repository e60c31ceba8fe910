// The router over a real database, mounted with the lead's error middleware as the app will mount it.
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import express from 'express';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseTimescaleDefaults } from '../../../server/src/adapters/files/timescale-defaults.loader';
import { MongoTimescaleRepository } from '../../../server/src/adapters/mongo/timescale.repository';
import { errorMiddleware } from '../../../server/src/http/error.middleware';
import { createTimescalesRouter } from '../../../server/src/http/timescales.routes';
import { openTestDb } from '../../support/test-db';

const defaults = parseTimescaleDefaults(readFileSync(path.resolve(__dirname, '../../../processes/timescales.json'), 'utf8'));

describe('timescales routes', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let server: Server;
  let base: string;

  beforeAll(async () => {
    db = await openTestDb('tsroutes');
    const app = express();
    app.use(express.json());
    const users: Record<string, { id: string; roles: string[] }> = {
      manager: { id: 'manager', roles: ['team-managers'] },
      worker: { id: 'worker', roles: ['case-managers'] },
    };
    app.use('/api/timescales', createTimescalesRouter({
      timescales: new MongoTimescaleRepository(db.conn, { defaults }),
      clock: { now: () => new Date('2026-11-24T10:00:00Z') },
      currentUser: (req) => users[req.header('x-test-user') ?? ''],
    }));
    app.use(errorMiddleware);
    server = app.listen(0, '127.0.0.1');
    await new Promise((r) => server.once('listening', r));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}/api/timescales`;
  });
  afterAll(async () => {
    await new Promise((r) => server.close(r));
    await db.drop();
  });

  const call = (user: string | undefined, p: string, init: RequestInit = {}) =>
    fetch(base + p, { ...init, headers: { 'content-type': 'application/json', ...(user ? { 'x-test-user': user } : {}) } });

  it('GET / returns the current version to any signed-in user; 401 without one', async () => {
    expect((await call(undefined, '/')).status).toBe(401);
    const res = await call('worker', '/');
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.version).toBe(1);
    expect(body.timescales.find((t: { id: string }) => t.id === 'victimRjInformation')).toMatchObject({ value: 5, unit: 'workingDays' });
  });

  it('PUT /:id by a manager creates a new version; history shows it', async () => {
    const res = await call('manager', '/victimRjInformation', {
      method: 'PUT', body: JSON.stringify({ value: 4, unit: 'workingDays', reason: 'Local victim service agreement' }),
    });
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ version: 2, change: { timescaleId: 'victimRjInformation' } });
    const history = await (await call('worker', '/history?timescaleId=victimRjInformation')).json();
    expect(history.items.map((h: { version: number }) => h.version)).toEqual([2, 1]);
    expect((await (await call('worker', '/versions/1')).json()).version).toBe(1);
  });

  it('answers 422 with field errors, 403 for non-managers, 404 for unknown ids', async () => {
    const bad = await call('manager', '/victimRjInformation', { method: 'PUT', body: JSON.stringify({ value: -1, unit: 'x' }) });
    expect(bad.status).toBe(422);
    expect(Object.keys((await bad.json()).errors).sort()).toEqual(['reason', 'unit', 'value']);
    const forbidden = await call('worker', '/victimRjInformation', { method: 'PUT', body: JSON.stringify({ value: 3, unit: 'workingDays', reason: 'r' }) });
    expect(forbidden.status).toBe(403);
    expect((await call('manager', '/nope', { method: 'PUT', body: JSON.stringify({ value: 3, unit: 'workingDays', reason: 'r' }) })).status).toBe(404);
    expect((await call('worker', '/versions/99')).status).toBe(404);
  });
});
