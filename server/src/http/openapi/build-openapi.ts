// Builds the OpenAPI 3.1 document from the resources' operations: zod → JSON Schema (2020-12, which 3.1
// uses), express paths → OpenAPI paths, and the error statuses each kind of call can answer.
import { z } from 'zod';
import type { ApiOperation, ApiResource } from './api-operation';
import { API_RESOURCES } from './api-resources';

type Json = Record<string, unknown>;

const ERROR_WORDS: Record<number, string> = {
  400: 'The query or path needs correcting (the message names the parameter), or the body is not a JSON object',
  401: 'Not signed in, or the session ended; for a service account: the bearer token is missing, unknown, expired or revoked (the code says which)',
  403: 'Your roles do not allow this, or the case is outside your teams',
  404: 'No such record (or not one you may see)',
  409: 'The record changed or is in a state that does not allow this',
  413: 'The body is larger than the limit',
  422: 'The request needs correcting: the message (and errors, for a body) names each field or value, e.g. a team or version that does not exist',
  503: 'The database cannot be reached just now (Retry-After says when to try again)',
};

const schemaOf = (s: z.ZodType, io: 'input' | 'output'): Json => {
  const { $schema: _drop, ...rest } = z.toJSONSchema(s, { io, unrepresentable: 'any' }) as Json;
  return rest;
};

/** '/api/cases/:id/sections/:section' → '/api/cases/{id}/sections/{section}' */
export const openApiPath = (express: string): string => express.replace(/:(\w+)/g, '{$1}');
export const fullPath = (r: ApiResource, op: ApiOperation): string => `${r.base}${op.path}` || '/';

function errorsOf(op: ApiOperation, path: string): number[] {
  const out = new Set<number>(op.errors ?? []);
  if ('signedIn' in op.access || 'action' in op.access) out.add(401);
  if ('scope' in op.access) out.add(401).add(403);
  // Any signed-in call may be refused by the use case's own rule (who may start a process, see agreements…).
  if ('signedIn' in op.access || 'action' in op.access || path.includes('/cases/:')) out.add(403);
  // The parse answers 400; the use case then checks the values against the records (a team, a version) and
  // answers 422 with a message naming the one to correct.
  if (op.query || path.includes(':')) out.add(400).add(422);
  if (path.includes(':')) out.add(404);
  // A body that is not a JSON object (malformed, or a bare string) is refused by the parser with 400.
  if (op.body) out.add(400).add(422).add(413);
  if (path.startsWith('/api/')) out.add(503);
  return [...out].sort();
}

function accessWords(op: ApiOperation): string {
  const a = op.access;
  if ('public' in a) return 'Anyone (no sign-in).';
  if ('internal' in a) return 'Internal: another server of this product, with a signed request. Not for other systems.';
  if ('signedIn' in a) return 'Any signed-in person (what they see is limited by their teams and sections).';
  if ('scope' in a) return `A service account's bearer token with scope "${a.scope}" (and roles that allow it). Not people's sessions.`;
  const names = Array.isArray(a.action) ? a.action : [a.action];
  return `Signed in with permission ${names.map((n) => `"${n}"`).join(' or ')}.`;
}

function operationOf(r: ApiResource, op: ApiOperation, names: Map<string, z.ZodType>): Json {
  const path = fullPath(r, op);
  const params = [...path.matchAll(/:(\w+)/g)].map(([, name]) => ({ name, in: 'path', required: true, schema: { type: 'string', minLength: 1 } }));
  const query = op.query ? schemaOf(op.query, 'input') : undefined;
  const required = new Set((query?.required as string[] | undefined) ?? []);
  for (const [name, schema] of Object.entries((query?.properties as Record<string, Json> | undefined) ?? {})) {
    params.push({ name, in: 'query', required: required.has(name), schema: schema as never });
  }
  const described = op.input === 'described' ? ' The route checks this input by hand; the schema describes what it accepts.' : '';
  const responses: Json = {};
  const status = String(op.status ?? (op.response === 'none' ? 204 : 200));
  const res = op.response ?? 'json';
  if (res === 'none') responses[status] = { description: 'Done (no content)' };
  else if (res === 'csv') responses[status] = { description: 'A CSV file (download)', content: { 'text/csv': { schema: { type: 'string' } } } };
  else if (res === 'xml') responses[status] = { description: 'An XML file (download)', content: { 'application/xml': { schema: { type: 'string' } } } };
  else if (res === 'html') responses[status] = { description: 'An HTML page', content: { 'text/html': { schema: { type: 'string' } } } };
  else if (res === 'json') responses[status] = { description: 'A JSON object (not yet described in detail)', content: { 'application/json': { schema: { type: 'object' } } } };
  else if ('file' in res) {
    responses[status] = { description: 'A file (download)', content: Object.fromEntries(res.file.map((type) => [type, { schema: { type: 'string', format: 'binary' } }])) };
  } else {
    names.set(res.name, res.schema);
    responses[status] = { description: res.name, content: { 'application/json': { schema: { $ref: `#/components/schemas/${res.name}` } } } };
  }
  for (const other of op.also ?? []) responses[String(other.status)] = { ...(responses[status] as Json), description: other.when };
  for (const code of errorsOf(op, path)) {
    responses[String(code)] = { description: ERROR_WORDS[code] ?? 'Error', content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } } };
  }
  return {
    operationId: `${op.method}${openApiPath(path).replace(/[{}]/g, '').replace(/[^A-Za-z0-9]+(.)?/g, (_, c: string | undefined) => (c ?? '').toUpperCase())}`,
    summary: op.summary,
    description: `Who may call: ${accessWords(op)}${described}`,
    tags: [r.tag],
    ...('signedIn' in op.access || 'action' in op.access ? { security: [{ session: [] }] } : 'scope' in op.access ? { security: [{ bearer: [op.access.scope] }] } : { security: [] }),
    ...('internal' in op.access ? { 'x-internal': true } : {}),
    ...('action' in op.access ? { 'x-permission': op.access.action } : {}),
    ...(params.length ? { parameters: params } : {}),
    ...(op.body ? { requestBody: { required: true, content: { 'application/json': { schema: schemaOf(op.body, 'input') } } } } : {}),
    ...(op.fileBody ? { requestBody: { required: true, content: { [op.fileBody]: { schema: { type: 'string', format: 'binary' } } } } } : {}),
    responses,
  };
}

export function buildOpenApi(version: string, resources: readonly ApiResource[] = API_RESOURCES): Json {
  const names = new Map<string, z.ZodType>();
  const paths: Record<string, Json> = {};
  for (const r of resources) {
    for (const op of r.operations) {
      const p = openApiPath(fullPath(r, op));
      paths[p] ??= {};
      if (paths[p][op.method]) throw new Error(`The OpenAPI document names ${op.method.toUpperCase()} ${p} twice`);
      paths[p][op.method] = operationOf(r, op, names);
    }
  }
  const schemas: Json = {
    Error: {
      type: 'object', required: ['error'],
      properties: {
        error: { type: 'object', required: ['code', 'message'], properties: { code: { type: 'string' }, message: { type: 'string' } } },
        errors: { type: 'object', additionalProperties: { type: 'string' }, description: 'Field path → a message naming the field' },
      },
    },
  };
  for (const [name, schema] of [...names].sort(([a], [b]) => a.localeCompare(b))) schemas[name] = schemaOf(schema, 'output');
  return {
    openapi: '3.1.0',
    info: {
      title: 'Youth justice case management API', version,
      description: 'The JSON API the web client uses. Sign in with POST /api/auth/sign-in; send the session cookie, and the X-CSRF-Token it returns on every change. See docs/api.md and docs/openapi.md.',
    },
    tags: resources.map((r) => ({ name: r.tag, description: r.description })),
    paths,
    components: {
      schemas,
      securitySchemes: {
        session: { type: 'apiKey', in: 'cookie', name: 'yjs.sid', description: 'The session cookie set by sign-in; changes also need the X-CSRF-Token header.' },
        bearer: { type: 'http', scheme: 'bearer', bearerFormat: 'yjs.<id>.<secret>', description: 'A service account token (Admin → Service accounts), for /api/integration only; the scopes listed on each operation must be held.' },
      },
    },
  };
}
