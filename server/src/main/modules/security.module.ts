// Users, sessions, CSRF, audit log and the demo users of a fresh installation.
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { Argon2PasswordHasher } from '../../adapters/crypto/argon2.password-hasher';
import { MongoAuditRepository } from '../../adapters/mongo/audit.repository';
import { MongoUserRepository } from '../../adapters/mongo/user.repository';
import { UserCache } from '../../adapters/mongo/user-cache';
import { startSessionCleanup, type SessionCleanup } from '../../adapters/mongo/session-cleanup';
import { seedDemoUsers } from '../../application/users/seed-demo-users';
import type { AppConfig } from '../../config/env.config';
import { seesEveryWrite } from '../../config/topology';
import { createSecurityFeature } from '../../http/security-routers';
import { MongoAccessGrantLog } from '../../adapters/mongo/access-grant.repository';
import type { Clock } from '../../ports/clock.port';
import type { AccountApprovals, TeamMembershipRecorder } from '../../application/users/user-admin-deps';
import type { SystemModule } from './module';

export interface SecurityModule extends SystemModule {
  users: MongoUserRepository;
  audit: MongoAuditRepository;
}

/**
 * `secret`: the session secret, resolved once by the composition (session-secret.ts); `memberships`: the
 * teams module, built later, where the users page's team changes are recorded; `approvals`: the permissions
 * module, built later, where an administrator's change to their own access waits for a second administrator.
 */
export async function createSecurityModule(
  config: AppConfig, conn: Connection, clock: Clock, logger: Logger, secret: string, memberships?: TeamMembershipRecorder, approvals?: AccountApprovals,
): Promise<SecurityModule> {
  // In-process caches (users by id, sessions) are only coherent when this server sees every write to its
  // database: TOPOLOGY=single (config/topology.ts).
  const soleServer = seesEveryWrite(config.TOPOLOGY);
  const users = new MongoUserRepository(conn, soleServer ? { cache: new UserCache() } : {}); // the process's one cache
  await users.init();
  const audit = new MongoAuditRepository(conn, { clock });
  await audit.init();
  const hasher = new Argon2PasswordHasher();
  if (config.SEED_DEMO_USERS) {
    const seeded = await seedDemoUsers({ users, hasher, audit });
    if (seeded.seeded) logger.warn({ users: seeded.created }, 'demo users created (see README, "Demo users"); set SEED_DEMO_USERS=false in production');
  }
  const feature = createSecurityFeature({
    conn,
    users,
    hasher,
    audit,
    clock,
    secret,
    secureCookies: config.NODE_ENV === 'production',
    idleTimeoutMinutes: config.SESSION_IDLE_MINUTES,
    absoluteTimeoutHours: config.SESSION_MAX_HOURS,
    cacheSessions: soleServer,
    memberships,
    approvals,
    grants: new MongoAccessGrantLog(conn),
  });
  let cleanup: SessionCleanup | undefined;
  return {
    users,
    audit,
    apiMiddleware: feature.apiMiddleware,
    apiRouters: feature.apiRouters,
    async start() {
      cleanup = startSessionCleanup(conn, 'sessions', {
        everyMs: config.SESSION_CLEANUP_MINUTES * 60_000,
        onRemoved: (count) => logger.debug({ count }, 'expired sessions removed'),
        onError: (err) => logger.error({ err }, 'removing expired sessions failed'),
      });
    },
    // Stopped last (started first): sign-ins' "last seen" writes made behind responses reach the database first.
    async stop() {
      await cleanup?.stop();
      await feature.settled();
    },
  };
}
