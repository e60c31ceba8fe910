// Signed-in demo users against a running product (real sessions and CSRF), for tests that act as several
// people: sign in by username, call /api routes as one of them, wait for the engine to get somewhere.
import { DEMO_PASSWORD } from '../../server/src/application/users/seed-demo-users';

export interface Session { cookie: string; csrf: string }
export interface Reply { status: number; body: any; text: string }

export function demoSessions(baseUrl: () => string) {
  const sessions = new Map<string, Session>();

  /** `who`: a username signed in here, a session, or undefined (no session). `url` is under /api. */
  async function call(who: Session | string | undefined, method: string, url: string, body?: unknown): Promise<Reply> {
    const s = typeof who === 'string' ? sessions.get(who) : who;
    const headers: Record<string, string> = {};
    if (s) headers.cookie = s.cookie;
    if (s && method !== 'GET') headers['x-csrf-token'] = s.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl()}/api${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  }

  /** Signs `username` in with the demo password and keeps the session under that name. */
  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${baseUrl()}/api/auth/sign-in`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }) });
    if (res.status !== 200) throw new Error(`sign-in of ${username}: ${res.status}`);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    const session = { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
    sessions.set(username, session);
    return session;
  }

  return { sessions, call, signIn };
}

/** Polls `probe` every 100 ms until it gives a value (30 s at most). */
export async function until<T>(what: string, probe: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < 300; i++) {
    const v = await probe();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`gave up waiting for ${what}`);
}
