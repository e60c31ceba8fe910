// The teams page: every team in words (its managers, head of service and members on the day, with the
// history of who joined and left when), the people an administrator may choose, and the restructures made.
import { inEffect } from '../../domain/teams/team';
import { moveCounts, type TeamMove } from '../../domain/teams/team-move';
import { moveSentences, type MoveWordsOf } from '../../domain/teams/team-move-words';
import { teamName } from '../../domain/teams/team-directory';
import { roleLabel } from '../../domain/users/role-labels';
import { allUsers, requireTeamAdmin, today, type TeamActor, type TeamsDeps } from './team-deps';

type Person = { id: string; name: string };

const GONE = 'Someone whose account was removed';

/** Teams, people and queues in words, for the move report and its audit (domain/teams/team-move-words.ts). */
export async function moveWordsOf(deps: Pick<TeamsDeps, 'directory' | 'users'>): Promise<MoveWordsOf> {
  const names = new Map((await allUsers(deps.users)).map((u) => [u.id, u.displayName]));
  return { team: (k) => teamName(deps.directory(), k), person: (id) => names.get(id) ?? GONE, queue: roleLabel };
}

export async function getTeams(deps: TeamsDeps, actor: TeamActor) {
  requireTeamAdmin(actor);
  const users = await allUsers(deps.users);
  const words = await moveWordsOf(deps);
  const person = (id: string): Person => ({ id, name: words.person(id) });
  const { teams, memberships } = deps.directory();
  const day = today(deps.now());
  return {
    today: day,
    teams: teams.map((t) => ({
      key: t.key, name: t.name, active: t.active,
      ...(t.mergedInto ? { mergedInto: { key: t.mergedInto, name: words.team(t.mergedInto) } } : {}),
      managers: t.managerIds.map(person),
      ...(t.headOfServiceId ? { headOfService: person(t.headOfServiceId) } : {}),
      members: memberships.filter((m) => m.team === t.key && inEffect(m, day)).map((m) => person(m.userId)).sort((a, b) => a.name.localeCompare(b.name)),
      history: memberships.filter((m) => m.team === t.key).sort((a, b) => b.from.localeCompare(a.from))
        .map((m) => ({ ...person(m.userId), from: m.from, ...(m.to ? { to: m.to } : {}), reason: m.reason })),
    })),
    people: users.filter((u) => u.active).map((u) => person(u.id)).sort((a, b) => a.name.localeCompare(b.name)),
    moves: (await deps.teams.moves()).map((m) => presentMove(m, words)),
  };
}

/** A move as the admin reads it: teams and people in words, what moved in sentences, counts and the lists behind them. */
export function presentMove(m: TeamMove, words: MoveWordsOf) {
  const person = (id: string): Person => ({ id, name: words.person(id) });
  return {
    id: m.id, kind: m.kind, state: m.state, reason: m.reason, startedAt: m.startedAt, startedBy: m.startedBy.name,
    ...(m.finishedAt ? { finishedAt: m.finishedAt } : {}),
    sources: m.sources.map((k) => ({ key: k, name: words.team(k) })), target: { key: m.target, name: words.team(m.target) },
    counts: moveCounts(m), report: moveSentences(m, words),
    cases: m.moved.cases, tasks: m.moved.tasks, members: m.moved.members.map(person), managers: m.moved.managers.map(person),
    toReallocate: m.toReallocate.map((r) => ({ caseId: r.caseId, worker: person(r.userId) })),
    released: (m.released ?? []).map((r) => ({ taskId: r.taskId, task: r.task, worker: person(r.userId) })),
  };
}

export async function getMove(deps: TeamsDeps, actor: TeamActor, id: string) {
  requireTeamAdmin(actor);
  const move = await deps.teams.findMove(id);
  return move && presentMove(move, await moveWordsOf(deps));
}
