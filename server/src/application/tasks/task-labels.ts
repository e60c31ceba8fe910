// Names a practitioner reads a task by: the child's name beside the case reference, and a colleague's
// name instead of their user id. A page of tasks costs one indexed lookup per distinct case; users
// come from the users repository, which serves them from memory on the single-server setup. The child's
// name is only given for cases the reader may open: anyone else sees the reference alone.
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { canViewCase, type AccessPolicy, type Actor } from '../cases/case-access';

export interface TaskLabelDeps {
  cases: Pick<CaseRepository, 'labelsOf'>;
  policy: AccessPolicy;
  users: Pick<UserRepository, 'findById'>;
}

export interface TaskLabels {
  /** The child's display name, only when the reader may open the case. */
  caseName?: string;
  /** The assignee's display name (their id stays in `assignee`). */
  assigneeName?: string;
}

export async function labelTasks<T extends Pick<QueueTask, 'caseId' | 'assignee'>>(
  deps: TaskLabelDeps, actor: Actor, tasks: readonly T[],
): Promise<(T & TaskLabels)[]> {
  const caseIds = tasks.flatMap((t) => (t.caseId ? [t.caseId] : []));
  const assignees = [...new Set(tasks.flatMap((t) => (t.assignee ? [t.assignee] : [])))];
  const [cases, people] = await Promise.all([
    caseIds.length ? deps.cases.labelsOf(caseIds) : [],
    Promise.all(assignees.map(async (id) => [id, (await deps.users.findById(id))?.displayName] as const)),
  ]);
  const caseNames = new Map(cases.filter((c) => c.displayName && canViewCase(deps.policy, actor, c)).map((c) => [c.id, c.displayName]));
  const userNames = new Map(people.filter(([, name]) => !!name) as [string, string][]);
  return tasks.map((t) => {
    const caseName = t.caseId ? caseNames.get(t.caseId) : undefined;
    const assigneeName = t.assignee ? userNames.get(t.assignee) : undefined;
    return { ...t, ...(caseName ? { caseName } : {}), ...(assigneeName ? { assigneeName } : {}) };
  });
}
