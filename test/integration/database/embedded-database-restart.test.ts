// The embedded database is killed (SIGKILL of the FerretDB child) once under traffic of case writes, referral
// starts and task completions against the real server entry, with requests in flight at the kill. The server
// restarts the child on the same port and carries on: every write it acknowledged (2xx) is there afterwards,
// requests meanwhile get 503 DATABASE_UNAVAILABLE (never another 5xx), /readyz says 503 with the reason while
// it is down, and writes succeed again once it is back.
// Every request answers (any status) within 30 s — a correctness bound, far above any real answer, not a
// timing goal: issue 15 saw every later request of the session hang past 90 s in about 1 run in 3 (on 2
// loaded cores) with requests in flight at the kill. Guarded by closed-connection-guard.ts (a driver path
// that never settles) and the session store's bound per write; the hang itself did not recur in 5 runs of
// this test before those changes on 2026-12-02, so a pass here is a check, not a proof. Each worker has its
// own session, and after the restart each session's next request must answer.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { isRunning } from '../../support/process-tree';
import { startServer, type ServerProcess } from '../../support/server-process';

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));

describe('the embedded database dies under traffic', () => {
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'yjs-dbkill-'));
  let server: ServerProcess;
  const childPid = () => JSON.parse(fs.readFileSync(path.join(dataDir, 'ferretdb', 'runtime.json'), 'utf8')).pid as number;

  beforeAll(async () => {
    server = await startServer({ DATA_DIR: dataDir, SESSION_SECRET: 'db-restart-test-'.padEnd(40, 'x') }, 120000);
  }, 130000);
  afterAll(async () => {
    await server?.stop();
    fs.rmSync(dataDir, { recursive: true, force: true });
  });

  it('restarts it, answers 503 DATABASE_UNAVAILABLE meanwhile and loses nothing acknowledged', async () => {
    const sessions: { cookie: string; csrfToken: string }[] = [];
    for (let w = 0; w < 3; w++) {
      const signIn = await fetch(`${server.url}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username: 'cara.case', password: 'demo-password-2026' }) });
      expect(signIn.status).toBe(200);
      const { csrfToken } = (await signIn.json()) as { csrfToken: string };
      sessions.push({ cookie: signIn.headers.getSetCookie().map((c) => c.split(';')[0]).join('; '), csrfToken });
    }
    const unanswered: string[] = [];
    let inFlight = 0;
    const callAs = async (session: number, method: string, url: string, body?: unknown) => {
      const { cookie, csrfToken } = sessions[session];
      inFlight++;
      try {
        const res = await fetch(`${server.url}${url}`, {
          method, headers: { cookie, 'x-csrf-token': csrfToken, ...(body ? { 'content-type': 'application/json' } : {}) }, body: body ? JSON.stringify(body) : undefined,
          signal: AbortSignal.timeout(30000), // the correctness bound (see the note at the top)
        });
        return { status: res.status, body: (await res.json().catch(() => undefined)) as any };
      } catch (e) {
        unanswered.push(`session ${session} ${method} ${url}: ${(e as Error).message}`); // refused or never answered: neither may happen
        return { status: 0, body: undefined };
      } finally {
        inFlight--;
      }
    };
    const call = (method: string, url: string, body?: unknown) => callAs(0, method, url, body);

    const cases: string[] = []; // acknowledged: 201
    const mine = new Map<string, number>(); // case → the worker that created it: each completes its own tasks only
    const completed: string[] = []; // acknowledged: 200
    const statuses: Record<string, number> = {};
    const wrongUnavailable: string[] = [];
    const record = (what: string, r: { status: number; body: any }) => {
      statuses[r.status] = (statuses[r.status] ?? 0) + 1;
      if (r.status >= 500 && (r.status !== 503 || r.body?.error?.code !== 'DATABASE_UNAVAILABLE')) wrongUnavailable.push(`${what}: ${r.status} ${JSON.stringify(r.body)}`);
    };
    let stop = false;
    let n = 0;
    const worker = async (w: number) => {
      const call = (method: string, url: string, body?: unknown) => callAs(w, method, url, body);
      while (!stop) {
        const i = n++;
        const created = await call('POST', '/api/cases', { givenName: `Restart${letters(w)}${letters(i)}`, familyName: 'Child', dateOfBirth: `2011-0${1 + (i % 9)}-1${i % 10}`, team: 'north' });
        record('POST /api/cases', created);
        if (created.status !== 201) {
          await sleep(100);
          continue;
        }
        cases.push(created.body.id);
        mine.set(created.body.id, w);
        const started = await call('POST', `/api/cases/${encodeURIComponent(created.body.id)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
        record('start referral', started);
        const queue = await call('GET', '/api/tasks?queue=team&limit=50');
        record('team queue', queue);
        const open = (queue.body?.items ?? []).find((t: any) => t.elementId === 'matchPerson' && mine.get(t.caseId) === w && !t.assignee && !completed.includes(t.id));
        if (!open) continue;
        const done = await call('POST', `/api/tasks/${encodeURIComponent(open.id)}/complete`, {
          data: { matchOutcome: 'new', givenName: `Restart${letters(w)}${letters(i)}`, familyName: 'Child', dateOfBirth: '2011-04-05', referralSource: 'police' },
        });
        record(`complete ${open.id}`, done);
        if (done.status === 200) completed.push(open.id);
      }
    };
    const workers = [0, 1, 2].map(worker);
    const until = async (cond: () => boolean, what: string) => {
      const deadline = Date.now() + 120000;
      while (!cond()) {
        if (Date.now() > deadline) throw new Error(`no ${what} within 120 s; unanswered: ${unanswered.join('; ')}; statuses ${JSON.stringify(statuses)}\n${server.output().slice(-3000)}`);
        await sleep(50);
      }
    };

    // A fresh connection each time: a kept-alive one that the server closes as idle just as it is reused
    // resets, which would say nothing about the server.
    const readyz = () => fetch(`${server.url}/readyz`, { headers: { connection: 'close' } }).catch(async () => {
      await sleep(100);
      return fetch(`${server.url}/readyz`);
    });
    const readyzReasons: string[][] = [];
    for (let kill = 1; kill <= 1; kill++) {
      const before = cases.length;
      await until(() => cases.length >= before + 5, `5 more cases before kill ${kill}`); // writes are being acknowledged
      await until(() => inFlight > 0, 'a request in flight');
      const pid = childPid();
      process.kill(pid, 'SIGKILL');
      await sleep(100);
      // During the outage a write is refused with 503 DATABASE_UNAVAILABLE, never another 5xx.
      const meanwhile = await call('POST', '/api/cases', { givenName: 'Outage', familyName: 'Child', dateOfBirth: '2011-05-06', team: 'north' });
      record('POST /api/cases during the outage', meanwhile);
      expect(meanwhile.status).toBe(503);
      // /readyz follows the outage, and the server carries on with a new child on the same port.
      const reasons = new Set<string>();
      const deadline = Date.now() + 60000;
      for (;;) {
        const r = await readyz();
        const body = await r.json();
        if (r.status === 503) {
          expect(body).toMatchObject({ status: 'not-ready', reason: expect.any(String), database: { ready: false } });
          reasons.add(body.database.problem.reason);
        } else if (reasons.size) break;
        if (Date.now() > deadline) throw new Error(`/readyz not ready again within 60 s after kill ${kill}`);
        await sleep(20);
      }
      expect(reasons).toContain('restarting');
      readyzReasons.push([...reasons]);
      expect(childPid()).not.toBe(pid);
      expect(isRunning(pid)).toBe(false);
    }
    const afterRestarts = cases.length;
    await until(() => cases.length >= afterRestarts + 5, '5 more cases after the restarts'); // writes go through again
    stop = true;
    await Promise.all(workers);
    // Every session's next request answers: none is held by something the kill left pending.
    for (let w = 0; w < sessions.length; w++) {
      const next = await callAs(w, 'GET', '/api/tasks?queue=mine&limit=5');
      expect([200, 503]).toContain(next.status);
    }

    expect(unanswered).toEqual([]);
    expect(wrongUnavailable).toEqual([]);
    expect(statuses[503]).toBeGreaterThan(0); // the outage was met, and answered as such
    expect(readyzReasons.length).toBe(1);
    // Nothing acknowledged is lost: every case read back, every completed task closed.
    for (const id of cases) expect((await call('GET', `/api/cases/${encodeURIComponent(id)}`)).status).toBe(200);
    for (const id of completed) {
      const t = await call('GET', `/api/tasks/${encodeURIComponent(id)}`);
      expect(t.status).toBe(200);
      expect(t.body?.task?.state ?? t.body?.state).toBe('completed');
    }
    expect(completed.length).toBeGreaterThan(0);
    // Logged as errors, counted.
    expect(server.output()).toMatch(/the embedded database stopped unexpectedly; restarting it/);
    expect(server.output()).toMatch(/"attempt":1.*the embedded database was restarted; serving again/);
  }, 300000);

  it('stops cleanly when told to stop while the database is down, leaving no database process behind', async () => {
    const pid = childPid();
    process.kill(pid, 'SIGKILL');
    await sleep(50); // the restart waits its back-off: the stop lands in the outage
    expect(await server.stop('SIGTERM')).toBe(0);
    expect(isRunning(pid)).toBe(false);
    const runtime = path.join(dataDir, 'ferretdb', 'runtime.json');
    if (fs.existsSync(runtime)) expect(isRunning(childPid())).toBe(false); // a child started meanwhile was stopped too
  }, 60000);
});
