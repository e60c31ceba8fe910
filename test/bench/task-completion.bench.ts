// Benchmark (not a test): completing a task through the API under 50 concurrent users, and the My tasks /
// Team queue queries through HTTP under the same concurrency, on the whole product in-process
// (composition root, real sessions + CSRF, embedded engine, database). Prints figures.
//   npx tsx test/bench/task-completion.bench.ts
//   USERS=50 COMPLETIONS=1000 QUEUE_REQUESTS=1000 BACKGROUND_TASKS=0 to vary (the default run takes about
//   2.5 minutes on 2 CPUs with FerretDB). THINK_MS=5000 paces each user (see below).
// Without MONGODB_URI the system starts its own embedded database (mongod or FerretDB) in a temporary
// directory, exactly as `npm start` does on one machine (which also turns on the in-memory queue index).
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import path from 'node:path';
import { monitorEventLoopDelay } from 'node:perf_hooks';
import mongoose from 'mongoose';
import pino from 'pino';
import { Argon2PasswordHasher, TEST_ARGON2ID } from '../../server/src/adapters/crypto/argon2.password-hasher';
import { findFreePort } from '../../server/src/adapters/database/find-free-port';
import { loadConfig } from '../../server/src/config/env.config';
import { startSystem, type RunningSystem } from '../../server/src/main/composition-root';
import { completionAnswers, runCompletionClients } from './support/completion-clients';
import { alternatingRounds, cpuTimes, summary } from './support/completion-rounds';

const USERS = Number(process.env.USERS ?? 50);
const COMPLETIONS = Number(process.env.COMPLETIONS ?? 1000);
const QUEUE_REQUESTS = Number(process.env.QUEUE_REQUESTS ?? 1000);
const BACKGROUND_TASKS = Number(process.env.BACKGROUND_TASKS ?? 0);
// PROFILE=1: also print, for one queue request and one completion made alone, every database command
// (per collection, with its filter keys and duration), to see round trips and full-collection scans.
const PROFILE = process.env.PROFILE === '1';
const SETTLE_MS = Number(process.env.SETTLE_MS ?? 0);
// THINK_MS: each user pauses a random time (exponential, this mean) before each completion, as people do
// between tasks; 0 (default): none, every user sends its next completion the moment the last one returns.
const THINK_MS = Number(process.env.THINK_MS ?? 0);
const REPORTS_OFF = process.env.REPORTS === 'off';
// ALTERNATE=n (a multiple of 4): the completions in n rounds, the reporting projections not kept, kept, kept,
// not kept, and so on, in one run: both at the same load and on the same data (separate runs on a shared
// machine differed more between themselves than the projections cost). Prints each round and the sums.
const ALTERNATE = Number(process.env.ALTERNATE ?? 0);
const PASSWORD = 'bench-password-2026';
const TEAM = 'bench';
const rootDir = path.resolve(__dirname, '..', '..');

interface User { username: string; cookie: string; csrf: string; id: string; caseIds: string[]; taskIds: string[] }
interface Reply { status: number; body: any }

// Names are compared normalised (letters only), so each child gets a distinct all-letter name.
const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));
const phase = (what: string, since: number) => console.log(`  … ${what} (${((Date.now() - since) / 1000).toFixed(1)} s)`);

/** Runs `work(i)` for i in [0, n) with at most `concurrency` in flight. */
async function pool(n: number, concurrency: number, work: (i: number, lane: number) => Promise<void>): Promise<void> {
  let next = 0;
  await Promise.all(Array.from({ length: Math.min(concurrency, n) }, async (_, lane) => {
    while (next < n) await work(next++, lane);
  }));
}

// Sign-in is rate-limited per client address (20 in 10 minutes), as it should be: 50 people sign in from
// several loopback addresses here, as they would from several machines.
function signIn(base: string, username: string, localAddress: string): Promise<{ cookie: string; csrf: string; id: string }> {
  return new Promise((resolve, reject) => {
    const body = JSON.stringify({ username, password: PASSWORD });
    const req = http.request(`${base}/api/auth/sign-in`, {
      method: 'POST', localAddress, headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
    }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        if (res.statusCode !== 200) return reject(new Error(`sign-in ${username}: ${res.statusCode} ${text}`));
        const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='));
        const parsed = JSON.parse(text) as { csrfToken: string; user: { id: string } };
        if (!cookie) return reject(new Error(`sign-in ${username}: no session cookie`));
        resolve({ cookie, csrf: parsed.csrfToken, id: parsed.user.id });
      });
    });
    req.on('error', reject);
    req.end(body);
  });
}

interface Command { name: string; collection: string; filter: string; ms: number; at: number }
const recorded: Command[] = [];
let recording = false;
if (PROFILE) {
  // connectMongo uses mongoose.createConnection: turn on the driver's command monitoring there.
  const create = mongoose.createConnection.bind(mongoose);
  (mongoose as { createConnection: unknown }).createConnection = (uri: string, opts: object) => {
    const conn = create(uri, { ...opts, monitorCommands: true });
    const started = new Map<number, Command>();
    conn.getClient().on('commandStarted', (e) => {
      if (!recording) return;
      const c = e.command as Record<string, any>;
      const q = c.filter ?? c.query ?? c.q ?? c.updates?.[0]?.q ?? c.deletes?.[0]?.q ?? (c.pipeline?.[0]?.$match);
      started.set(e.requestId, { name: e.commandName, collection: String(c[e.commandName] ?? c.collection ?? ''), filter: q ? Object.keys(q).join(',') || '{}' : '', ms: 0, at: performance.now() });
    });
    conn.getClient().on('commandSucceeded', (e) => {
      const c = started.get(e.requestId);
      if (c) { c.ms = e.duration; recorded.push(c); started.delete(e.requestId); }
    });
    return conn;
  };
}

async function profiled<T>(label: string, work: () => Promise<T>): Promise<T> {
  recorded.length = 0;
  recording = true;
  const t0 = performance.now();
  try {
    return await work();
  } finally {
    recording = false;
    const ms = performance.now() - t0;
    const total = recorded.reduce((a, c) => a + c.ms, 0);
    console.log(`profile ${label}: ${recorded.length} commands, ${total.toFixed(1)} ms in the database of ${ms.toFixed(1)} ms`);
    for (const c of recorded) console.log(`    at ${(c.at - t0).toFixed(1).padStart(5)} ${c.ms.toFixed(1).padStart(7)} ms  ${c.name.padEnd(10)} ${c.collection.padEnd(22)} ${c.filter}`);
  }
}

// How long the event loop (server and client share it here) was blocked: a queue answered from memory
// still waits for whatever else runs on the loop (engine work, JSON of large states, GC).
const loopDelay = monitorEventLoopDelay({ resolution: 10 });
loopDelay.enable();
const loopDelayText = () =>
  `event-loop delay p99 ${(loopDelay.percentile(99) / 1e6).toFixed(0)} ms, max ${(loopDelay.max / 1e6).toFixed(0)} ms; load ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`;

/** Database time per (command, collection, filter keys) over a phase under load, largest first. */
function printAggregate(label: string): void {
  const groups = new Map<string, { n: number; ms: number }>();
  for (const c of recorded) {
    const key = `${c.name.padEnd(10)} ${c.collection.padEnd(22)} ${c.filter}`;
    const g = groups.get(key) ?? { n: 0, ms: 0 };
    g.n++;
    g.ms += c.ms;
    groups.set(key, g);
  }
  console.log(`profile ${label}: ${recorded.length} commands, ${(recorded.reduce((a, c) => a + c.ms, 0) / 1000).toFixed(1)} s of command time`);
  for (const [key, g] of [...groups].sort((a, b) => b[1].ms - a[1].ms).slice(0, 25)) {
    console.log(`  ${String(g.n).padStart(6)} × ${(g.ms / g.n).toFixed(1).padStart(7)} ms = ${(g.ms / 1000).toFixed(1).padStart(6)} s  ${key}`);
  }
}

async function main() {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-bench-complete-'));
  const port = await findFreePort();
  const config = loadConfig({
    NODE_ENV: 'test', HOST: '127.0.0.1', PORT: String(port), MONGODB_URI: process.env.MONGODB_URI, DATA_DIR: dataDir,
    FERRETDB_BIN: process.env.FERRETDB_BIN, DB_NAME: `bench_complete_${Date.now().toString(36)}`, SERVE_CLIENT: 'false',
    SESSION_SECRET: 'bench-secret-'.padEnd(40, 'x'), SEED_DEMO_USERS: 'false',
  }, rootDir);
  const system: RunningSystem = await startSystem(config, pino({ level: 'silent' }), (msg) => {
    console.error(`fatal: ${msg}`);
    process.exit(1);
  }, { runWorkers: false });
  // REPORTS=off: the reporting projections' engine listeners do nothing, to measure what keeping them costs.
  if (REPORTS_OFF) {
    system.modules.reports.updater.onEvent = () => undefined;
    system.modules.reports.kpiUpdater.onEvent = () => undefined;
  }
  const base = `http://127.0.0.1:${port}`;

  async function call(u: User, method: string, url: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { cookie: u.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = u.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${base}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined };
  }
  const must = (r: Reply, status: number, what: string) => {
    if (r.status !== status) throw new Error(`${what}: expected ${status}, got ${r.status} ${JSON.stringify(r.body)}`);
    return r.body;
  };

  try {
    if (REPORTS_OFF) console.log('REPORTS=off: the reporting projections are not kept');
    console.log(`database: ${system.database.kind}; ${USERS} case managers in team "${TEAM}"; node ${process.version}; ${os.cpus().length} CPUs (${os.cpus()[0]?.model})`);
    const setupStarted = Date.now();

    // Users: created directly (an administrator's job, not measured), then signed in through the API.
    const passwordHash = await new Argon2PasswordHasher(TEST_ARGON2ID).hash(PASSWORD);
    const users: User[] = [];
    for (let i = 0; i < USERS; i++) {
      const username = `bench.cm.${String(i).padStart(2, '0')}`;
      await system.modules.security.users.create({
        username, displayName: `Bench CM ${i}`, email: `${username}@bench.invalid`, roles: ['case-managers'], teams: [TEAM], passwordHash,
      });
      const s = await signIn(base, username, `127.0.0.${10 + Math.floor(i / 15)}`);
      users.push({ username, ...s, caseIds: [], taskIds: [] });
    }

    phase(`${USERS} users created and signed in`, setupStarted);
    if (BACKGROUND_TASKS > 0) {
      // Other teams' open work, written directly (as task-queues.bench.ts), so the queues are not empty ones.
      const tasks = system.modules.tasks.tasks;
      const now = Date.now();
      for (let from = 0; from < BACKGROUND_TASKS; from += 5000) {
        const docs = Array.from({ length: Math.min(5000, BACKGROUND_TASKS - from) }, (_, k) => {
          const i = from + k;
          return {
            _id: `bg${i}`, instanceKey: `bgi${i}`, processId: 'referral-intake', processVersion: 1, elementId: 'matchPerson', name: `Background ${i}`,
            candidateGroups: ['case-managers'], candidateUsers: [], assignee: i % 5 < 3 ? `bg-user-${i % 500}` : null, claimedAt: null,
            dueDate: new Date(now + ((i * 7919) % (60 * 86_400)) * 1000 - 10 * 86_400_000), followUpDate: null, revision: 0,
            priority: (i * 31) % 100, caseId: `BG${i % 20_000}`, team: `team-${i % 50}`, state: 'open', createdAt: new Date(now),
          };
        });
        await tasks.model.collection.insertMany(docs as never[], { ordered: false });
      }
      await tasks.rebuildQueues();
      console.log(`background: ${BACKGROUND_TASKS} open tasks of 50 other teams`);
    }

    // Cases and their referral processes, spread evenly over the users.
    const perUser = Math.ceil(COMPLETIONS / USERS);
    const total = perUser * USERS;
    const setupTimings = { cases: [] as number[], starts: [] as number[] };
    await pool(total, USERS, async (i) => {
      const u = users[i % USERS];
      let t0 = performance.now();
      const created = must(await call(u, 'POST', '/api/cases', {
        givenName: `Ava${letters(i)}`, familyName: `Bench${letters(i)}`, dateOfBirth: `20${String(8 + (i % 8)).padStart(2, '0')}-0${1 + (i % 9)}-1${i % 10}`, team: TEAM,
      }), 201, 'create case');
      setupTimings.cases.push(performance.now() - t0);
      u.caseIds.push(created.id);
      t0 = performance.now();
      must(await call(u, 'POST', `/api/cases/${encodeURIComponent(created.id)}/processes`, {
        processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() },
      }), 201, 'start process');
      setupTimings.starts.push(performance.now() - t0);
    });

    phase(`${total} cases created and processes started`, setupStarted);
    // The first task of each referral (matchPerson) appears once the engine has run the deadlines job.
    const probe = users[0];
    for (let waited = 0; ; waited += 200) {
      const { total: open } = must(await call(probe, 'GET', '/api/tasks?queue=team&limit=1'), 200, 'team queue');
      if (open >= total) break;
      if (waited > 300_000) throw new Error(`only ${open} of ${total} tasks appeared`);
      await new Promise((r) => setTimeout(r, 200));
    }

    phase(`${total} matchPerson tasks open`, setupStarted);
    // Each user claims the tasks of its own cases (so My tasks holds its work).
    const claimTimings: number[] = [];
    await pool(total, USERS, async (i) => {
      const u = users[i % USERS];
      const caseId = u.caseIds[Math.floor(i / USERS)];
      const page = must(await call(u, 'GET', `/api/tasks?queue=team&caseId=${encodeURIComponent(caseId)}`), 200, 'find task');
      const task = page.items.find((t: { elementId: string }) => t.elementId === 'matchPerson');
      if (!task) throw new Error(`no matchPerson task for ${caseId}`);
      const t0 = performance.now();
      must(await call(u, 'POST', `/api/tasks/${encodeURIComponent(task.id)}/claim`), 200, 'claim');
      claimTimings.push(performance.now() - t0);
      u.taskIds.push(task.id);
    });
    console.log(`set-up: ${total} cases, ${total} referral processes, ${total} claimed matchPerson tasks in ${((Date.now() - setupStarted) / 1000).toFixed(1)} s`);
    summary('  create case (set-up)', setupTimings.cases);
    summary('  start process (set-up)', setupTimings.starts);
    summary('  claim (set-up)', claimTimings);

    if (PROFILE) {
      const u = users[0];
      await profiled('GET My tasks', () => call(u, 'GET', '/api/tasks?queue=mine'));
      await profiled('GET Team queue', () => call(u, 'GET', '/api/tasks?queue=team'));
      // The first completion compiles the form; the next ones show the steady state.
      for (const label of ['POST complete (first)', 'POST complete', 'POST complete']) {
        const taskId = u.taskIds.shift()!;
        const r = await profiled(label, () => call(u, 'POST', `/api/tasks/${encodeURIComponent(taskId)}/complete`, { data: completionAnswers('Profiled') }));
        must(r, 200, 'profiled completion');
      }
      await new Promise((res) => setTimeout(res, 500));
    }

    // SETTLE_MS: let the engine's background work from the claims (task listeners) finish first, to tell
    // its cost apart from the queues' own (default 0: measured while it runs, as it would in use).
    if (SETTLE_MS > 0) await new Promise((r) => setTimeout(r, SETTLE_MS));

    // Queues: every user asks for its own page (25 rows + total) under the same concurrency.
    for (const queue of ['mine', 'team'] as const) {
      const warm = users.map((u) => call(u, 'GET', `/api/tasks?queue=${queue}`));
      await Promise.all(warm);
      const timings: number[] = [];
      const statuses = new Map<number, number>();
      let rows = 0;
      const started = performance.now();
      recorded.length = 0;
      recording = PROFILE;
      loopDelay.reset();
      await pool(QUEUE_REQUESTS, USERS, async (i, lane) => {
        const t0 = performance.now();
        const r = await call(users[lane], 'GET', `/api/tasks?queue=${queue}`);
        timings.push(performance.now() - t0);
        statuses.set(r.status, (statuses.get(r.status) ?? 0) + 1);
        rows += r.body?.total ?? 0;
      });
      summary(queue === 'mine' ? 'GET My tasks' : 'GET Team queue', timings, performance.now() - started, statuses);
      console.log(`${''.padEnd(26)} (average total per page: ${(rows / QUEUE_REQUESTS).toFixed(0)} tasks; ${loopDelayText()})`);
      if (PROFILE) {
        recording = false;
        printAggregate(`database commands during ${queue} queue requests (the requests themselves send none)`);
      }
    }

    // Completions: each of the users completes its own claimed tasks, one request at a time, all at once, from a
    // thread of its own (support/completion-clients.ts); PROFILE records the server's commands meanwhile.
    recorded.length = 0;
    recording = PROFILE;
    loopDelay.reset();
    const cpuBefore = cpuTimes(system.database);
    const run = ALTERNATE ? await alternatingRounds(system, base, users, ALTERNATE, THINK_MS) : await runCompletionClients(base, users, THINK_MS);
    // The projections work after the replies: their batches still pending are counted with the completions.
    await Promise.all([system.modules.reports.updater.idle(), system.modules.reports.kpiUpdater.idle()]);
    const cpuAfter = cpuTimes(system.database);
    const { failures } = run;
    summary(`POST complete (${USERS} users${THINK_MS > 0 ? `, think ${THINK_MS / 1000} s` : ''})`, run.timings, run.wallMs, new Map(run.statuses));
    console.log(`${''.padEnd(26)} (server ${loopDelayText()})`);
    const per = (k: 'server' | 'database') => ((cpuAfter[k] - cpuBefore[k]) / run.timings.length).toFixed(1);
    console.log(`${''.padEnd(26)} (CPU per completion: server's main thread ${per('server')} ms, database ${per('database')} ms)`);
    if (PROFILE) {
      recording = false;
      printAggregate(`completions under ${USERS} users`);
    }
    for (const f of failures) console.log(`  failure: ${f}`);

    // The process moved on: every completed referral now waits at its next task.
    const next = must(await call(probe, 'GET', '/api/tasks?queue=team&limit=1'), 200, 'team queue').total;
    console.log(`after completion: ${next} open tasks in team "${TEAM}" queue (next step of each referral)`);
    console.log('goals (issue 6): completion p99 ≤ 50 ms, queue p99 ≤ 20 ms');
  } finally {
    await system.conn.dropDatabase().catch(() => undefined);
    await system.close();
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
