// Sign-in, sign-out and "who am I". Sign-in starts a fresh session (a new id, so a session id
// planted before sign-in is useless: session fixation) with its own CSRF token.
import { Router, type Request } from 'express';
import type session from 'express-session';
import { changePassword } from '../application/auth/change-password';
import { signIn, type SignInDeps } from '../application/auth/sign-in';
import { signOut } from '../application/auth/sign-out';
import { ValidationError } from '../domain/errors';
import { permittedActions, readableSections, rolesInForce, writableSections } from '../domain/policies';
import { caseSections, sectionLabel } from '../domain/cases/case-section';
import { roleLabel } from '../domain/users/role-labels';
import { teamNamesInForce } from '../domain/teams/teams-in-force';
import type { User } from '../domain/users/user';
import { newCsrfToken } from './csrf.middleware';
import { createLoginRateLimiter } from './login-rate-limit.middleware';
import { SESSION_COOKIE } from './session.middleware';
import { userOf } from './session-user';

export interface AuthRouterDeps extends SignInDeps {
  /** The cookie options of createSecurityMiddleware, so sign-out clears the same cookie. */
  cookieOptions: session.CookieOptions;
  loginRateLimit?: { maxAttempts?: number; windowMs?: number };
}

export function presentUser(u: User) {
  return { id: u.id, username: u.username, displayName: u.displayName, email: u.email, roles: u.roles, teams: u.teams, managerId: u.managerId ?? null };
}

/** What the client needs to show the right controls: the user, their CSRF token and permissions. */
export function sessionView(user: User, csrfToken: string) {
  return {
    user: presentUser(user),
    csrfToken,
    actions: permittedActions(user),
    readableSections: readableSections(user),
    writableSections: writableSections(user),
    // Names for every role, case section and team in force (configured ones included): pages show these, not keys.
    words: {
      roles: Object.fromEntries(rolesInForce().map((r) => [r, roleLabel(r)])),
      sections: Object.fromEntries(caseSections().map((s) => [s, sectionLabel(s)])),
      teams: teamNamesInForce(),
    },
  };
}

const call = (fn: (cb: (e?: unknown) => void) => void) => new Promise<void>((resolve, reject) => fn((e) => (e ? reject(e) : resolve())));

function credentials(req: Request): { username: unknown; password: unknown } {
  if (!req.is('application/json')) {
    throw new ValidationError('Send the username and password as JSON (Content-Type: application/json)', {}, 'JSON_REQUIRED');
  }
  const b = (req.body ?? {}) as Record<string, unknown>;
  return { username: b.username, password: b.password };
}

export function createAuthRouter(deps: AuthRouterDeps): Router {
  const router = Router();

  // POST /sign-in {username, password} → 200 session view | 401 BAD_CREDENTIALS (unknown, wrong or locked alike) | 429
  router.post('/sign-in', createLoginRateLimiter({ clock: deps.clock, ...deps.loginRateLimit }), async (req, res) => {
    const user = await signIn(deps, { ...credentials(req), ip: req.ip });
    await call((cb) => req.session.regenerate(cb));
    const now = deps.clock.now().getTime();
    Object.assign(req.session, { userId: user.id, csrfToken: newCsrfToken(), signedInAt: now, lastSeenAt: now, authAt: now });
    await call((cb) => req.session.save(cb));
    res.json(sessionView(user, req.session.csrfToken!));
  });

  // POST /sign-out → 204 (needs the CSRF token, so another site cannot sign people out)
  router.post('/sign-out', async (req, res) => {
    const user = userOf(req);
    await signOut(deps, user, req.ip);
    await call((cb) => req.session.destroy(cb));
    const { httpOnly, sameSite, secure, path } = deps.cookieOptions;
    res.clearCookie(SESSION_COOKIE, { httpOnly, sameSite, secure: secure === true, path });
    res.status(204).end();
  });

  // POST /password {currentPassword, newPassword} → 204 | 422 with field errors
  router.post('/password', async (req, res) => {
    const b: unknown = req.body;
    if (!b || typeof b !== 'object' || Array.isArray(b)) throw new ValidationError('Send a JSON object: {currentPassword, newPassword}');
    await changePassword(deps, userOf(req), b as Record<string, unknown>, req.ip);
    req.session.authAt = deps.clock.now().getTime(); // this session proved the new password; others end
    res.status(204).end();
  });

  // GET /me → the session view | 401 (UNAUTHENTICATED or SESSION_EXPIRED)
  router.get('/me', (req, res) => {
    const user = userOf(req);
    res.setHeader('Cache-Control', 'no-store');
    res.json(sessionView(user, req.session.csrfToken!));
  });

  return router;
}
