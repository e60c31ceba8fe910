// Probe for issue 15 (not part of the suite): the real server with its embedded database, several signed-in
// sessions making requests without pause, the FerretDB child SIGKILLed mid-traffic; then every session's
// next requests must answer within 30 s. Counts, per run, the sessions that did not (hung) and requests that
// took longer than 30 s meanwhile. SESSION_IDLE_MINUTES=1 makes each session write lastSeenAt every 6 s, so
// session writes are often in flight at the kill.
// KILL_PROBE_WIDEN_MS=n delays each driver check-out by n ms (support/widen-checkout-window.cjs), as a loaded
// machine does, which makes the hang likely where an idle one rarely shows it.
//   [KILL_PROBE_WIDEN_MS=20] node --import tsx test/soak/database-kill-probe.ts [runs=3] [serverRoot=this tree]
import { spawn } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { findFreePort } from '../../server/src/adapters/database/find-free-port';

const runs = Number(process.argv[2] ?? 3);
const root = path.resolve(process.argv[3] ?? path.join(__dirname, '..', '..'));
const USERS = ['cara.case', 'cara.case', 'tom.manager', 'cara.case']; // all in team north
const DEADLINE = 30_000;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

async function oneRun(run: number): Promise<{ hungSessions: number; slow: number; statuses: Record<string, number> }> {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-killprobe-'));
  const port = await findFreePort();
  const url = `http://127.0.0.1:${port}`;
  const widen = process.env.KILL_PROBE_WIDEN_MS ? ['--require', path.join(__dirname, 'support', 'widen-checkout-window.cjs')] : [];
  const proc = spawn(process.execPath, [...widen, '--import', 'tsx', path.join(root, 'server/src/main/server.ts')], {
    cwd: root, stdio: 'ignore', detached: false,
    env: { PATH: process.env.PATH ?? '', HOME: process.env.HOME ?? '', LOG_LEVEL: 'warn', SERVE_CLIENT: 'false', PORT: String(port), DATA_DIR: dataDir, SESSION_SECRET: 'kill-probe-'.padEnd(40, 'x'), SESSION_IDLE_MINUTES: '1', KILL_PROBE_WIDEN_MS: process.env.KILL_PROBE_WIDEN_MS ?? '' },
  });
  try {
    for (let t = Date.now(); ; await sleep(300)) {
      if (Date.now() - t > 180_000) throw new Error('server did not start');
      if ((await fetch(`${url}/readyz`).catch(() => undefined))?.ok) break;
    }
    const sessions: { cookie: string; csrfToken: string }[] = [];
    for (const username of USERS) {
      const r = await fetch(`${url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: 'demo-password-2026' }) });
      const { csrfToken } = (await r.json()) as { csrfToken: string };
      sessions.push({ cookie: r.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrfToken });
    }
    const statuses: Record<string, number> = {};
    let slow = 0;
    const pending = new Set<number>(); // start times of requests not answered yet
    let created = 0;
    const call = async (s: (typeof sessions)[number], method: string, p: string, body?: unknown, limit = 90_000) => {
      const started = Date.now() + Math.random() / 1000; // unique key
      pending.add(started);
      try {
        const res = await fetch(`${url}${p}`, { method, headers: { cookie: s.cookie, 'x-csrf-token': s.csrfToken, 'content-type': 'application/json' }, body: body ? JSON.stringify(body) : undefined, signal: AbortSignal.timeout(limit) });
        await res.text();
        statuses[res.status] = (statuses[res.status] ?? 0) + 1;
        return res.status;
      } catch {
        statuses.unanswered = (statuses.unanswered ?? 0) + 1;
        return 0;
      } finally {
        pending.delete(started);
        if (Date.now() - started > DEADLINE) slow++;
      }
    };
    let stop = false;
    let i = 0;
    const newCase = () => ({ givenName: `Probe${String.fromCharCode(97 + (i % 26))}${String.fromCharCode(97 + (Math.floor(i / 26) % 26))}`, familyName: 'Child', dateOfBirth: `2011-0${1 + (i++ % 9)}-15`, team: 'north' });
    const workers = sessions.map(async (s) => {
      while (!stop) {
        const status = await call(s, 'POST', '/api/cases', newCase());
        if (status === 201) created++;
        else await sleep(100); // refused (503 meanwhile): no tight loop
        await call(s, 'GET', '/api/tasks?queue=team&limit=20');
      }
    });
    for (let t = Date.now(); created < 8; await sleep(50)) if (Date.now() - t > 120_000) throw new Error(`no traffic: ${JSON.stringify(statuses)}`);
    await sleep(Math.random() * 400);
    const pid = JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'runtime.json'), 'utf8')).pid as number;
    process.kill(pid, 'SIGKILL');
    await sleep(1000);
    for (let t = Date.now(); !(await fetch(`${url}/readyz`, { headers: { connection: 'close' } }).catch(() => undefined))?.ok; await sleep(200)) {
      if (Date.now() - t > 60_000) throw new Error('database not back within 60 s');
    }
    await sleep(3000); // traffic carries on over the restored database
    stop = true;
    await Promise.race([Promise.all(workers), sleep(DEADLINE)]); // a worker stuck in a request is left behind
    // Each session's next requests: a read and a write, each within the deadline.
    let hungSessions = 0;
    for (const s of sessions) {
      const read = await call(s, 'GET', '/api/tasks?queue=mine&limit=5', undefined, DEADLINE);
      const write = await call(s, 'POST', '/api/cases', newCase(), DEADLINE);
      if (!read || !write) hungSessions++;
    }
    slow += [...pending].filter((t) => Date.now() - t > DEADLINE).length; // still unanswered after 30 s
    console.log(JSON.stringify({ run, hungSessions, slowRequests: slow, statuses }));
    return { hungSessions, slow, statuses };
  } finally {
    const exited = new Promise((r) => proc.once('exit', r));
    proc.kill('SIGTERM');
    if ((await Promise.race([exited.then(() => 'gone'), sleep(40_000)])) !== 'gone') {
      proc.kill('SIGKILL'); // a shutdown stuck behind hung requests: take the database child down too
      try { process.kill(JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'runtime.json'), 'utf8')).pid, 'SIGKILL'); } catch { /* gone */ }
      await exited;
    }
    fs.rmSync(dataDir, { recursive: true, force: true });
  }
}

void (async () => {
  let hungRuns = 0;
  for (let run = 1; run <= runs; run++) {
    const r = await oneRun(run).catch((e: Error) => (console.log(JSON.stringify({ run, error: e.message })), undefined));
    if (r && (r.hungSessions || r.slow)) hungRuns++;
  }
  console.log(`runs with a hang: ${hungRuns} of ${runs}`);
  process.exit(0);
})();
