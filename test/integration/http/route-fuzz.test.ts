// Fuzz pass over every route of the whole product (composition root, real database, real sessions and
// CSRF): each route, listed from the express router stack so new routes are included automatically,
// gets malformed path parameters, queries and bodies (deep nesting, bad escapes, prototype and
// operator keys, wrong types for each of its fields, huge strings, arrays and null where objects
// belong). Any 5xx fails the test, naming the route and the input. Bad input must be a 4xx.
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { startTestSystem } from '../../support/system';
import { BODY_INPUTS, COMMON_FIELDS, PARAM_INPUTS, QUERY_INPUTS, WRONG_VALUES, bodyWithFields, type FuzzInput } from './support/fuzz-inputs';
import { appOf, listRoutes, type AppRoute } from './support/route-list';

interface Session { name: string; cookie: string; csrf: string }
interface Sent { route: AppRoute; input: FuzzInput; status: number; text: string }

const CONCURRENCY = 6;
const BODY_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

describe('fuzz: malformed input on every route never answers 5xx', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let routes: AppRoute[];
  const sessions: Session[] = [];
  const known: Record<string, string> = {}; // ids of real records, so inputs reach past "not found"

  async function send(route: AppRoute, input: FuzzInput, who: Session | undefined): Promise<Sent> {
    const params = (name: string) => input.param ?? paramValue(route.path, name);
    const path = route.path.replace(/:(\w+)/g, (_, name: string) => params(name));
    const headers: Record<string, string> = who ? { cookie: who.cookie, 'x-csrf-token': who.csrf } : {};
    const hasBody = input.body !== undefined && BODY_METHODS.has(route.method);
    if (hasBody) headers['content-type'] = input.contentType ?? 'application/json';
    try {
      const res = await fetch(`${system.url}${path}${input.query ? `?${input.query}` : ''}`, {
        method: route.method, headers, body: hasBody ? input.body : undefined, signal: AbortSignal.timeout(30_000),
      });
      return { route, input, status: res.status, text: await res.text() };
    } catch (e) {
      return { route, input, status: 599, text: `no answer: ${(e as Error).message}` };
    }
  }

  function paramValue(path: string, name: string): string {
    const family = path.split('/')[2] ?? '';
    return encodeURIComponent(known[`${family}:${name}`] ?? known[name] ?? 'x');
  }

  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { name: username, cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }

  /** Runs `work` over `items` with at most CONCURRENCY in flight (the machine has two cores). */
  async function pool<T, R>(items: T[], work: (t: T) => Promise<R>): Promise<R[]> {
    const out: R[] = [];
    let next = 0;
    await Promise.all(Array.from({ length: CONCURRENCY }, async () => {
      while (next < items.length) {
        const i = next++;
        out[i] = await work(items[i]);
      }
    }));
    return out;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    // Sign-out and the own-password routes last: they end or lock the session the others need.
    const last = (r: AppRoute) => (r.path.endsWith('/sign-out') ? 2 : r.path.startsWith('/api/auth/') ? 1 : 0);
    routes = listRoutes(appOf(system.server)).sort((a, b) => last(a) - last(b));
    // A team manager of both teams, an administrator, the DPO and a data officer (returns): together they may use every route.
    for (const u of ['hana.head', 'ada.admin', 'dee.dpo', 'dan.data']) sessions.push(await signIn(u));
    await learnRealIds();
  }, 120_000);
  afterAll(() => system?.close());

  async function learnRealIds() {
    const [hana] = sessions;
    const call = async (method: string, path: string, body?: unknown) =>
      JSON.parse((await send({ method, path }, { label: 'set-up', body: body === undefined ? undefined : JSON.stringify(body) }, hana)).text || '{}');
    const created = await call('POST', '/api/cases', { givenName: 'Fuzz', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    if (created.id) known['cases:id'] = created.id;
    if (created.id) known['cases:caseId'] = created.id; // /cases/:caseId/… (consents, documents) reach a real case
    const filed = await send({ method: 'POST', path: `/api/cases/${encodeURIComponent(created.id ?? 'x')}/documents` },
      { label: 'set-up', body: 'A letter.', contentType: 'application/octet-stream', query: 'section=personal&name=letter.txt&category=letter' }, hana);
    known.documentId = JSON.parse(filed.text || '{}').id ?? 'x';
    await call('POST', `/api/cases/${encodeURIComponent(known['cases:id'] ?? 'x')}/processes`, { processId: 'referral-intake' });
    const tasks = await call('GET', '/api/tasks?queue=team');
    const task = tasks.items?.[0];
    if (task) Object.assign(known, { 'tasks:id': task.id, key: task.instanceKey ?? task.processInstanceKey ?? 'x', formId: task.formId ?? 'x' });
    const users = await call('GET', '/api/users?search=cara');
    if (users.items?.[0]) known['users:id'] = users.items[0].id; // never a signed-in user: the fuzz may deactivate it
    Object.assign(known, { processId: 'referral-intake', version: '1', section: 'personal', name: 'mine' });
    // A generated case-level return, so /returns/:id/… reach a real version.
    const dan = sessions[3];
    const generated = await send({ method: 'POST', path: '/api/returns' }, { label: 'set-up', body: JSON.stringify({ quarter: '2026-Q1' }) }, dan);
    known['returns:id'] = JSON.parse(generated.text || '{}').versions?.[0]?.id ?? 'x';
  }

  it('lists the routes of the real app from its router', () => {
    expect(routes.length).toBeGreaterThan(60);
    expect(routes).toEqual(expect.arrayContaining([{ method: 'POST', path: '/api/auth/sign-in' }, { method: 'GET', path: '/api/cases/:id' }]));
  });

  it('answers every malformed input on every route with less than 500', async () => {
    const failures: Sent[] = [];
    const counted = { requests: 0 };
    const statuses = new Map<number, number>();
    const record = (sent: Sent[]) => {
      counted.requests += sent.length;
      for (const s of sent) statuses.set(s.status, (statuses.get(s.status) ?? 0) + 1);
      failures.push(...sent.filter((s) => s.status >= 500));
    };
    for (const route of routes) {
      // The first session the route does not refuse outright (403) goes on; unauthenticated too.
      let who: Session | undefined;
      let fields: string[] = [];
      for (const s of sessions) {
        const probe = await send(route, { label: 'baseline {}', body: '{}' }, s);
        record([probe]);
        who = s;
        if (probe.status === 422) fields = fieldsOf(probe.text);
        if (probe.status !== 403) break;
      }
      // Queries matter most to GET routes; the others get the operator and prototype ones.
      const queries = route.method === 'GET' ? QUERY_INPUTS : QUERY_INPUTS.slice(0, 3);
      const inputs: FuzzInput[] = [...(route.path.includes(':') ? PARAM_INPUTS : []), ...queries];
      if (BODY_METHODS.has(route.method)) {
        inputs.push(...BODY_INPUTS);
        // Every field at once with each wrong value, then each field the route named alone with a few of
        // them (rotating, so every kind reaches some field) — a check that stops at the first bad field
        // still lets the others through to the handler.
        const all = [...new Set([...fields, ...COMMON_FIELDS])];
        for (const [kind, value] of WRONG_VALUES) inputs.push({ label: `every field = ${kind}`, body: bodyWithFields(all, value) });
        fields.forEach((field, i) => {
          for (let k = 0; k < 2; k++) {
            const [kind, value] = WRONG_VALUES[(i * 2 + k) % WRONG_VALUES.length];
            inputs.push({ label: `body field ${field} = ${kind}`, body: bodyWithFields([field], value) });
          }
        });
      }
      record(await pool(inputs, (input) => send(route, input, who)));
      record([await send(route, { label: 'no session', body: '{"a":1}', param: '%ff' }, undefined)]);
    }
    // Outside the API: the client shell's fallback and static files take the path too.
    for (const path of ['/%ff', '/tasks/%ff', '/tasks/a%E0%A4%A.ut3', '/assets/%ff.js', '/%', '/..%2F..%2Fpackage.json', `/${'x'.repeat(3000)}`]) {
      for (const accept of ['text/html', 'application/json']) {
        const res = await fetch(`${system.url}${path}`, { headers: { accept } });
        record([{ route: { method: 'GET', path }, input: { label: `Accept: ${accept}` }, status: res.status, text: await res.text() }]);
      }
    }
    const report = failures.map((f) => `${f.route.method} ${f.route.path} [${f.input.label}] → ${f.status} ${f.text.slice(0, 200)}`);
    console.log(`route fuzz: ${counted.requests} requests over ${routes.length} routes (by status: ${[...statuses].sort((a, b) => a[0] - b[0]).map(([k, n]) => `${k}×${n}`).join(' ')}), ${report.length} answered 5xx${report.length ? `:\n${report.join('\n')}` : ''}`);
    expect(report).toEqual([]);
    expect(counted.requests).toBeGreaterThan(routes.length * 20);
  }, 600_000);
});

/** Field paths a 422 named (`errors` keys such as "givenName" or "filters.dueAfter"). */
function fieldsOf(text: string): string[] {
  try {
    const errors = (JSON.parse(text) as { errors?: Record<string, unknown> }).errors ?? {};
    return Object.keys(errors).filter((k) => /^[A-Za-z_][\w.[\]]*$/.test(k)).map((k) => k.replace(/\[\d+\]/g, ''));
  } catch {
    return [];
  }
}
