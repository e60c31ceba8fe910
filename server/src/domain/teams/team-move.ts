// Merging or splitting teams (issue 23). The database has no transactions, so a move is a record written
// first — what moves where, and the progress made — and then worked off step by step, each step idempotent
// (a case already in the target team is set again to the same team). An interrupted move is finished by
// running it again, at start-up or by the admin; the record is also the report of what moved.
import type { CivilDate } from '../calendar/civil-date';
import type { FieldErrors } from '../errors';
import { TEAM_KEY, type Team } from './team';

export type MoveKind = 'merge' | 'split';

export interface TeamMove {
  id: string;
  kind: MoveKind;
  /** merge: the teams that end; split: the one team that cases and people leave. */
  sources: string[];
  target: string;
  /** The day memberships change. */
  on: CivilDate;
  /** split only: the cases and the people that go to the target (a merge takes all of them). */
  caseIds: string[];
  userIds: string[];
  reason: string;
  startedAt: string;
  startedBy: { id: string; name: string };
  state: 'running' | 'done';
  finishedAt?: string;
  /** Progress, kept as it is made; when done, the report. `queues`: "group|taskId" of each moved open task. */
  moved: { cases: string[]; tasks: string[]; members: string[]; managers: string[]; queues?: string[] };
  /** Moved cases whose allocated worker is not in the target team: a manager should allocate them again. */
  toReallocate: { caseId: string; userId: string }[];
  /** Moved open tasks whose worker does not reach the target team: given back to its queue. */
  released?: { taskId: string; userId: string; task: string }[];
}

export type MoveFollowUp = 'toReallocate' | 'released';

export interface MoveRequest {
  kind: MoveKind;
  sources: string[];
  target: string;
  /** A new target team's name (a split usually makes a new team). */
  targetName?: string;
  caseIds?: string[];
  userIds?: string[];
  reason: string;
}

const list = (v: unknown): string[] | undefined =>
  Array.isArray(v) && v.length <= 5000 && v.every((x) => typeof x === 'string' && x.length <= 64) ? [...new Set(v as string[])] : undefined;

/** Field errors of a request against the teams as they are; empty means the move may start. */
export function moveProblems(req: MoveRequest, teams: readonly Team[]): FieldErrors {
  const errors: FieldErrors = {};
  const active = new Map(teams.filter((t) => t.active).map((t) => [t.key, t]));
  const sources = list(req.sources) ?? [];
  if (!sources.length || !sources.every((s) => active.has(s))) errors.sources = 'Choose the teams to move from, from the list';
  else if (req.kind === 'merge' && sources.filter((s) => s !== req.target).length < 1) errors.sources = 'Choose at least one team other than the one they merge into';
  else if (req.kind === 'split' && sources.length !== 1) errors.sources = 'A split moves cases out of one team: choose one';
  if (typeof req.target !== 'string' || !TEAM_KEY.test(req.target)) errors.target = 'Choose the team to move into, or give a new team’s key';
  else if (!active.has(req.target) && !req.targetName?.trim()) errors.targetName = 'Give the new team’s name';
  else if (req.kind === 'split' && sources.includes(req.target)) errors.target = 'The team a split moves into must differ from the one it splits';
  if (req.kind === 'split') {
    if (!list(req.caseIds) || (!req.caseIds!.length && !list(req.userIds)?.length)) errors.caseIds = 'Name the cases (and people) that move to the new team';
  }
  if (typeof req.reason !== 'string' || !req.reason.trim() || req.reason.length > 500) errors.reason = 'Say why (up to 500 characters), for example the restructure it carries out';
  return errors;
}

/** What the admin reads: counts and lists. */
export const moveCounts = (m: TeamMove) => ({
  cases: m.moved.cases.length, tasks: m.moved.tasks.length, members: m.moved.members.length,
  managers: m.moved.managers.length, toReallocate: m.toReallocate.length, released: m.released?.length ?? 0,
});
