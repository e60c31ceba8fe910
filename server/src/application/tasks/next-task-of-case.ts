// After a completion, the page offers "Next: <step> for <child>" — the case's next open task this person
// can work now (theirs, or waiting in the queue for a role they have), soonest due first — or nothing, and
// the page links to the case instead.
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import { mayActOnCase, type AccessPolicy, type Actor } from '../cases/case-access';
import { isCandidate } from './task-access';

export interface NextTaskDeps {
  tasks: Pick<TaskRepository, 'search'>;
  cases: Pick<CaseRepository, 'labelsOf'>;
  policy: AccessPolicy;
}

export interface NextTask {
  id: string;
  name: string;
  caseId: string;
  /** The child's name (the actor may open the case: they just worked on it). */
  caseName?: string;
}

export async function nextTaskOfCase(deps: NextTaskDeps, actor: Actor, caseId: string | undefined, after: string): Promise<NextTask | undefined> {
  if (!caseId || !deps.policy.can(actor, 'complete') || !(await mayActOnCase(deps, actor, caseId))) return undefined;
  // Two reads the queue answers from its in-memory buckets on a single server (a filter on caseId alone
  // would decode every task row on FerretDB): the person's own open tasks, then their teams' queues.
  const sort = { field: 'dueDate', direction: 'asc' } as const;
  const page = { offset: 0, limit: 100 };
  const mine = await deps.tasks.search({ state: 'open', caseId, assignee: actor.id }, sort, page);
  const queued = mine.items.some((t) => t.id !== after) ? { items: [] } : await deps.tasks.search({
    state: 'open', caseId, assignee: null, candidateGroupsAny: [...actor.roles], teamsAny: [...actor.teams], candidateUser: actor.id,
  }, sort, page);
  const workable = (t: QueueTask) => t.id !== after && (t.assignee === actor.id || (!t.assignee && isCandidate(actor, t)));
  const next = [...mine.items, ...queued.items].filter(workable)[0];
  if (!next) return undefined;
  const [label] = await deps.cases.labelsOf([caseId]);
  return { id: next.id, name: next.name, caseId, ...(label?.displayName ? { caseName: label.displayName } : {}) };
}
