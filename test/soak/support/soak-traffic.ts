// Light mixed traffic from several signed-in demo users against a running product, every reply checked
// against what its request should return — a status alone would not catch the defect this guards against
// (a reply meant for one request reaching another: a list of the wrong rows with a 200). Used by the CI
// soak test (short intervals, a few minutes) and by scripts/soak.mjs (default intervals, an hour).
import http from 'node:http';

const PASSWORD = 'demo-password-2026';

export interface SoakReport {
  requests: number;
  /** Replies with a 5xx status. */
  serverErrors: string[];
  /** Replies whose status or body is not what the request should return. */
  mismatches: string[];
  /** Sessions that ended by idling and were signed in again. */
  reSignIns: number;
  completions: number;
  casesCreated: number;
}

interface Session { cookie: string; csrf: string; id: string }
interface Persona { username: string; team?: string; kind: 'case-manager' | 'manager' | 'admin' | 'dpo'; address: string; idlesOnce?: boolean }

export const SOAK_PERSONAS: Persona[] = [
  { username: 'cara.case', team: 'north', kind: 'case-manager', address: '127.0.0.21' },
  { username: 'sol.case', team: 'south', kind: 'case-manager', address: '127.0.0.22' },
  { username: 'tom.manager', team: 'north', kind: 'manager', address: '127.0.0.23' },
  { username: 'sam.manager', team: 'south', kind: 'manager', address: '127.0.0.24', idlesOnce: true },
  { username: 'ada.admin', kind: 'admin', address: '127.0.0.25' },
  { username: 'dee.dpo', kind: 'dpo', address: '127.0.0.26' },
];

type Reply = { status: number; body: any; text: string };

function request(base: string, method: string, url: string, opts: { session?: Session; body?: unknown; address: string }): Promise<Reply> {
  return new Promise((resolve, reject) => {
    const payload = opts.body === undefined ? undefined : JSON.stringify(opts.body);
    const headers: Record<string, string | number> = {};
    if (opts.session) headers.cookie = opts.session.cookie;
    if (opts.session && method !== 'GET') headers['x-csrf-token'] = opts.session.csrf;
    if (payload !== undefined) Object.assign(headers, { 'content-type': 'application/json', 'content-length': Buffer.byteLength(payload) });
    const req = http.request(`${base}${url}`, { method, headers, localAddress: opts.address }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (text += c));
      res.on('end', () => {
        let body: any;
        try { body = text ? JSON.parse(text) : undefined; } catch { body = undefined; }
        const cookie = (res.headers['set-cookie'] ?? []).map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='));
        resolve({ status: res.statusCode ?? 0, body: cookie ? { ...body, __cookie: cookie } : body, text });
      });
    });
    req.setTimeout(30_000, () => req.destroy(new Error(`${method} ${url}: no reply in 30 s`)));
    req.on('error', reject);
    req.end(payload);
  });
}

const letters = (i: number): string => (i < 26 ? '' : letters(Math.floor(i / 26) - 1)) + String.fromCharCode(97 + (i % 26));

/**
 * Runs every persona's loop until `until` (epoch ms); each pauses `thinkMs` on average between requests.
 * One persona goes quiet once for 15 s longer than the server's idle timeout (`idleMinutes`).
 */
export async function runSoakTraffic(base: string, until: number, thinkMs: number, idleMinutes: number): Promise<SoakReport> {
  const report: SoakReport = { requests: 0, serverErrors: [], mismatches: [], reSignIns: 0, completions: 0, casesCreated: 0 };
  const stamp = Date.now().toString(36);
  const idleMs = idleMinutes * 60_000 + 15_000;
  await Promise.all(SOAK_PERSONAS.map((p, i) => personaLoop(base, p, until, thinkMs, report, `${stamp}${letters(i)}`, idleMs)));
  return report;
}

async function personaLoop(base: string, p: Persona, until: number, thinkMs: number, report: SoakReport, tag: string, idleMs: number): Promise<void> {
  let session: Session | undefined;
  let idled = false;
  let n = 0;
  const myCases: string[] = [];
  const wrong = (what: string, r: Reply) => report.mismatches.push(`${p.username} ${what}: ${r.status} ${r.text.slice(0, 300)}`);
  const call = async (method: string, url: string, body?: unknown): Promise<Reply> => {
    const r = await request(base, method, url, { session, body, address: p.address });
    report.requests++;
    if (r.status >= 500) report.serverErrors.push(`${p.username} ${method} ${url}: ${r.status} ${r.text.slice(0, 300)}`);
    return r;
  };
  const signIn = async () => {
    const r = await call('POST', '/api/auth/sign-in', { username: p.username, password: PASSWORD });
    if (r.status !== 200 || r.body?.user?.username !== p.username || !r.body?.__cookie) return wrong('sign-in', r);
    session = { cookie: r.body.__cookie, csrf: r.body.csrfToken, id: r.body.user.id };
  };

  await signIn();
  while (Date.now() < until) {
    await new Promise((r) => setTimeout(r, thinkMs * (0.5 + Math.random())));
    if (p.idlesOnce && !idled && n > 5 && Date.now() + idleMs < until) {
      // Longer than SESSION_IDLE_MINUTES: the session must have ended (401), then signing in again works.
      idled = true;
      await new Promise((r) => setTimeout(r, idleMs));
      const r = await call('GET', '/api/auth/me');
      if (r.status !== 401) wrong('after idling (expected 401)', r);
      await signIn();
      report.reSignIns++;
      continue;
    }
    if (!session) { await signIn(); continue; }
    n++;
    const me = await call('GET', '/api/auth/me');
    if (me.status !== 200 || me.body?.user?.username !== p.username) {
      wrong('GET /api/auth/me', me);
      session = undefined; // counted once, then signed in again rather than failing every request after
      continue;
    }
    const ready = await call('GET', '/readyz');
    if (ready.status !== 200) wrong('GET /readyz', ready);
    if (p.kind === 'case-manager') await caseManagerStep(call, wrong, report, p, tag, n, myCases);
    else if (p.kind === 'manager') {
      const r = await call('GET', '/api/tasks?queue=team&limit=20');
      if (r.status !== 200 || r.body?.queue !== 'team' || !Array.isArray(r.body?.items) || !r.body.items.every((t: any) => typeof t.id === 'string' && typeof t.name === 'string')) wrong('team queue', r);
      const procs = await call('GET', '/api/processes');
      if (procs.status !== 200 || !Array.isArray(procs.body?.items) || procs.body.items.length < 7 || !procs.body.items.every((x: any) => typeof x.processId === 'string' && typeof x.name === 'string')) wrong('GET /api/processes', procs);
    } else if (p.kind === 'admin') {
      const r = await call('GET', '/api/users');
      if (r.status !== 200 || !Array.isArray(r.body?.items) || !r.body.items.some((u: any) => u.username === 'ada.admin')) wrong('GET /api/users', r);
      const out = await call('GET', '/api/escalation/outbox');
      if (out.status !== 200 || !Array.isArray(out.body?.items)) wrong('GET /api/escalation/outbox', out);
    } else {
      const r = await call('GET', '/api/audit/events?limit=20');
      if (r.status !== 200 || !Array.isArray(r.body?.items) || !r.body.items.every((e: any) => typeof e.action === 'string' && typeof e.seq === 'number')) wrong('GET /api/audit/events', r);
    }
  }
}

type Call = (method: string, url: string, body?: unknown) => Promise<Reply>;

async function caseManagerStep(call: Call, wrong: (w: string, r: Reply) => void, report: SoakReport, p: Persona, tag: string, n: number, myCases: string[]): Promise<void> {
  if (n % 4 === 1) {
    // A new referral of this team: a child unlike any other (name from the tag and the step).
    const created = await call('POST', '/api/cases', { givenName: `Soak${tag}${letters(n)}`, familyName: `Child${p.team}`, dateOfBirth: `2011-0${1 + (n % 9)}-1${n % 10}`, team: p.team });
    if (created.status !== 201 || typeof created.body?.id !== 'string' || created.body.team !== p.team) return wrong('POST /api/cases', created);
    report.casesCreated++;
    myCases.push(created.body.id);
    const started = await call('POST', `/api/cases/${encodeURIComponent(created.body.id)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
    if (started.status !== 201 || started.body?.processId !== 'referral-intake') wrong('start referral', started);
    return;
  }
  if (myCases.length) {
    const id = myCases[n % myCases.length];
    const r = await call('GET', `/api/cases/${encodeURIComponent(id)}`);
    if (r.status !== 200 || r.body?.id !== id) wrong(`GET /api/cases/${id}`, r);
  }
  const q = await call('GET', '/api/tasks?queue=team&limit=50');
  if (q.status !== 200 || q.body?.queue !== 'team' || !Array.isArray(q.body?.items)) return wrong('team queue', q);
  const open = q.body.items.find((t: any) => t.elementId === 'matchPerson' && myCases.includes(t.caseId) && !t.assignee);
  if (!open) return;
  const task = await call('GET', `/api/tasks/${encodeURIComponent(open.id)}`);
  if (task.status !== 200 || (task.body?.task?.id ?? task.body?.id) !== open.id) return wrong(`GET /api/tasks/${open.id}`, task);
  const done = await call('POST', `/api/tasks/${encodeURIComponent(open.id)}/complete`, {
    data: { matchOutcome: 'new', givenName: `Soak${tag}${letters(n)}`, familyName: `Child${p.team}`, dateOfBirth: '2011-04-05', referralSource: 'police' },
  });
  if (done.status === 200) report.completions++;
  else if (done.status !== 409) wrong(`complete ${open.id}`, done);
}
