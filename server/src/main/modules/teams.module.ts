// Teams as data (issue 23, README "Teams"): the teams, memberships and moves, the cache the case-access rule
// reads (domain/teams/teams-in-force.ts), and /api/admin/teams. Before each API request: the cache's
// revision check (one `_id` read per server at most every two seconds, so another server's change is seen
// in TOPOLOGY=shared), then the signed-in person's teams become the teams they reach — their own, those they
// manage and those they are head of service over — so queues, search and reports scope as the rule does.
import { randomUUID } from 'node:crypto';
import { performance } from 'node:perf_hooks';
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { MongoTeamRepository } from '../../adapters/mongo/team.repository';
import { MongoAccessGrantLog } from '../../adapters/mongo/access-grant.repository';
import { recordAccountTeams } from '../../application/teams/change-membership';
import { runMove, type MoveDeps } from '../../application/teams/move-teams';
import type { TeamMembershipRecorder } from '../../application/users/user-admin-deps';
import { seedTeams } from '../../application/teams/seed-teams';
import { syncUserTeams } from '../../application/teams/sync-user-teams';
import { TeamDirectoryCache } from '../../application/teams/team-directory-cache';
import { today } from '../../application/teams/team-deps';
import { putDirectoryInForce, reachInForce } from '../../domain/teams/teams-in-force';
import { createTeamsRouter } from '../../http/teams.routes';
import { currentUser, setSessionUser } from '../../http/session-user';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { UserRepository } from '../../ports/user-repository.port';
import type { SystemModule } from './module';

export interface TeamsModuleDeps extends Pick<MoveDeps, 'cases' | 'caseSearch' | 'tasks' | 'engine'> {
  conn: Connection;
  users: Pick<UserRepository, 'findById' | 'list' | 'update'>;
  audit: AuditLog;
  clock: Clock;
  logger: Logger;
}

/** How stale another server's change may be here, at most (as the permission version check). */
export const TEAM_CHECK_MS = 2000;

export interface TeamsModule extends SystemModule, TeamMembershipRecorder {
  cache: TeamDirectoryCache;
  moveDeps: MoveDeps;
}

export function createTeamsModule(deps: TeamsModuleDeps): TeamsModule {
  const teams = new MongoTeamRepository(deps.conn);
  const now = () => deps.clock.now();
  let sync = async () => {};
  const cache = new TeamDirectoryCache({
    teams, put: putDirectoryInForce, maxAgeMs: TEAM_CHECK_MS, nowMs: () => performance.now(), day: () => today(now()),
    onNewDay: () => sync(),
  });
  const moveDeps: MoveDeps = {
    teams, users: deps.users, audit: deps.audit, now, cases: deps.cases, caseSearch: deps.caseSearch, tasks: deps.tasks, engine: deps.engine,
    grants: new MongoAccessGrantLog(deps.conn),
    directory: () => cache.directory, newId: randomUUID,
    changed: async () => { await teams.bumpRevision(); await cache.load(); },
  };
  sync = async () => {
    const r = await syncUserTeams(moveDeps);
    if (r.updated.length || r.recorded.length) {
      deps.logger.info({ updated: r.updated.length, recorded: r.recorded.length }, 'accounts’ teams brought in line with dated memberships');
      await moveDeps.changed();
    }
  };
  return {
    cache,
    moveDeps,
    recordAccountTeams: (userId, list, reason) => recordAccountTeams(moveDeps, userId, list, reason),
    apiMiddleware: [(req, _res, next) => {
      cache.ensureFresh().then(() => {
        const user = currentUser(req);
        if (user) setSessionUser(req, { ...user, teams: reachInForce(user) });
        next();
      }, next);
    }],
    apiRouters: { '/admin/teams': createTeamsRouter({ ...moveDeps, currentActor: currentUser }) },
    async start() {
      const made = await seedTeams(moveDeps);
      if (made.length) deps.logger.info({ teams: made }, 'teams made from the accounts’ team names');
      await cache.load();
      await sync();
      // A move interrupted by a stop or crash is finished before anyone works on its cases.
      for (const m of cache.directory.moving?.length ? (await teams.moves()).filter((x) => x.state === 'running') : []) {
        await runMove(moveDeps, m.id);
        deps.logger.warn({ move: m.id }, 'an interrupted team move was finished');
      }
    },
    async reload() {
      await cache.load();
    },
  };
}
