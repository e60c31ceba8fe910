// One call for the composition root: the session/CSRF middleware and the auth, users and audit
// routers, keyed by mount path under /api, ready for createApp({ apiMiddleware, apiRouters }).
import type { RequestHandler, Router } from 'express';
import type { Connection } from 'mongoose';
import type { AccessGrantLog } from '../ports/access-grant-log.port';
import type { AuditLog, AuditTrail } from '../ports/audit-log.port';
import type { Clock } from '../ports/clock.port';
import type { PasswordHasher } from '../ports/password-hasher.port';
import type { UserRepository } from '../ports/user-repository.port';
import type { AccountApprovals, TeamMembershipRecorder } from '../application/users/user-admin-deps';
import { createAuditRouter } from './audit.routes';
import { createAuthRouter } from './auth.routes';
import { createSecurityMiddleware, type SecurityDeps } from './session.middleware';
import { createUsersRouter } from './users.routes';

export interface SecurityFeatureDeps extends Omit<SecurityDeps, 'users' | 'audit' | 'clock' | 'conn'> {
  conn: Connection;
  users: UserRepository;
  hasher: PasswordHasher;
  audit: AuditLog & AuditTrail;
  clock: Clock;
  loginRateLimit?: { maxAttempts?: number; windowMs?: number };
  /** Where the users page's team changes become dated memberships (the teams module). */
  memberships?: TeamMembershipRecorder;
  /** Where an administrator's change to their own access waits for a second administrator (the permissions module). */
  approvals?: AccountApprovals;
  /** Access to children's data given by one administrator, shown to all of them. */
  grants?: AccessGrantLog;
}

export function createSecurityFeature(deps: SecurityFeatureDeps): {
  apiMiddleware: RequestHandler[];
  apiRouters: Record<'/auth' | '/users' | '/audit', Router>;
  /** Waits for session writes made behind responses (shutdown). */
  settled(): Promise<void>;
} {
  const security = createSecurityMiddleware(deps);
  return {
    apiMiddleware: security.handlers,
    apiRouters: {
      '/auth': createAuthRouter({ ...deps, cookieOptions: security.cookieOptions }),
      '/users': createUsersRouter(deps),
      '/audit': createAuditRouter({ trail: deps.audit, audit: deps.audit }),
    },
    settled: security.settled,
  };
}
