// Teams become data on first start: one team per team key found on the accounts, named in words, with
// memberships from the day each account was made. A team manager in one team manages it; one in several
// teams is their head of service (the demo's Hana Head over North and South). Idempotent: nothing happens
// once any team is stored, and a second server seeding at once is refused by the unique key.
import { isDomainError } from '../../domain/errors';
import { nameFromKey, type Team } from '../../domain/teams/team';
import { allUsers, type TeamsDeps } from './team-deps';

export async function seedTeams(deps: Pick<TeamsDeps, 'teams' | 'users' | 'now'>): Promise<string[]> {
  if ((await deps.teams.teams()).length) return [];
  const users = await allUsers(deps.users);
  const keys = [...new Set(users.flatMap((u) => u.teams))].sort();
  const managers = users.filter((u) => u.active && u.roles.includes('team-managers'));
  const at = deps.now().toISOString();
  const made: string[] = [];
  for (const key of keys) {
    const ofTeam = managers.filter((m) => m.teams.includes(key));
    const team: Team = {
      key, name: nameFromKey(key), active: true, createdAt: at,
      managerIds: ofTeam.filter((m) => m.teams.length === 1).map((m) => m.id),
      ...(ofTeam.find((m) => m.teams.length > 1) ? { headOfServiceId: ofTeam.find((m) => m.teams.length > 1)!.id } : {}),
    };
    try {
      await deps.teams.insertTeam(team);
      made.push(key);
    } catch (e) {
      if (!isDomainError(e)) throw e; // another server made it first
    }
  }
  for (const u of users) {
    for (const team of u.teams) {
      const from = u.createdAt.slice(0, 10);
      await deps.teams.putMembership({ id: `${u.id}:${team}:${from}`, userId: u.id, team, from, reason: 'Team of the account when teams became data' });
    }
  }
  return made;
}
