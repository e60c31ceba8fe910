// The OpenAPI document built from the routes' zod schemas, and the reference page built from the same list.
import fs from 'node:fs';
import { JSDOM } from 'jsdom';
import { z } from 'zod';
import { API_RESOURCES } from '../../../server/src/http/openapi/api-resources';
import { buildOpenApi, fullPath, openApiPath } from '../../../server/src/http/openapi/build-openapi';
import { referencePage } from '../../../server/src/http/openapi/reference-page';

type Json = Record<string, any>;

describe('the OpenAPI document', () => {
  const doc = buildOpenApi('1.2.3') as Json;
  const op = (method: string, path: string): Json => doc.paths[path][method];

  it('is OpenAPI 3.1 with one operation per route, each with a summary, a unique id and who may call it', () => {
    expect(doc.openapi).toBe('3.1.0');
    expect(doc.info.version).toBe('1.2.3');
    const ids = new Set<string>();
    for (const r of API_RESOURCES) {
      for (const o of r.operations) {
        const found = op(o.method, openApiPath(fullPath(r, o)));
        expect(found.summary).toBe(o.summary);
        expect(found.description).toMatch(/^Who may call: /);
        expect(ids.has(found.operationId)).toBe(false);
        ids.add(found.operationId);
      }
    }
    expect(ids.size).toBeGreaterThan(100);
  });

  it("turns a route's body schema into JSON Schema that refuses unknown fields", () => {
    const body = op('post', '/api/cases').requestBody.content['application/json'].schema;
    expect(body.additionalProperties).toBe(false);
    expect(body.required).toEqual(expect.arrayContaining(['givenName', 'familyName', 'dateOfBirth', 'team']));
    expect(body.properties.dateOfBirth.pattern).toBe('^\\d{4}-\\d{2}-\\d{2}$');
  });

  it('lists path and query parameters, with defaults and limits from the query schema', () => {
    const params = op('get', '/api/tasks').parameters as Json[];
    const queue = params.find((p) => p.name === 'queue')!;
    expect(queue).toMatchObject({ in: 'query', required: false, schema: { default: 'mine' } });
    expect(queue.schema.enum).toContain('overdue');
    expect(params.find((p) => p.name === 'limit')!.schema).toMatchObject({ minimum: 1, maximum: 100 });
    const claim = op('post', '/api/tasks/{id}/claim');
    expect(claim.parameters).toEqual([{ name: 'id', in: 'path', required: true, schema: { type: 'string', minLength: 1 } }]);
  });

  it('names the permission, the error statuses, and marks the internal route', () => {
    const complete = op('post', '/api/tasks/{id}/complete');
    expect(complete['x-permission']).toBe('complete');
    expect(Object.keys(complete.responses)).toEqual(expect.arrayContaining(['200', '401', '403', '404', '409', '422']));
    expect(complete.responses['422'].content['application/json'].schema).toEqual({ $ref: '#/components/schemas/Error' });
    expect(op('post', '/internal/engine')['x-internal']).toBe(true);
    expect(op('get', '/healthz').security).toEqual([]);
  });

  it('refers typed responses to one shared schema each', () => {
    const ref = { $ref: '#/components/schemas/CaseRecord' };
    expect(op('get', '/api/cases/{id}').responses['200'].content['application/json'].schema).toEqual(ref);
    expect(op('post', '/api/cases').responses['201'].content['application/json'].schema).toEqual(ref);
    expect(doc.components.schemas.CaseRecord.required).toEqual(expect.arrayContaining(['id', 'sections', 'withheldSections']));
    expect(Object.keys(doc.components.schemas)).toEqual(expect.arrayContaining(['TaskQueuePage', 'TaskPage', 'Form', 'FormList', 'ProcessList', 'Session']));
  });

  it('resolves every $ref, and declares every {parameter} its path names', () => {
    const refs = [...JSON.stringify(doc).matchAll(/"\$ref":"#\/components\/schemas\/(\w+)"/g)].map((m) => m[1]);
    expect(refs.filter((name) => !doc.components.schemas[name])).toEqual([]);
    for (const [path, ops] of Object.entries(doc.paths as Record<string, Record<string, Json>>)) {
      const named = [...path.matchAll(/\{(\w+)\}/g)].map((m) => m[1]);
      for (const o of Object.values(ops)) {
        expect((o.parameters ?? []).filter((p: Json) => p.in === 'path').map((p: Json) => p.name)).toEqual(named);
      }
    }
  });

  it('refuses a list that names one route twice', () => {
    const twice = { tag: 'T', base: '/api/t', description: '', operations: [
      { method: 'get' as const, path: '/:id', summary: 'a', access: { signedIn: true as const } },
      { method: 'get' as const, path: '/:id', summary: 'b', access: { signedIn: true as const }, query: z.strictObject({}) },
    ] };
    expect(() => buildOpenApi('1', [twice])).toThrow('names GET /api/t/{id} twice');
  });
});

describe('the API reference page', () => {
  const html = referencePage(API_RESOURCES);

  it('lists every operation under its resource, escaped', () => {
    for (const r of API_RESOURCES) {
      expect(html).toContain(`<h2 id="`);
      for (const o of r.operations) expect(html).toContain(`<code>${fullPath(r, o)}</code>`);
    }
    expect(html).toContain('Find likely duplicates of a child');
    expect(html).toContain("Read a page of the case&#39;s chronology");
  });

  it('has no serious or critical accessibility problem (axe-core) and scales on a phone', async () => {
    expect(html).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    // axe runs inside the page's own window (jsdom), as in a browser; jsdom cannot compute colour contrast.
    const dom = new JSDOM(html, { runScripts: 'outside-only' });
    dom.window.eval(fs.readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8'));
    const run = (dom.window as unknown as { axe: typeof import('axe-core') }).axe.run;
    const results = await run(dom.window.document, { rules: { 'color-contrast': { enabled: false } } });
    expect(results.violations.filter((v) => v.impact === 'serious' || v.impact === 'critical').map((v) => v.id)).toEqual([]);
  });
});
