// A contract fake of the Camunda 8.8 Orchestration Cluster REST API on loopback. Every request is checked
// against the operation's request schema as @camunda8/sdk ships it (protocol-schemas.ts): wrong types,
// missing required fields and unknown fields are a 400 ProblemDetail, and the test fails on the first one
// (`violations`). Every answer is checked against the operation's response schema before it is sent, unknown
// fields included. Behaviour is delegated to an embedded engine: only the protocol is faked (docs/zeebe.md).
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { ConflictError, NotFoundError, ValidationError } from '../../../server/src/domain/errors';
import type { WorkflowEngine } from '../../../server/src/ports/workflow-engine.port';
import { FakeJobs } from './fake-jobs';
import { FakeKeys } from './fake-keys';
import { protocolSchemas, unknownProperties } from './protocol-schemas';
import { ROUTES, type FakeContext, type Route } from './fake-routes';

export class FakeHttpError extends Error {
  constructor(readonly status: number, readonly title: string, detail: string) { super(detail); }
}

export interface ZeebeFake {
  url: string;
  jobs: FakeJobs;
  /** Requests that broke the protocol (the adapter's fault) or answers that would have (the fake's). */
  violations: string[];
  /** operationId → calls, for the report of what the adapter used. */
  calls: Map<string, number>;
  /** The latest version of each form the cluster holds, by form id. */
  forms: ReadonlyMap<string, { version: number; content: string }>;
  close(): Promise<void>;
}

export async function startZeebeFake(inner: WorkflowEngine): Promise<ZeebeFake> {
  const schemas = protocolSchemas();
  const ctx: FakeContext = { inner, keys: new FakeKeys(), jobs: new FakeJobs(inner), forms: new Map() };
  const violations: string[] = [];
  const calls = new Map<string, number>();
  const server = http.createServer((req, res) => {
    void handle(req, res).catch((e) => {
      violations.push(`fake failed on ${req.method} ${req.url}: ${e?.stack ?? e}`);
      send(res, 500, problem(500, 'Internal error', String(e?.message ?? e)));
    });
  });

  async function handle(req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
    const url = new URL(req.url ?? '/', 'http://fake');
    const raw = Buffer.concat(await collect(req));
    const match = matchRoute(req.method ?? 'GET', url.pathname);
    if (!match) {
      violations.push(`${req.method} ${url.pathname}: no such operation in the 8.8 API (or not faked)`);
      return send(res, 404, problem(404, 'Not found', `no operation ${req.method} ${url.pathname}`));
    }
    const { route, params } = match;
    calls.set(route.op, (calls.get(route.op) ?? 0) + 1);
    const body = await parseBody(req, raw, url);
    const data = { ...(body !== undefined ? { body } : {}), ...(Object.keys(params).length ? { path: params } : {}) };
    const requestSchema = schemas[`z${cap(route.op)}Data`];
    const parsed = requestSchema.safeParse(data);
    const unknown = unknownProperties(data, requestSchema);
    if (!parsed.success || unknown.length) {
      const why = [...(parsed.error?.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`) ?? []), ...unknown.map((u) => `${u}: unknown property`)];
      violations.push(`${route.op}: ${why.join('; ')}`);
      return send(res, 400, problem(400, 'Bad Request', why.join('; ')));
    }
    try {
      const out = await route.run(ctx, { params, body: body as never });
      if (out === undefined) return send(res, 204);
      if (typeof out === 'string') return send(res, 200, out, 'text/xml');
      // What goes on the wire is checked, not the object it was serialised from.
      const wire = JSON.stringify(out);
      const responseSchema = schemas[`z${cap(route.op)}Response`];
      const checked = responseSchema.safeParse(JSON.parse(wire));
      const extra = unknownProperties(JSON.parse(wire), responseSchema);
      if (!checked.success || extra.length) {
        violations.push(`fake answered ${route.op} off-schema: ${[...(checked.error?.issues.map((i) => `${i.path.map(String).join('.')}: ${i.message}`) ?? []), ...extra].join('; ')}`);
      }
      return send(res, route.status ?? 200, wire);
    } catch (e) {
      if (e instanceof FakeHttpError) return send(res, e.status, problem(e.status, e.title, e.message));
      // The embedded engine's refusals, as the gateway's statuses for the same rejections.
      if (e instanceof NotFoundError) return send(res, 404, problem(404, 'NOT_FOUND', e.message));
      if (e instanceof ConflictError) return send(res, 409, problem(409, 'INVALID_STATE', e.message));
      if (e instanceof ValidationError) return send(res, 400, problem(400, 'INVALID_ARGUMENT', e.message));
      throw e;
    }
  }

  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`, jobs: ctx.jobs, violations, calls, forms: ctx.forms,
    close: () => new Promise<void>((resolve) => { ctx.jobs.releaseAll(); server.closeAllConnections(); server.close(() => resolve()); }),
  };
}

function matchRoute(method: string, pathname: string): { route: Route; params: Record<string, string> } | undefined {
  for (const route of ROUTES) {
    if (route.method !== method) continue;
    const names: string[] = [];
    const re = new RegExp(`^/v2${route.path.replace(/\{(\w+)\}/g, (_, n) => { names.push(n); return '([^/]+)'; })}$`);
    const m = re.exec(pathname);
    if (m) return { route, params: Object.fromEntries(names.map((n, i) => [n, decodeURIComponent(m[i + 1])])) };
  }
  return undefined;
}

async function parseBody(req: http.IncomingMessage, raw: Buffer, url: URL): Promise<unknown> {
  if (!raw.length) return undefined;
  const type = req.headers['content-type'] ?? '';
  if (type.startsWith('multipart/form-data')) {
    // Each form field is a body property: `resources` (repeated, files) and `tenantId`.
    const form = await new Request(url, { method: 'POST', headers: { 'content-type': type }, body: new Uint8Array(raw) }).formData();
    const out: Record<string, unknown> = {};
    for (const name of new Set(form.keys())) out[name] = name === 'resources' ? form.getAll(name) : form.get(name);
    return out;
  }
  return JSON.parse(raw.toString('utf8'));
}

const collect = (req: http.IncomingMessage) => new Promise<Buffer[]>((resolve, reject) => {
  const chunks: Buffer[] = [];
  req.on('data', (c: Buffer) => chunks.push(c)).on('end', () => resolve(chunks)).on('error', reject);
});
const cap = (s: string) => s[0].toUpperCase() + s.slice(1);
const problem = (status: number, title: string, detail: string) => JSON.stringify({ type: 'about:blank', title, status, detail, instance: '/v2' });

function send(res: http.ServerResponse, status: number, body?: string, type = status >= 400 ? 'application/problem+json' : 'application/json'): void {
  res.writeHead(status, body === undefined ? {} : { 'content-type': type });
  res.end(body);
}
