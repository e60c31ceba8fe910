// An in-process index of the task queues: rows grouped by queue key ("open tasks assigned to u",
// "open tasks for group g in team t", "tasks u completed"), answering My tasks / Team queue without a
// database query.
//
// Why: FerretDB 1.24 on SQLite scans the collection for every find — measured here, even `_id`
// equality is not pushed down (findOne is fast only when the match comes early) and each returned row
// costs ~0.2 ms — so no database layout can page a queue out of 100k open tasks in 20 ms. The embedded
// setup runs exactly one server process per DATA_DIR (enforced at start), and every task write goes
// through MongoTaskRepository, which updates this index after the database write; so the index is
// loaded once at start and kept in step. The tasks module makes the one index of the process when the
// topology is single and hands it to the repository (and to the escalation sweep); with several servers on
// one MongoDB it makes none and the compound indexes answer instead.
import type { QueueTask } from '../../domain/tasks/queue-task';
import { TaskDueIndex } from './task-due-index';

/** Completed work is a recent-history queue: older completions stay in the tasks collection only. */
export const COMPLETED_KEPT = 1000;

export const assigneeKey = (userId: string) => `a:${userId}`;
export const groupKey = (group: string, team: string | undefined) => `g:${group}|${team ?? ''}`;
export const candidateUserKey = (userId: string) => `u:${userId}`;
export const completedKey = (userId: string) => `c:${userId}`;

export function keysOf(t: QueueTask): string[] {
  if (t.state === 'open') {
    return [
      ...(t.assignee ? [assigneeKey(t.assignee)] : []),
      ...t.candidateGroups.map((g) => groupKey(g, t.team)),
      ...t.candidateUsers.map(candidateUserKey),
    ];
  }
  return t.state === 'completed' && t.completedBy ? [completedKey(t.completedBy)] : [];
}

export class TaskQueueIndex {
  private buckets = new Map<string, Map<string, QueueTask>>();
  /** Open tasks by due date, for the escalation sweep (see task-due-index.ts). */
  private dueIndex = new TaskDueIndex();
  /** Closed tasks still shown in a "Completed" queue, by id (open ones are in dueIndex). */
  private closed = new Map<string, QueueTask>();
  private loaded = false;
  /** Rows written while load() reads the collection: the cursor may have read them before the write. */
  private putsWhileLoading?: Map<string, QueueTask>;

  /** Until loaded, the repository answers from the database. */
  get isLoaded(): boolean {
    return this.loaded;
  }

  /** Moves a task's row: out of queues it left, into (or refreshed in) the ones it now belongs to. */
  put(task: QueueTask, previous?: QueueTask): void {
    this.dueIndex.put(task);
    this.putInQueues(task, previous);
    this.putsWhileLoading?.set(task.id, task);
  }

  private putInQueues(task: QueueTask, previous?: QueueTask): void {
    const now = new Set(keysOf(task));
    if (previous) for (const k of keysOf(previous)) if (!now.has(k)) this.buckets.get(k)?.delete(task.id);
    if (task.state !== 'open' && now.size) this.closed.set(task.id, task);
    else this.closed.delete(task.id);
    for (const k of now) {
      let rows = this.buckets.get(k);
      if (!rows) this.buckets.set(k, (rows = new Map()));
      rows.set(task.id, task);
      if (k.startsWith('c:') && rows.size > COMPLETED_KEPT) this.trimCompleted(rows);
    }
  }

  /**
   * A task by id when the index holds it (every open task, recently completed ones); undefined means
   * "ask the database" (older or cancelled tasks, or none).
   */
  get(id: string): QueueTask | undefined {
    return this.dueIndex.get(id) ?? this.closed.get(id);
  }

  private trimCompleted(rows: Map<string, QueueTask>): void {
    const oldest = [...rows.values()].sort((a, b) => (a.completedAt ?? '').localeCompare(b.completedAt ?? '')).slice(0, rows.size - COMPLETED_KEPT);
    for (const t of oldest) {
      rows.delete(t.id);
      this.closed.delete(t.id);
    }
  }

  /** Rows of several queues, without duplicates. */
  rows(keys: string[]): QueueTask[] {
    const byId = new Map<string, QueueTask>();
    for (const k of new Set(keys)) for (const [id, t] of this.buckets.get(k) ?? []) byId.set(id, t);
    return [...byId.values()];
  }

  /** Open tasks with their due dates; read through, never written to, from outside. */
  get due(): Pick<TaskDueIndex, 'get' | 'dueBefore' | 'ofInstance' | 'size'> {
    return this.dueIndex;
  }

  /** Derives every queue again from the tasks themselves (start-up, or an operator's rebuild). */
  async load(all: AsyncIterable<QueueTask>): Promise<void> {
    const fresh = new TaskQueueIndex();
    const seen = new Map<string, QueueTask>();
    // A reload while the server runs (after the embedded database restarted) races with writes: keep theirs.
    const later = (this.putsWhileLoading = new Map());
    try {
      for await (const t of all) {
        fresh.putInQueues(t);
        seen.set(t.id, t);
      }
    } finally {
      this.putsWhileLoading = undefined;
    }
    for (const t of later.values()) {
      fresh.putInQueues(t, seen.get(t.id));
      seen.set(t.id, t);
    }
    this.buckets = fresh.buckets;
    this.closed = fresh.closed;
    // One sort rather than 100k ordered inserts (each shifting the array).
    this.dueIndex = TaskDueIndex.of(seen.values());
    this.loaded = true;
  }
}
