// Roles and permissions as versioned data (issue 23, docs/permissions.md): the repository, the cache that
// puts the version in force where the policy functions read it, /api/admin/permissions, and the jobs of the
// second administrator's approval of a change to one's own access. The cache's
// version check runs before every API request (at most one `_id` read per server every two seconds), which
// is how a save on one server reaches the others in TOPOLOGY=shared without a restart.
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { MongoPermissionRequestRepository } from '../../adapters/mongo/permission-request.repository';
import { MongoPermissionVersionRepository } from '../../adapters/mongo/permission-version.repository';
import { MongoServiceAccountRepository } from '../../adapters/mongo/service-account.repository';
import type { ServiceAccountDeps } from '../../application/service-accounts/service-account-admin';
import { PermissionTableCache } from '../../application/permissions/permission-table-cache';
import { putTableInForce } from '../../domain/policies';
import { createPermissionsRouter } from '../../http/permissions.routes';
import { currentUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import {
  PERMISSION_APPROVAL_GUARD_JOB_TYPE, PERMISSION_CHANGE_DECIDE_JOB_TYPE, createPermissionDecideJob, permissionApprovalGuardJob,
} from '../../jobs/permission-approval.job';
import { requestAccountApproval } from '../../application/permissions/request-account-approval';
import type { AccountApprovals, TeamMembershipRecorder } from '../../application/users/user-admin-deps';
import type { SystemModule } from './module';

export interface PermissionsModuleDeps {
  conn: Connection;
  users: Pick<UserRepository, 'list' | 'findById' | 'update'>;
  /** Where an approved change to an administrator's own teams becomes dated memberships (the teams module). */
  memberships?: TeamMembershipRecorder;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
  /** Runs the second administrator's approval (processes/permission-change-approval.bpmn); its jobs are registered here. */
  engine: Pick<WorkflowEngine, 'registerJobHandler' | 'startInstance' | 'listUserTasks' | 'assignUserTask' | 'completeUserTask' | 'getInstance'>;
}

/** How stale another server's save may be here, at most. */
export const PERMISSION_CHECK_MS = 2000;

export interface PermissionsModule extends SystemModule {
  cache: PermissionTableCache;
  /** The users page's changes to an administrator's own access wait here (same approval process). */
  approvals: AccountApprovals;
  /** New service accounts whose scopes read case data wait here (same approval process). */
  serviceAccountApprovals: NonNullable<ServiceAccountDeps['approvals']>;
}

export function createPermissionsModule(deps: PermissionsModuleDeps): PermissionsModule {
  const permissions = new MongoPermissionVersionRepository(deps.conn, () => deps.clock.now());
  const cache = new PermissionTableCache({
    repository: permissions, put: putTableInForce, maxAgeMs: PERMISSION_CHECK_MS, nowMs: () => performance.now(),
    onRefused: (version, problems) => deps.logger.error({ version, problems }, 'stored permission version fails the safety rails; the previous one stays in force'),
    onCheckFailed: (err, version) => deps.logger.warn({ err, version }, 'permission version check failed; the last known version stays in force'),
  });
  const decisions = {
    permissions, requests: new MongoPermissionRequestRepository(deps.conn), users: deps.users, audit: deps.audit,
    now: () => deps.clock.now(), adopt: (v: Parameters<PermissionTableCache['adopt']>[0]) => cache.adopt(v), memberships: deps.memberships,
    // A decision on a new service account that reads case data takes effect on the account (same collection as the integration module's).
    serviceAccounts: new MongoServiceAccountRepository(deps.conn),
  };
  deps.engine.registerJobHandler(PERMISSION_APPROVAL_GUARD_JOB_TYPE, permissionApprovalGuardJob);
  deps.engine.registerJobHandler(PERMISSION_CHANGE_DECIDE_JOB_TYPE, createPermissionDecideJob({ ...decisions, engine: deps.engine }));
  return {
    cache,
    approvals: { request: (actor, change) => requestAccountApproval({ ...decisions, engine: deps.engine }, actor, change) },
    serviceAccountApprovals: { request: (actor, change) => requestAccountApproval({ ...decisions, engine: deps.engine }, { ...actor, teams: [] }, change, 'service-account') },
    apiMiddleware: [(_req, _res, next) => { cache.ensureFresh().then(() => next(), next); }],
    apiRouters: {
      '/admin/permissions': createPermissionsRouter({ currentActor: currentUser, ...decisions, engine: deps.engine }),
    },
    async start() {
      await cache.load();
    },
    async reload() {
      await cache.load();
    },
  };
}
