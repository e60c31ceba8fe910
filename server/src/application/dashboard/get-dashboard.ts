// Home: what the signed-in person should look at first — their overdue tasks, what falls due this week,
// their caseload with each case's next deadline, the cases they opened lately; for a team manager, the
// team's overdue work by worker and the open cases nobody has been allocated.
// Every read is bounded: tasks come from the queue index (the person's own queue and their teams' group
// queues), cases from the cases list's index, recent cases from one document read by `_id`. "Now" and
// "this week" come from the product's clock (Europe/London weeks, as the task queues count them).
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { CaseSearchRow } from '../../domain/cases/case-search-row';
import { rolesInForce } from '../../domain/policies';
import type { CaseSearchIndex, RecentCaseStore } from '../../ports/case-search.port';
import type { Clock } from '../../ports/clock.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { UserRepository } from '../../ports/user-repository.port';
import { canViewCase, type AccessPolicy, type Actor } from '../cases/case-access';
import { weekBounds } from '../tasks/task-queues';

/** Tasks read per queue: more than anyone works; the counts say when a list was cut. */
const TASKS_READ = 2000;
const LISTED = 5;
const CASELOAD_LISTED = 50;

export interface DashboardTask { id: string; name: string; dueDate?: string; caseId?: string; caseName?: string }
export interface CaseloadEntry { id: string; displayName: string; dateOfBirth: string; nextDeadline?: { taskId: string; taskName: string; dueDate: string; overdue: boolean } }

export interface Dashboard {
  now: string;
  /** Monday 00:00 of next week, London time: "due this week" is from now until then. */
  weekEnd: string;
  overdue: { count: number; tasks: DashboardTask[] };
  dueThisWeek: { count: number; tasks: DashboardTask[] };
  caseload: { count: number; cases: CaseloadEntry[] };
  recent: { id: string; displayName: string; openedAt: string }[];
  /** Team managers only. */
  team?: {
    overdueCount: number;
    overdueByWorker: { workerId?: string; name: string; count: number }[];
    unallocated: { count: number; cases: { id: string; displayName: string; openedAt: string }[] };
  };
}

export interface DashboardDeps {
  tasks: Pick<TaskRepository, 'search'>;
  caseSearch: CaseSearchIndex;
  recentCases: RecentCaseStore;
  users: Pick<UserRepository, 'findById'>;
  policy: AccessPolicy;
  clock: Clock;
}

const byDue = (a: QueueTask, b: QueueTask) => (a.dueDate ?? '').localeCompare(b.dueDate ?? '') || a.id.localeCompare(b.id);

export async function getDashboard(deps: DashboardDeps, actor: Actor): Promise<Dashboard> {
  const now = deps.clock.now();
  const nowIso = now.toISOString();
  const weekEnd = weekBounds(now).end;
  const sort = { field: 'dueDate' as const, direction: 'asc' as const };
  const page = { offset: 0, limit: TASKS_READ };
  const [mine, teamWork, rows, recentIds] = await Promise.all([
    deps.tasks.search({ state: 'open', assignee: actor.id }, sort, page),
    actor.teams.length
      ? deps.tasks.search({ state: 'open', candidateGroupsAny: rolesInForce(), teamsAny: [...actor.teams] }, sort, page)
      : Promise.resolve({ items: [] as QueueTask[], total: 0 }),
    deps.policy.can(actor, 'view-cases') ? deps.caseSearch.rows({ teams: actor.teams }) : Promise.resolve([] as readonly CaseSearchRow[]),
    deps.recentCases.recent(actor.id),
  ]);
  const visible = new Map(rows.filter((r) => canViewCase(deps.policy, actor, r)).map((r) => [r.id, r]));
  const present = (t: QueueTask): DashboardTask => {
    const c = t.caseId ? visible.get(t.caseId) : undefined;
    return { id: t.id, name: t.name, ...(t.dueDate ? { dueDate: t.dueDate } : {}), ...(t.caseId ? { caseId: t.caseId } : {}), ...(c ? { caseName: c.displayName } : {}) };
  };

  const overdue = mine.items.filter((t) => t.dueDate && t.dueDate < nowIso).sort(byDue);
  const thisWeek = mine.items.filter((t) => t.dueDate && t.dueDate >= nowIso && t.dueDate < weekEnd).sort(byDue);

  // Each case's next deadline: the earliest due open task of the case, whoever holds it.
  const work = new Map<string, QueueTask>([...teamWork.items, ...mine.items].map((t) => [t.id, t]));
  const next = new Map<string, QueueTask>();
  for (const t of work.values()) {
    if (!t.caseId || !t.dueDate) continue;
    const held = next.get(t.caseId);
    if (!held || byDue(t, held) < 0) next.set(t.caseId, t);
  }
  const caseload = [...visible.values()].filter((r) => r.status === 'open' && r.caseManagerId === actor.id)
    .map((r): CaseloadEntry => {
      const t = next.get(r.id);
      return { id: r.id, displayName: r.displayName, dateOfBirth: r.dateOfBirth, ...(t ? { nextDeadline: { taskId: t.id, taskName: t.name, dueDate: t.dueDate!, overdue: t.dueDate! < nowIso } } : {}) };
    })
    .sort((a, b) => (a.nextDeadline?.dueDate ?? '~').localeCompare(b.nextDeadline?.dueDate ?? '~') || a.displayName.localeCompare(b.displayName));

  const recent = recentIds.flatMap(({ caseId, at }) => {
    const c = visible.get(caseId);
    return c ? [{ id: c.id, displayName: c.displayName, openedAt: at }] : [];
  });

  return {
    now: nowIso, weekEnd,
    overdue: { count: overdue.length, tasks: overdue.slice(0, LISTED).map(present) },
    dueThisWeek: { count: thisWeek.length, tasks: thisWeek.slice(0, LISTED).map(present) },
    caseload: { count: caseload.length, cases: caseload.slice(0, CASELOAD_LISTED) },
    recent,
    ...(deps.policy.can(actor, 'allocate') ? { team: await teamView(deps, [...work.values()], visible, nowIso) } : {}),
  };
}

async function teamView(deps: DashboardDeps, work: QueueTask[], visible: Map<string, CaseSearchRow>, nowIso: string): Promise<NonNullable<Dashboard['team']>> {
  const overdue = work.filter((t) => t.dueDate && t.dueDate < nowIso && (!t.caseId || visible.has(t.caseId)));
  const counts = new Map<string | undefined, number>();
  for (const t of overdue) counts.set(t.assignee, (counts.get(t.assignee) ?? 0) + 1);
  const byWorker = await Promise.all([...counts].map(async ([workerId, count]) => ({
    ...(workerId ? { workerId } : {}),
    name: workerId ? (await deps.users.findById(workerId))?.displayName ?? 'A former colleague' : 'Not yet assigned',
    count,
  })));
  const unallocated = [...visible.values()].filter((r) => r.status === 'open' && !r.caseManagerId)
    .sort((a, b) => a.createdAt.localeCompare(b.createdAt));
  return {
    overdueCount: overdue.length,
    overdueByWorker: byWorker.sort((a, b) => b.count - a.count || a.name.localeCompare(b.name)),
    unallocated: { count: unallocated.length, cases: unallocated.slice(0, LISTED * 2).map((r) => ({ id: r.id, displayName: r.displayName, openedAt: r.createdAt })) },
  };
}
