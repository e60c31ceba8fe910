// The account's stored team list is what the rest of the product reads (queues, allocation, escalation
// recipients): it is kept equal to the memberships in effect. Run after every change and when the day turns
// (a membership dated for later takes effect without anyone saving anything). Where the stored list differs
// with no dated change falling due since the last run, an administrator changed it on the users page: that
// is recorded as memberships from today, so the history stays whole whichever page was used.
import type { CivilDate } from '../../domain/calendar/civil-date';
import type { Membership } from '../../domain/teams/team';
import { teamsOn } from '../../domain/teams/team-directory';
import { allUsers, sameMembers, today, type TeamsDeps } from './team-deps';

const due = (m: Membership, since: CivilDate | undefined, day: CivilDate): boolean =>
  !!since && ((m.from > since && m.from <= day) || (!!m.to && m.to > since && m.to <= day));

export async function syncUserTeams(deps: Pick<TeamsDeps, 'users' | 'teams' | 'now' | 'directory'>): Promise<{ updated: string[]; recorded: string[] }> {
  const day = today(deps.now());
  const since = await deps.teams.syncedOn();
  const { memberships } = deps.directory();
  const updated: string[] = [];
  const recorded: string[] = [];
  for (const user of await allUsers(deps.users)) {
    const own = memberships.filter((m) => m.userId === user.id);
    const inEffect = teamsOn(deps.directory(), user.id, day);
    if (sameMembers(inEffect, user.teams)) continue;
    if (own.some((m) => due(m, since, day))) {
      await deps.users.update(user.id, { teams: inEffect });
      updated.push(user.id);
      continue;
    }
    for (const m of own.filter((x) => x.from <= day && !x.to && !user.teams.includes(x.team))) {
      await deps.teams.putMembership({ ...m, to: day });
    }
    for (const team of user.teams.filter((t) => !inEffect.includes(t))) {
      await deps.teams.putMembership({ id: `${user.id}:${team}:${day}`, userId: user.id, team, from: day, reason: 'Changed on the users page' });
    }
    recorded.push(user.id);
  }
  await deps.teams.markSynced(day);
  return { updated, recorded };
}
