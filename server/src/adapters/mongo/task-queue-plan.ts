// Answers a TaskQuery from the queue index (see task-queue-index.ts): which queues hold every possible
// match, and the same filter and sort the Mongo query would apply, evaluated on their rows.
// Queries that no set of queues covers (e.g. all teams of a group) return no plan and go to the database.
import type { QueueTask, TaskQuery, TaskSort } from '../../domain/tasks/queue-task';
import { assigneeKey, candidateUserKey, completedKey, groupKey } from './task-queue-index';

export function bucketKeysFor(q: TaskQuery): string[] | undefined {
  if (q.state === 'open' && typeof q.assignee === 'string') return [assigneeKey(q.assignee)];
  if (q.state === 'open' && q.candidateGroupsAny?.length && q.teamsAny) {
    const teams: (string | undefined)[] = [...q.teamsAny, ...(q.includeUnteamed ? [undefined] : [])];
    return [
      ...q.candidateGroupsAny.flatMap((g) => teams.map((t) => groupKey(g, t))),
      ...(q.candidateUser ? [candidateUserKey(q.candidateUser)] : []),
    ];
  }
  if (q.state === 'completed' && q.completedBy) return [completedKey(q.completedBy)];
  return undefined;
}

const inRange = (v: string | undefined, after?: string, before?: string) =>
  !after && !before ? true : !!v && (!after || v >= after) && (!before || v < before);

export function matchesQuery(t: QueueTask, q: TaskQuery): boolean {
  if (q.state && t.state !== q.state) return false;
  if (q.assignee === null && t.assignee) return false;
  if (typeof q.assignee === 'string' && t.assignee !== q.assignee) return false;
  const byGroup = q.candidateGroupsAny?.length ? t.candidateGroups.some((g) => q.candidateGroupsAny!.includes(g)) : undefined;
  const byUser = q.candidateUser ? t.candidateUsers.includes(q.candidateUser) : undefined;
  if ((byGroup !== undefined || byUser !== undefined) && !byGroup && !byUser) return false;
  if (q.teamsAny && !(t.team ? q.teamsAny.includes(t.team) : q.includeUnteamed)) return false;
  if (q.processId && t.processId !== q.processId) return false;
  if (q.caseId && t.caseId !== q.caseId) return false;
  if (!inRange(t.dueDate, q.dueAfter, q.dueBefore)) return false;
  if (!inRange(t.followUpDate, q.followUpAfter, q.followUpBefore)) return false;
  if (q.minPriority !== undefined && !(t.priority >= q.minPriority)) return false;
  if (q.completedBy && t.completedBy !== q.completedBy) return false;
  return true;
}

/** The order Mongo gives: missing values first when ascending, then _id (task id) to break ties. */
export function compareTasks(sort: TaskSort): (a: QueueTask, b: QueueTask) => number {
  const dir = sort.direction === 'asc' ? 1 : -1;
  return (a, b) => {
    const x = a[sort.field];
    const y = b[sort.field];
    let c = 0;
    if (x === undefined || y === undefined) c = x === y ? 0 : x === undefined ? -1 : 1;
    else c = x < y ? -1 : x > y ? 1 : 0;
    return c * dir || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);
  };
}
