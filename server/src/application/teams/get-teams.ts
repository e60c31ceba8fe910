// The teams page: every team in words (its managers, head of service and members on the day, with the
// history of who joined and left when), the people an administrator may choose, and the restructures made.
import { inEffect } from '../../domain/teams/team';
import { moveCounts, type TeamMove } from '../../domain/teams/team-move';
import { allUsers, requireTeamAdmin, today, type TeamActor, type TeamsDeps } from './team-deps';

type Person = { id: string; name: string };

export async function getTeams(deps: TeamsDeps, actor: TeamActor) {
  requireTeamAdmin(actor);
  const users = await allUsers(deps.users);
  const names = new Map(users.map((u) => [u.id, u.displayName]));
  const person = (id: string): Person => ({ id, name: names.get(id) ?? 'Someone whose account was removed' });
  const { teams, memberships } = deps.directory();
  const day = today(deps.now());
  return {
    today: day,
    teams: teams.map((t) => ({
      key: t.key, name: t.name, active: t.active,
      ...(t.mergedInto ? { mergedInto: { key: t.mergedInto, name: teams.find((x) => x.key === t.mergedInto)?.name ?? t.mergedInto } } : {}),
      managers: t.managerIds.map(person),
      ...(t.headOfServiceId ? { headOfService: person(t.headOfServiceId) } : {}),
      members: memberships.filter((m) => m.team === t.key && inEffect(m, day)).map((m) => person(m.userId)).sort((a, b) => a.name.localeCompare(b.name)),
      history: memberships.filter((m) => m.team === t.key).sort((a, b) => b.from.localeCompare(a.from))
        .map((m) => ({ ...person(m.userId), from: m.from, ...(m.to ? { to: m.to } : {}), reason: m.reason })),
    })),
    people: users.filter((u) => u.active).map((u) => person(u.id)).sort((a, b) => a.name.localeCompare(b.name)),
    moves: (await deps.teams.moves()).map((m) => presentMove(deps, m, person)),
  };
}

/** A move as the admin reads it: teams and people in words, counts and the lists behind them. */
export function presentMove(deps: Pick<TeamsDeps, 'directory'>, m: TeamMove, person: (id: string) => Person) {
  const teamName = (k: string) => deps.directory().teams.find((t) => t.key === k)?.name ?? k;
  return {
    id: m.id, kind: m.kind, state: m.state, reason: m.reason, startedAt: m.startedAt, startedBy: m.startedBy.name,
    ...(m.finishedAt ? { finishedAt: m.finishedAt } : {}),
    sources: m.sources.map((k) => ({ key: k, name: teamName(k) })), target: { key: m.target, name: teamName(m.target) },
    counts: moveCounts(m),
    cases: m.moved.cases, tasks: m.moved.tasks, members: m.moved.members.map(person), managers: m.moved.managers.map(person),
    toReallocate: m.toReallocate.map((r) => ({ caseId: r.caseId, worker: person(r.userId) })),
  };
}

export async function getMove(deps: TeamsDeps, actor: TeamActor, id: string) {
  requireTeamAdmin(actor);
  const move = await deps.teams.findMove(id);
  const names = new Map((await allUsers(deps.users)).map((u) => [u.id, u.displayName]));
  return move && presentMove(deps, move, (uid) => ({ id: uid, name: names.get(uid) ?? uid }));
}
