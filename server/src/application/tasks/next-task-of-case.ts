// After a completion, the page offers "Next: <step> for <child>" — the case's next open task this person
// can work now (theirs, or waiting in the queue for a role they have), soonest due first — or nothing, and
// the page links to the case instead. Only the case's own tasks are read (one bounded query).
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
  const open = await deps.tasks.search({ state: 'open', caseId }, { field: 'dueDate', direction: 'asc' }, { offset: 0, limit: 100 });
  const workable = (t: QueueTask) => t.id !== after && (t.assignee === actor.id || (!t.assignee && isCandidate(actor, t)));
  const next = open.items.filter(workable).sort((a, b) => Number(b.assignee === actor.id) - Number(a.assignee === actor.id))[0];
  if (!next) return undefined;
  const [label] = await deps.cases.labelsOf([caseId]);
  return { id: next.id, name: next.name, caseId, ...(label?.displayName ? { caseName: label.displayName } : {}) };
}
