// An administrator whose roles reach children's data may not open more of it to themselves through the teams
// page: joining a team (on any day), managing or heading one, or a merge or split that brings cases into a team
// they reach. Such a change is made by another administrator, or asked for on the administrator's own account
// on the users page, where it waits for a second administrator (docs/permissions.md). Administrators whose roles
// reach none (the shipped admins) restructure freely: a team opens nothing to them, and the approval of roles
// that would reach children's data later names every team they then reach.
import { ForbiddenError } from '../../domain/errors';
import { reachesChildData } from '../../domain/permissions/permission-rails';
import { tableInForce } from '../../domain/policies/table-in-force';
import { teamName, teamReach, type TeamDirectory } from '../../domain/teams/team-directory';
import type { MoveRequest } from '../../domain/teams/team-move';
import type { TeamActor, TeamsDeps } from './team-deps';

/** The teams an actor reaches now (members, managers, heads of service, former teams through their successor). */
async function reachNow(deps: Pick<TeamsDeps, 'users' | 'directory'>, actor: TeamActor): Promise<Set<string>> {
  const user = await deps.users.findById(actor.id);
  return new Set(teamReach(deps.directory(), { id: actor.id, teams: user?.teams ?? [] }));
}

function refuse(directory: TeamDirectory, gained: readonly string[]): never {
  const words = gained.map((t) => teamName(directory, t)).join(', ');
  throw new ForbiddenError(
    `This would open the cases of ${words} to you, and your roles reach children's data: another administrator must make this change, or ask for it on your own account on the Users page, where another administrator approves it`,
    'SELF_REACH_NEEDS_SECOND_ADMIN',
  );
}

/** Refuses a change that would add these teams to the actor's own reach while their roles reach children's data. */
export async function guardOwnReach(deps: Pick<TeamsDeps, 'users' | 'directory'>, actor: TeamActor, teams: readonly string[]): Promise<void> {
  if (!reachesChildData(tableInForce(), actor.roles)) return;
  refuseGained(deps.directory(), await reachNow(deps, actor), teams);
}

function refuseGained(directory: TeamDirectory, now: ReadonlySet<string>, teams: readonly string[]): void {
  const gained = [...new Set(teams)].filter((t) => !now.has(t));
  if (gained.length) refuse(directory, gained);
}

/**
 * A move's teams the actor would reach afterwards and does not now. A merge: whoever reaches one of its teams
 * reaches all of them after (members and managers of the old teams go to the merged one). A split: whoever
 * reaches the team the cases go to (or goes with them) reaches the cases that leave the other.
 */
export async function guardMoveReach(deps: Pick<TeamsDeps, 'users' | 'directory'>, actor: TeamActor, req: MoveRequest): Promise<void> {
  if (!reachesChildData(tableInForce(), actor.roles)) return;
  const now = await reachNow(deps, actor);
  const directory = deps.directory();
  const exists = directory.teams.some((t) => t.key === req.target && t.active);
  const involved = [...new Set([...req.sources, ...(exists ? [req.target] : [])])];
  const opensToActor = req.kind === 'merge' ? involved.some((t) => now.has(t)) : now.has(req.target) || (req.userIds ?? []).includes(actor.id);
  if (opensToActor) refuseGained(directory, now, involved);
}
