// What a client sending bad input gets back, on the real createApp: never a 500, always a 4xx whose
// message says what to change (deep nesting names the limit, prototype keys name the key, bad
// percent-escapes say so, schema errors name the field in plain English).
import { Router } from 'express';
import { z } from 'zod';
import { createApp } from '../../../server/src/http/app';
import { parseBody, parseQuery } from '../../../server/src/http/actor-request';
import { MAX_INPUT_DEPTH } from '../../../server/src/http/reject-operators.middleware';
import { listen, silentLogger } from '../../support/http-app';

describe('bad input at the HTTP edge', () => {
  let base: string;
  let close: () => Promise<void>;
  const reached: unknown[] = [];

  beforeAll(async () => {
    const things = Router();
    things.get('/:id', (req, res) => res.json({ id: req.params.id, query: parseQuery(z.strictObject({ limit: z.coerce.number().int().max(100).optional() }), req.query) }));
    things.post('/', (req, res) => {
      reached.push(req.body);
      res.status(201).json(parseBody(z.strictObject({ givenName: z.string().trim().min(1).max(5), dateOfBirth: z.string().regex(/^\d{4}-\d{2}-\d{2}$/, 'must be a date written YYYY-MM-DD'), tags: z.array(z.string()).max(2).optional() }), req.body));
    });
    const app = createApp({ logger: silentLogger, bodyLimit: '1mb', health: { isDatabaseReady: async () => true, databaseKind: 'external', version: 'test' }, apiRouters: { '/things': things } });
    ({ url: base, close } = await listen(app));
  });
  afterAll(() => close());

  const post = (body: string) => fetch(`${base}/api/things`, { method: 'POST', headers: { 'content-type': 'application/json' }, body });

  it.each([
    ['arrays', '['.repeat(20_000) + ']'.repeat(20_000)],
    ['objects', '{"a":'.repeat(20_000) + '1' + '}'.repeat(20_000)],
    ['a field', `{"givenName":"Sam","tags":${'['.repeat(100_000)}${']'.repeat(100_000)}}`],
  ])('refuses %s nested 20,000+ deep with 400 naming the limit, before any handler', async (_what, body) => {
    const before = reached.length;
    const res = await post(body);
    expect(res.status).toBe(400);
    expect(await res.json()).toEqual({ error: { code: 'NESTING_TOO_DEEP', message: expect.stringContaining(`more than ${MAX_INPUT_DEPTH} levels deep`) } });
    expect(reached.length).toBe(before);
  });

  it('lets nesting up to the limit through', async () => {
    let v: unknown = 'leaf';
    for (let i = 1; i < MAX_INPUT_DEPTH; i++) v = { a: v };
    const res = await post(JSON.stringify({ givenName: 'Sam', dateOfBirth: '2011-01-01', extra: v }));
    expect(res.status).toBe(422); // reached the schema, which names the unknown field
    expect((await res.json()).errors).toEqual({ extra: 'Not a field of this request' });
  });

  it.each(['%ff', '%', '%E0%A4%A', 'a%zzb'])('answers a bad percent-escape in a path (%s) with 400', async (param) => {
    const res = await fetch(`${base}/api/things/${param}`);
    expect(res.status).toBe(400);
    expect((await res.json()).error).toEqual({ code: 'BAD_PATH_ENCODING', message: expect.stringMatching(/invalid percent-escape/) });
  });

  it.each(['__proto__', 'constructor', 'toString', 'hasOwnProperty', 'valueOf'])('refuses the key %s anywhere in a body or query with 422 naming it', async (key) => {
    const before = reached.length;
    const res = await post(`{"givenName":"Sam","nested":[{"${key}":{"x":1}}]}`);
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.error.code).toBe('RESERVED_KEY');
    expect(body.error.message).toContain(`"${key}" is a reserved name`);
    expect(body.errors).toEqual({ [`nested[0].${key}`]: expect.stringContaining(key) });
    expect(reached.length).toBe(before);
    const q = await fetch(`${base}/api/things/1?${key}=1`);
    expect(q.status).toBe(422);
    expect((await q.json()).errors).toEqual({ [key]: expect.any(String) });
  });

  // BSON names are C strings: a migration's mapping {"a\u0000b": …} reached the audit write and answered 500.
  it('refuses a name holding the NUL character with 422 naming it, before any handler', async () => {
    const before = reached.length;
    const res = await post('{"givenName":"Sam","mapping":{"a\\u0000b":"c"}}');
    expect(res.status).toBe(422);
    expect(await res.json()).toMatchObject({ error: { code: 'NUL_IN_NAME' }, errors: { 'mapping.a\\u0000b': 'names may not contain the NUL character' } });
    expect(reached.length).toBe(before);
  });

  it('says what is wrong with each field in plain English, naming it', async () => {
    const res = await post(JSON.stringify({ givenName: '', dateOfBirth: 20110101, tags: ['a', 'b', 'c'], colour: 'red' }));
    expect(res.status).toBe(422);
    const body = await res.json();
    expect(body.errors).toEqual({
      givenName: 'Given name must not be empty',
      dateOfBirth: 'Date of birth must be text',
      tags: 'Tags must have at most 2 items',
      colour: 'Not a field of this request',
    });
    expect(body.error.message).toBe('The request needs correcting: Given name must not be empty; Date of birth must be text; Tags must have at most 2 items; "colour" is not a field of this request.');
    const missing = await (await post('{}')).json();
    expect(missing.errors).toEqual({ givenName: 'Given name is required', dateOfBirth: 'Date of birth is required' });
    const format = await (await post(JSON.stringify({ givenName: 'Sammy-Jo', dateOfBirth: 'soon' }))).json();
    expect(format.errors).toEqual({ givenName: 'Given name must be at most 5 characters long', dateOfBirth: 'Date of birth must be a date written YYYY-MM-DD' });
    const query = await fetch(`${base}/api/things/1?limit=500`);
    expect(query.status).toBe(400);
    expect((await query.json()).error.message).toBe('The query needs correcting: Limit must be at most 100.');
    expect(JSON.stringify([body, missing, format])).not.toMatch(/Too small|Too big|Invalid input|expected string/);
  });
});
