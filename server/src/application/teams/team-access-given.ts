// The teams page's half of access-given (application/users/access-given.ts): an administrator putting someone
// else in a team, or making them its manager or head of service, opens that team's cases to them when their
// roles reach children's data — shown to every administrator on the users page, like roles added there.
import { randomUUID } from 'node:crypto';
import { reachesChildData } from '../../domain/permissions/permission-rails';
import { tableInForce } from '../../domain/policies/table-in-force';
import { teamName, teamReach } from '../../domain/teams/team-directory';
import type { AccessGrant } from '../../domain/users/access-grant';
import type { TeamActor, TeamsDeps } from './team-deps';

/** The grant to note once the change is written, if it opens the team to someone else; asked before writing it. */
export async function teamGrantOf(deps: TeamsDeps, actor: TeamActor, userId: string, team: string): Promise<AccessGrant | undefined> {
  if (!deps.grants || userId === actor.id) return undefined;
  const user = await deps.users.findById(userId);
  if (!user?.active || !reachesChildData(tableInForce(), user.roles)) return undefined;
  const directory = deps.directory();
  if (teamReach(directory, user).includes(team)) return undefined;
  const by = await deps.users.findById(actor.id);
  return {
    id: randomUUID(), kind: 'changed', userId, userName: user.displayName, by: actor.id, byName: by?.displayName ?? actor.id,
    at: deps.now().toISOString(), gained: [`the cases of ${teamName(directory, team)}`],
  };
}

export async function noteTeamGrants(deps: TeamsDeps, grants: readonly (AccessGrant | undefined)[]): Promise<void> {
  for (const g of grants) if (g) await deps.grants!.record(g);
}
