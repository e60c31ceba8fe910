// The open tasks of the in-process queue index (task-queue-index.ts), by id and ordered by due date, so
// the escalation sweep's "open tasks due before T" is a binary search instead of a collection scan.
//
// Why: on FerretDB 1.24/SQLite the sweep's `{state: 'open', dueDate: {$lt: T}}` query reads all 100k
// tasks (~20 s); the same single-server guarantee that keeps the queue index in step keeps this one.
// The order array holds (due, id) pairs rather than tasks: a claim or a completion replaces the task
// object, and only a new due date moves its place.
import type { QueueTask } from '../../domain/tasks/queue-task';

interface Slot {
  due: number;
  id: string;
}

const before = (a: Slot, b: Slot) => a.due < b.due || (a.due === b.due && a.id < b.id);

export class TaskDueIndex {
  private readonly open = new Map<string, QueueTask>();
  /** Open tasks with a due date, ascending by (due, id). */
  private readonly order: Slot[] = [];

  /** An index of these tasks at once (the start-up load): closed ones are skipped, one sort in all. */
  static of(tasks: Iterable<QueueTask>): TaskDueIndex {
    const index = new TaskDueIndex();
    for (const t of tasks) {
      if (t.state !== 'open') continue;
      index.open.set(t.id, t);
      const due = dueOf(t);
      if (due !== undefined) index.order.push({ due, id: t.id });
    }
    index.order.sort((a, b) => (before(a, b) ? -1 : before(b, a) ? 1 : 0));
    return index;
  }

  /** Records a task's latest state: open tasks are (re)placed by due date, closed ones leave. */
  put(task: QueueTask): void {
    const previous = this.open.get(task.id);
    const due = dueOf(task);
    const moved = !previous || dueOf(previous) !== due || task.state !== 'open';
    if (previous && moved) this.removeSlot(previous);
    if (task.state !== 'open') {
      this.open.delete(task.id);
      return;
    }
    if (moved && due !== undefined) {
      const slot = { due, id: task.id };
      this.order.splice(this.lowerBound(slot), 0, slot);
    }
    this.open.set(task.id, task);
  }

  /** The open task with this id; undefined when it is closed, or was never seen. */
  get(id: string): QueueTask | undefined {
    return this.open.get(id);
  }

  /**
   * Open tasks due strictly before `moment`, earliest first, as a snapshot: the caller may await
   * between batches while claims and completions change the index underneath.
   */
  dueBefore(moment: string): QueueTask[] {
    const end = this.lowerBound({ due: Date.parse(moment), id: '' });
    const rows: QueueTask[] = [];
    for (let i = 0; i < end; i++) rows.push(this.open.get(this.order[i].id)!);
    return rows;
  }

  /**
   * Open tasks of one process instance, by id. A linear pass: BPMN escalation jobs are rare and a pass
   * over 100k tasks in memory takes a few milliseconds, not worth a third structure to keep in step.
   */
  ofInstance(instanceKey: string): QueueTask[] {
    const rows: QueueTask[] = [];
    for (const t of this.open.values()) if (t.instanceKey === instanceKey) rows.push(t);
    return rows.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  get size(): number {
    return this.open.size;
  }

  private removeSlot(task: QueueTask): void {
    const due = dueOf(task);
    if (due === undefined) return;
    const i = this.lowerBound({ due, id: task.id });
    if (this.order[i]?.id === task.id) this.order.splice(i, 1);
  }

  /** First position whose slot is not before `slot`. */
  private lowerBound(slot: Slot): number {
    let lo = 0;
    let hi = this.order.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (before(this.order[mid], slot)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }
}

function dueOf(task: QueueTask): number | undefined {
  return task.dueDate ? Date.parse(task.dueDate) : undefined;
}
