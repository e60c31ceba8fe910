// The API contract against the running product, by schemathesis (PyPI; `npm test` installs it into
// .cache/schemathesis-venv, see scripts/lib/prepare.mjs). It generates requests from the OpenAPI document
// (the document's examples, then random valid and invalid ones, a few per operation), sends them signed in,
// and fails on any server error, any status the document does not list, and any answer outside the response
// schema or media type the document gives. Every operation is sent; the run is bounded for CI: with the
// boundary-value phase it sent 1,750 requests for 41 s of CPU (about 190 s on two loaded cores), now about 300
// for 21 s. Boundary values and hostile input are what bad-input.test.ts and route-fuzz.test.ts send. Each
// operation is run by a demo user whose permissions allow it (a team manager of both teams where possible), so
// most answers come from the route, not a 403.
// Left out, because they would end the run's own sessions or change demo passwords: sign-in (also rate
// limited), sign-out and changing my password; and the internal engine route (servers sign it among
// themselves).
import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import { rootDir } from '../../support/server-process';
import { startTestSystem } from '../../support/system';

const SCHEMATHESIS = path.join(rootDir, '.cache', 'schemathesis-venv', 'bin', 'schemathesis');
const LEFT_OUT = new Set(['post /api/auth/sign-in', 'post /api/auth/sign-out', 'post /api/auth/password', 'post /internal/engine']);
/** In order of preference: the first whose actions allow an operation runs it. */
const USERS = ['hana.head', 'ada.admin', 'dee.dpo', 'dan.data'];
const EXAMPLES = 2; // per operation in the random phase: about 300 requests, 21 s of CPU with the product's start-up
/** A case and its intake task the run sends its case and task routes to, so they answer from a record (the
 * case record, the task page) rather than 404; every other path parameter is generated. */
const onRecords = (caseId: string, taskId: string) => `
[[operations]]
include-path-regex = '^/api/cases/\\{(id|caseId)\\}'
parameters = { "path.id" = ${JSON.stringify(caseId)}, "path.caseId" = ${JSON.stringify(caseId)} }

[[operations]]
include-path-regex = '^/api/tasks/\\{id\\}'
parameters = { "path.id" = ${JSON.stringify(taskId)} }
`;

type Operation = { 'x-permission'?: string | string[]; security?: unknown[] };
type Document = { paths: Record<string, Record<string, Operation>> };
interface Session { username: string; cookie: string; csrf: string; actions: Set<string> }
interface Outcome { username: string; operations: number; cases: number; failures: number; code: number | null; output: string }

const running = new Set<ChildProcess>();

function run(cmd: string, args: string[], cwd: string): Promise<{ code: number | null; output: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn(cmd, args, { cwd, env: { ...process.env, NO_COLOR: '1', SCHEMATHESIS_TELEMETRY: 'false' } });
    running.add(child);
    child.on('exit', () => running.delete(child));
    let output = '';
    child.stdout.on('data', (d: Buffer) => (output += d.toString()));
    child.stderr.on('data', (d: Buffer) => (output += d.toString()));
    child.on('error', reject);
    child.on('exit', (code) => resolve({ code, output }));
  });
}

/** The document cut down to the operations this user runs. */
function share(doc: Document, owns: (path: string, method: string, op: Operation) => boolean): { doc: Document; count: number } {
  let count = 0;
  const paths: Document['paths'] = {};
  for (const [p, ops] of Object.entries(doc.paths)) {
    const mine = Object.fromEntries(Object.entries(ops).filter(([m, op]) => owns(p, m, op)));
    count += Object.keys(mine).length;
    if (Object.keys(mine).length) paths[p] = mine;
  }
  return { doc: { ...doc, paths }, count };
}

describe('the API contract, checked by schemathesis against the running product', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  let work: string;

  beforeAll(async () => {
    system = await startTestSystem();
    work = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-schemathesis-'));
  }, 120_000);
  afterAll(async () => {
    for (const child of running) child.kill(); // a timed-out run must not go on against a closed system
    await system?.close();
    if (work) fs.rmSync(work, { recursive: true, force: true });
  });

  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    const body = (await res.json()) as { csrfToken: string; actions: string[] };
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { username, cookie, csrf: body.csrfToken, actions: new Set(body.actions) };
  }

  /** A referral opened and its intake started, as a team manager does from the web client. */
  async function openCase(s: Session): Promise<{ caseId: string; taskId: string }> {
    const post = async (url: string, body: unknown) => (await fetch(`${system.url}${url}`, {
      method: 'POST', body: JSON.stringify(body), headers: { cookie: s.cookie, 'x-csrf-token': s.csrf, 'content-type': 'application/json' },
    })).json() as Promise<Record<string, unknown>>;
    const created = await post('/api/cases', { givenName: 'Contract', familyName: 'Checked', dateOfBirth: '2010-03-14', team: 'north', confirmedNotDuplicate: true });
    const caseId = created.id as string;
    const started = await post(`/api/cases/${encodeURIComponent(caseId)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
    return { caseId, taskId: (started.firstTask as { id: string }).id };
  }

  async function check(session: Session, doc: Document, count: number): Promise<Outcome> {
    const file = path.join(work, `openapi-${session.username}.json`);
    fs.writeFileSync(file, JSON.stringify(doc));
    const { code, output } = await run(SCHEMATHESIS, [
      '--config-file', path.join(work, 'schemathesis.toml'), 'run', file, '--url', system.url, '-H', `Cookie: ${session.cookie}`, '-H', `x-csrf-token: ${session.csrf}`,
      '--checks', 'not_a_server_error,status_code_conformance,content_type_conformance,response_schema_conformance',
      '--phases', 'examples,fuzzing', '--max-examples', String(EXAMPLES), '--workers', '2', '--no-color',
      '--request-timeout', '20', '--warnings', 'off',
    ], work);
    const cases = Number(/(\d+) generated/.exec(output)?.[1] ?? NaN);
    const failures = Number(/found (\d+) unique failure/.exec(output)?.[1] ?? 0);
    return { username: session.username, operations: count, cases, failures, code, output };
  }

  it('answers every generated request without a server error and within the document', async () => {
    expect(fs.existsSync(SCHEMATHESIS)).toBe(true); // npm test installs it (scripts/lib/prepare.mjs)
    const sessions = await Promise.all(USERS.map(signIn));
    const doc = (await (await fetch(`${system.url}/api/openapi.json`, { headers: { cookie: sessions[0].cookie } })).json()) as Document;
    const { caseId, taskId } = await openCase(sessions[0]);
    fs.writeFileSync(path.join(work, 'schemathesis.toml'), onRecords(caseId, taskId));
    const runnerOf = (method: string, p: string, op: Operation): Session | undefined => {
      if (LEFT_OUT.has(`${method} ${p}`)) return undefined;
      const needs = op['x-permission'] === undefined ? [] : [op['x-permission']].flat();
      return sessions.find((s) => !needs.length || needs.some((a) => s.actions.has(a))) ?? sessions[0];
    };
    const outcomes: Outcome[] = [];
    for (const session of sessions) {
      const { doc: part, count } = share(doc, (p, m, op) => runnerOf(m, p, op) === session);
      if (count) outcomes.push(await check(session, part, count));
    }
    const figures = outcomes.map((o) => `${o.username}: ${o.operations} operations, ${o.cases} requests, ${o.failures} failures`).join('; ');
    process.stdout.write(`[schemathesis] ${figures}\n`);
    for (const o of outcomes) {
      // The whole report on failure: each failure with the request that reproduces it.
      expect({ user: o.username, exit: o.code, failures: o.failures, report: o.code === 0 ? '' : o.output }).toEqual({ user: o.username, exit: 0, failures: 0, report: '' });
      expect(o.cases).toBeGreaterThan(o.operations);
    }
    const covered = outcomes.reduce((n, o) => n + o.operations, 0);
    expect(covered).toBe(Object.entries(doc.paths).flatMap(([p, ops]) => Object.keys(ops).map((m) => `${m} ${p}`)).filter((k) => !LEFT_OUT.has(k)).length);
  }, 300_000);
});
