// Translates a TaskQuery (already validated at the HTTP edge) into a Mongo filter. Values are
// always placed under explicit operators here, never spread from input, so no operator injection.
import type { TaskQuery, TaskSort } from '../../domain/tasks/queue-task';

const range = (after?: string, before?: string) => {
  if (!after && !before) return undefined;
  const r: Record<string, Date> = {};
  if (after) r.$gte = new Date(after);
  if (before) r.$lt = new Date(before);
  return r;
};

export function buildTaskFilter(q: TaskQuery): Record<string, unknown> {
  const f: Record<string, unknown> = {};
  if (q.state) f.state = q.state;
  if (q.assignee === null) f.assignee = null;
  else if (q.assignee !== undefined) f.assignee = String(q.assignee);
  const or: Record<string, unknown>[] = [];
  if (q.candidateGroupsAny?.length) or.push({ candidateGroups: { $in: q.candidateGroupsAny.map(String) } });
  if (q.candidateUser) or.push({ candidateUsers: String(q.candidateUser) });
  if (or.length === 1) Object.assign(f, or[0]);
  else if (or.length > 1) f.$or = or;
  if (q.teamsAny) f.team = { $in: [...q.teamsAny.map(String), ...(q.includeUnteamed ? [null] : [])] };
  if (q.processId) f.processId = String(q.processId);
  if (q.caseId) f.caseId = String(q.caseId);
  const due = range(q.dueAfter, q.dueBefore);
  if (due) f.dueDate = due;
  const follow = range(q.followUpAfter, q.followUpBefore);
  if (follow) f.followUpDate = follow;
  if (q.minPriority !== undefined) f.priority = { $gte: Number(q.minPriority) };
  if (q.completedBy) f.completedBy = String(q.completedBy);
  return f;
}

export function sortSpec(sort: TaskSort): Record<string, 1 | -1> {
  const dir = sort.direction === 'asc' ? 1 : -1;
  // _id breaks ties so paging is stable when many tasks share a due date.
  return { [sort.field]: dir, _id: 1 };
}
