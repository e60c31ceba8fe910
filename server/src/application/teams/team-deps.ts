// What the team use cases share: the stores, the audit log, the clock, and the cache that must hear of
// every change (so the case-access rule answers from the new teams at once here, within seconds elsewhere).
import { ForbiddenError } from '../../domain/errors';
import { can } from '../../domain/policies';
import { civilDateOf } from '../../domain/calendar/london-time';
import type { CivilDate } from '../../domain/calendar/civil-date';
import type { TeamDirectory } from '../../domain/teams/team-directory';
import type { AccessGrantLog } from '../../ports/access-grant-log.port';
import type { AuditLog } from '../../ports/audit-log.port';
import type { TeamRepository } from '../../ports/team-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';

export interface TeamsDeps {
  teams: TeamRepository;
  users: Pick<UserRepository, 'findById' | 'list' | 'update'>;
  audit: Pick<AuditLog, 'record'>;
  now: () => Date;
  directory(): TeamDirectory;
  /** Reload the directory after a change (and tell other servers). */
  changed(): Promise<void>;
  /** Access to children's data given by one administrator, shown to all of them (team-access-given.ts). */
  grants?: AccessGrantLog;
}

export interface TeamActor { id: string; username?: string; roles: readonly string[]; active?: boolean }

export const auditActor = (a: TeamActor) => ({ id: a.id, ...(a.username ? { username: a.username } : {}), roles: [...a.roles] });

export function requireTeamAdmin(actor: TeamActor): void {
  if (!can(actor, 'administer-users')) throw new ForbiddenError('Only administrators can change teams', 'NOT_ADMINISTRATOR');
}

/** Today on London's wall clock: memberships change on a local day. */
export const today = (now: Date): CivilDate => civilDateOf(now, 'Europe/London');

/** Every user, a page at a time (a service has hundreds, not millions). */
export async function allUsers(users: TeamsDeps['users']) {
  const out = [];
  for (let offset = 0; ; offset += 200) {
    const page = await users.list({}, { offset, limit: 200 });
    out.push(...page.items);
    if (page.items.length < 200) return out;
  }
}
/** The same teams, in any order. */
export const sameMembers = (a: readonly string[], b: readonly string[]): boolean =>
  a.length === b.length && [...a].sort().every((x, i) => x === [...b].sort()[i]);
