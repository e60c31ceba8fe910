// Merging or splitting teams (domain/teams/team-move.ts). `startMove` checks the request, makes a new
// target team, and writes the move record; `runMove` works it off and is safe to run again at any point:
// every step is idempotent and its progress is added to the record as a set. While a move runs, the
// directory lets both sides reach both teams (team-directory.ts), so its effect is all at once when it ends.
import { NotFoundError, ValidationError } from '../../domain/errors';
import type { Team } from '../../domain/teams/team';
import { moveCounts, moveProblems, type MoveRequest, type TeamMove } from '../../domain/teams/team-move';
import { teamName, teamsOn } from '../../domain/teams/team-directory';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { CaseSearchIndex } from '../../ports/case-search.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { AssignEngine } from '../tasks/claim-task';
import { applyMembershipChange } from './change-membership';
import { syncUserTeams } from './sync-user-teams';
import { releaseStrayTasks } from './release-stray-tasks';
import { guardMoveReach } from './self-reach-guard';
import { moveWordsOf } from './get-teams';
import { moveSentences } from '../../domain/teams/team-move-words';
import { auditActor, requireTeamAdmin, today, type TeamActor, type TeamsDeps } from './team-deps';

export interface MoveDeps extends TeamsDeps {
  cases: Pick<CaseRepository, 'setOwnership'>;
  caseSearch: Pick<CaseSearchIndex, 'rows' | 'rowsOf'>;
  tasks: Pick<TaskRepository, 'search' | 'recordTeam' | 'findById' | 'reassign'>;
  /** Gives a moved task whose worker cannot follow it back to the queue (release-stray-tasks.ts). */
  engine: AssignEngine;
  newId(): string;
}

const OPEN_PAGE = { offset: 0, limit: 500 };
const BY_CREATED = { field: 'createdAt', direction: 'asc' } as const;

export async function startMove(deps: MoveDeps, actor: TeamActor & { displayName?: string }, req: MoveRequest): Promise<TeamMove> {
  requireTeamAdmin(actor);
  const problems = moveProblems(req, deps.directory().teams);
  if (Object.keys(problems).length) throw new ValidationError('Some details need correcting; nothing was moved', problems);
  await guardMoveReach(deps, actor, req);
  const sources = [...new Set(req.sources)].filter((s) => s !== req.target);
  // The cases are fixed now (a merge: every case of the old teams), so a rerun reports them all.
  const rows = req.kind === 'merge' ? (await deps.caseSearch.rows({ teams: sources })).filter((r) => sources.includes(r.team)) : await deps.caseSearch.rowsOf(req.caseIds ?? []);
  const strays = req.kind === 'split' ? (req.caseIds ?? []).filter((id) => !rows.some((r) => r.id === id && sources.includes(r.team))) : [];
  if (strays.length) throw new ValidationError('Some cases are not in the team being split; nothing was moved', { caseIds: `Not cases of ${sources[0]}: ${strays.slice(0, 20).join(', ')}` });
  const now = deps.now();
  if (!deps.directory().teams.some((t) => t.key === req.target)) {
    const team: Team = { key: req.target, name: req.targetName!.trim(), managerIds: [], active: true, createdAt: now.toISOString() };
    await deps.teams.insertTeam(team);
    await deps.audit.record({ actor: auditActor(actor), action: 'team.created', recordType: 'team', recordId: team.key, after: { ...team } });
  }
  const move: TeamMove = {
    id: deps.newId(), kind: req.kind, sources, target: req.target,
    on: today(now), caseIds: rows.map((r) => r.id), userIds: req.userIds ?? [], reason: req.reason.trim(),
    startedAt: now.toISOString(), startedBy: { id: actor.id, name: actor.displayName ?? actor.id }, state: 'running',
    moved: { cases: [], tasks: [], members: [], managers: [] }, toReallocate: [],
  };
  await deps.teams.insertMove(move);
  await deps.audit.record({ actor: auditActor(actor), action: `team.${move.kind}-started`, recordType: 'team-move', recordId: move.id, reason: move.reason, after: { sources: move.sources, target: move.target, cases: move.caseIds.length, people: move.userIds.length } });
  await deps.changed();
  return runMove(deps, move.id);
}

/** Works a move off to its end; a rerun after an interruption finishes it and repeats nothing. */
export async function runMove(deps: MoveDeps, id: string): Promise<TeamMove> {
  const move = await deps.teams.findMove(id);
  if (!move) throw new NotFoundError(`No team move ${id}`, 'TEAM_MOVE_NOT_FOUND');
  if (move.state === 'done') return move;
  const system = { id: move.startedBy.id, roles: [] };
  // Team changes made on the users page since the last sync become memberships first, so their people move too.
  await syncUserTeams(deps);
  await deps.changed();
  // Cases first (with their open tasks), people next, the old teams retired last.
  // The planned cases, and (a merge) any case opened in an old team since the move began.
  const planned = await deps.caseSearch.rowsOf(move.caseIds);
  const late = move.kind === 'merge' ? (await deps.caseSearch.rows({ teams: move.sources })).filter((r) => move.sources.includes(r.team) && !move.caseIds.includes(r.id)) : [];
  const rows = [...planned, ...late];
  for (const row of rows) {
    // Audit first, under a key: a rerun after the write finds the event and writes no second one.
    await deps.audit.record({
      actor: system, action: 'case.team-moved', recordType: 'case', recordId: row.id, key: `${move.id}:case:${row.id}`,
      before: { team: row.team }, after: { team: move.target, move: move.id }, reason: move.reason,
    });
    if (row.team !== move.target) await deps.cases.setOwnership(row.id, { team: move.target });
    await moveTasks(deps, move, (await deps.tasks.search({ state: 'open', caseId: row.id }, BY_CREATED, OPEN_PAGE)).items);
    await deps.teams.recordProgress(move.id, 'cases', [row.id]);
  }
  if (move.kind === 'merge') await moveLeftoverTasks(deps, move);
  await moveMembers(deps, move);
  if (move.kind === 'merge') await retireSources(deps, move);
  await noteReallocations(deps, move, rows.map((r) => r.id));
  await releaseStrayTasks(deps, (await deps.teams.findMove(move.id))!);
  await deps.teams.finishMove(move.id, deps.now().toISOString());
  const done = (await deps.teams.findMove(move.id))!;
  // The report in words goes into the audit too: what moved, from which team to which, by name.
  await deps.audit.record({
    actor: system, action: `team.${move.kind}-completed`, recordType: 'team-move', recordId: move.id, key: `${move.id}:completed`, reason: move.reason,
    after: { ...moveCounts(done), sources: done.sources.map((k) => teamName(deps.directory(), k)), target: teamName(deps.directory(), done.target), report: moveSentences(done, await moveWordsOf(deps)) },
  });
  await deps.changed();
  return done;
}

/** Open tasks go to the target team, and so to its queues (their candidate groups, kept for the report). */
async function moveTasks(deps: MoveDeps, move: TeamMove, tasks: readonly QueueTask[]): Promise<void> {
  for (const t of tasks) await deps.tasks.recordTeam(t.id, move.target);
  await deps.teams.recordProgress(move.id, 'tasks', tasks.map((t) => t.id));
  await deps.teams.recordProgress(move.id, 'queues', tasks.flatMap((t) => t.candidateGroups.map((g) => `${g}|${t.id}`)));
}

/** Open tasks of the old teams that no case listed (a case unknown to the index): their team goes too. */
async function moveLeftoverTasks(deps: MoveDeps, move: TeamMove): Promise<void> {
  for (;;) {
    const page = await deps.tasks.search({ state: 'open', teamsAny: move.sources }, BY_CREATED, OPEN_PAGE);
    await moveTasks(deps, move, page.items);
    if (page.items.length < OPEN_PAGE.limit) return;
  }
}

async function moveMembers(deps: MoveDeps, move: TeamMove): Promise<void> {
  const directory = deps.directory();
  const people = move.kind === 'merge'
    ? [...new Set(directory.memberships.filter((m) => move.sources.includes(m.team)).map((m) => m.userId))].filter((u) => move.sources.some((s) => teamsOn(directory, u, move.on).includes(s)))
    : move.userIds;
  const why = `${move.kind === 'merge' ? 'Teams merged' : 'Team split'}: ${move.reason} (move ${move.id})`;
  for (const userId of people) {
    await applyMembershipChange(deps, { userId, team: move.target, change: 'join', on: move.on }, why);
    for (const s of move.sources) await applyMembershipChange(deps, { userId, team: s, change: 'leave', on: move.on }, why);
    await deps.teams.recordProgress(move.id, 'members', [userId]);
  }
}

/** The old teams' managers manage the merged team; the old teams stay known by key for history. */
async function retireSources(deps: MoveDeps, move: TeamMove): Promise<void> {
  const teams = deps.directory().teams;
  const target = teams.find((t) => t.key === move.target)!;
  const sources = teams.filter((t) => move.sources.includes(t.key));
  const managers = [...new Set([...target.managerIds, ...sources.flatMap((t) => t.managerIds)])];
  const head = target.headOfServiceId ?? sources.find((t) => t.headOfServiceId)?.headOfServiceId;
  await deps.teams.putTeam({ ...target, managerIds: managers, ...(head ? { headOfServiceId: head } : {}) });
  await deps.teams.recordProgress(move.id, 'managers', managers.filter((m) => !target.managerIds.includes(m)));
  for (const { headOfServiceId: _, ...s } of sources) if (s.active) await deps.teams.putTeam({ ...s, active: false, mergedInto: move.target, managerIds: [] });
  await deps.changed();
}

/** A moved case whose allocated worker is not in the target team now: listed for a manager to allocate again. */
async function noteReallocations(deps: MoveDeps, move: TeamMove, caseIds: string[]): Promise<void> {
  const rows = await deps.caseSearch.rowsOf(caseIds);
  const directory = deps.directory();
  const stray = rows.filter((r) => r.caseManagerId && !teamsOn(directory, r.caseManagerId, move.on).includes(move.target));
  await deps.teams.recordFollowUp(move.id, 'toReallocate', stray.map((r) => ({ caseId: r.id, userId: r.caseManagerId! })));
}
