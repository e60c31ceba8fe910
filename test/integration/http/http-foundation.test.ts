import { Router } from 'express';
import { pingOnce } from '../../../server/src/adapters/database/wait-for-ping';
import { ConflictError, ValidationError } from '../../../server/src/domain/errors';
import { createApp } from '../../../server/src/http/app';
import { listen, silentLogger } from '../../support/http-app';
import { testDbUri } from '../../support/test-db';

describe('HTTP foundation', () => {
  let base: string;
  let close: () => Promise<void>;
  const received: unknown[] = [];

  beforeAll(async () => {
    const echo = Router();
    echo.post('/', (req, res) => {
      received.push(req.body);
      res.status(201).json({ stored: req.body });
    });
    const failing = Router();
    failing.get('/conflict', () => {
      throw new ConflictError('Task already claimed by someone else');
    });
    failing.get('/invalid', () => {
      throw new ValidationError('Check the highlighted fields', { dob: 'must be a date' });
    });
    failing.get('/boom', () => {
      throw new Error('secret internal detail');
    });
    const app = createApp({
      logger: silentLogger,
      bodyLimit: '1kb',
      health: { isDatabaseReady: () => pingOnce(testDbUri()), databaseKind: 'ferretdb', version: 'test' },
      apiRouters: { '/echo': echo, '/fail': failing },
    });
    ({ url: base, close } = await listen(app));
  });
  afterAll(() => close());

  const post = (path: string, body: string) =>
    fetch(`${base}${path}`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it('GET /healthz says the process is up', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ok', version: 'test' });
  });

  it('GET /readyz says the database answers', async () => {
    const res = await fetch(`${base}/readyz`);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ status: 'ready', database: { kind: 'ferretdb', ready: true } });
  });

  it('GET /readyz is 503 when the database does not answer', async () => {
    const app = createApp({
      logger: silentLogger,
      bodyLimit: '1kb',
      health: { isDatabaseReady: () => pingOnce('mongodb://127.0.0.1:9/'), databaseKind: 'ferretdb', version: 'test' },
    });
    const s = await listen(app);
    const res = await fetch(`${s.url}/readyz`);
    await s.close();
    expect(res.status).toBe(503);
    expect((await res.json()).status).toBe('not-ready');
  });

  it('stamps every response with a request id, reusing a sane caller id', async () => {
    const mine = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'abc-123' } });
    expect(mine.headers.get('x-request-id')).toBe('abc-123');
    const minted = await fetch(`${base}/healthz`, { headers: { 'x-request-id': 'bad id with spaces' } });
    expect(minted.headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
  });

  it('accepts well-formed JSON', async () => {
    const res = await post('/api/echo', '{"name":"Sam"}');
    expect(res.status).toBe(201);
    expect(await res.json()).toEqual({ stored: { name: 'Sam' } });
  });

  it('answers malformed JSON with 400 and a message a person can act on', async () => {
    const before = received.length;
    const res = await post('/api/echo', '{"name": "Sam",');
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'MALFORMED_JSON', message: expect.stringMatching(/not valid JSON/) } });
    expect(received.length).toBe(before);
  });

  it('answers an oversized body with 413', async () => {
    const res = await post('/api/echo', JSON.stringify({ text: 'x'.repeat(2048) }));
    expect(res.status).toBe(413);
    const body = await res.json();
    expect(body.error.code).toBe('BODY_TOO_LARGE');
    expect(body.error.message).toMatch(/larger than the allowed 1024 bytes/);
  });

  it('refuses Mongo operators in the body, naming the key', async () => {
    const before = received.length;
    const res = await post('/api/echo', '{"filter":{"name":{"$gt":""}}}');
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('OPERATOR_NOT_ALLOWED');
    expect(body.errors).toEqual({ 'filter.name.$gt': expect.any(String) });
    expect(received.length).toBe(before);
  });

  it('answers unknown routes with 404 JSON, under /api and outside it', async () => {
    for (const path of ['/api/nothing-here', '/nothing.js']) {
      const res = await fetch(`${base}${path}`);
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('NOT_FOUND');
    }
  });

  it('maps domain errors to statuses with field errors as data', async () => {
    const conflict = await fetch(`${base}/api/fail/conflict`);
    expect(conflict.status).toBe(409);
    expect((await conflict.json()).error.message).toBe('Task already claimed by someone else');
    const invalid = await fetch(`${base}/api/fail/invalid`);
    expect(invalid.status).toBe(422);
    expect(await invalid.json()).toEqual({
      error: { code: 'VALIDATION_FAILED', message: 'Check the highlighted fields' },
      errors: { dob: 'must be a date' },
    });
  });

  it('hides internal error details behind a 500', async () => {
    const res = await fetch(`${base}/api/fail/boom`);
    expect(res.status).toBe(500);
    const text = await res.text();
    expect(text).not.toMatch(/secret/);
    expect(JSON.parse(text).error.code).toBe('INTERNAL');
  });

  it('sets security headers', async () => {
    const res = await fetch(`${base}/healthz`);
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toMatch(/script-src 'self'/);
    expect(res.headers.get('x-powered-by')).toBeNull();
  });
});
