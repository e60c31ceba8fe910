// Roles and permissions as versioned data (issue 23, docs/permissions.md): the repository, the cache that
// puts the version in force where the policy functions read it, and /api/admin/permissions. The cache's
// version check runs before every API request (at most one `_id` read per server every two seconds), which
// is how a save on one server reaches the others in TOPOLOGY=shared without a restart.
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { MongoPermissionVersionRepository } from '../../adapters/mongo/permission-version.repository';
import { PermissionTableCache } from '../../application/permissions/permission-table-cache';
import { putTableInForce } from '../../domain/policies';
import { createPermissionsRouter } from '../../http/permissions.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { SystemModule } from './module';

export interface PermissionsModuleDeps {
  conn: Connection;
  users: Pick<UserRepository, 'list' | 'findById'>;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/** How stale another server's save may be here, at most. */
export const PERMISSION_CHECK_MS = 2000;

export interface PermissionsModule extends SystemModule {
  cache: PermissionTableCache;
}

export function createPermissionsModule(deps: PermissionsModuleDeps): PermissionsModule {
  const permissions = new MongoPermissionVersionRepository(deps.conn, () => deps.clock.now());
  const cache = new PermissionTableCache({
    repository: permissions, put: putTableInForce, maxAgeMs: PERMISSION_CHECK_MS, nowMs: () => performance.now(),
    onRefused: (version, problems) => deps.logger.error({ version, problems }, 'stored permission version fails the safety rails; the previous one stays in force'),
    onCheckFailed: (err, version) => deps.logger.warn({ err, version }, 'permission version check failed; the last known version stays in force'),
  });
  return {
    cache,
    apiMiddleware: [(_req, _res, next) => { cache.ensureFresh().then(() => next(), next); }],
    apiRouters: {
      '/admin/permissions': createPermissionsRouter({
        currentActor: currentUser, permissions, users: deps.users, audit: deps.audit, now: () => deps.clock.now(), adopt: (v) => cache.adopt(v),
      }),
    },
    async start() {
      await cache.load();
    },
    async reload() {
      await cache.load();
    },
  };
}
