// Demo users signed in to the whole product, and API calls as them (session cookie, CSRF token on writes),
// for the permission tests that check what a version lets people do through the real routes.
import { DEMO_PASSWORD } from '../../../../server/src/application/users/seed-demo-users';

export interface Session { cookie: string; csrf: string }
// `body` is any: replies are read field by field in expectations.
export interface Reply { status: number; body: any; text: string }

/** `baseUrl` is read at each call: the system starts in beforeAll, after the helpers are made. */
export function apiSessions(baseUrl: () => string) {
  async function call(who: Session, method: string, url: string, body?: unknown): Promise<Reply> {
    const headers: Record<string, string> = { cookie: who.cookie };
    if (method !== 'GET') headers['x-csrf-token'] = who.csrf;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const res = await fetch(`${baseUrl()}${url}`, { method, headers, body: body === undefined ? undefined : JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, text, body: text ? JSON.parse(text) : undefined };
  }
  async function signIn(username: string): Promise<Session> {
    const res = await fetch(`${baseUrl()}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  return { call, signIn };
}
