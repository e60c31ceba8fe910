// One row of the reporting projection: a user task that has a due date from a statutory (or local)
// timescale, with what a timeliness report needs and nothing about the child. Reports read these rows
// instead of scanning cases and tasks (FerretDB decodes every document of a filtered scan).
// A fact is derived from the task queue's row, the timescale the due date came from, and the version
// of the timescales the case's process used — all three fixed once the task exists — so rebuilding
// from the source data gives the same row as keeping it live.
import type { QueueTask } from '../tasks/queue-task';

export interface TaskFact {
  /** The task's id (the engine's user task key). */
  id: string;
  caseId?: string;
  team?: string;
  /** Who completed it; for an open task, who holds it (absent: nobody yet). */
  worker?: string;
  processId: string;
  processVersion: number;
  elementId: string;
  taskName: string;
  timescaleId: string;
  /** The version of the timescales the case's process used (the instance's `timescalesVersion`). */
  timescaleVersion: number;
  createdAt: string;
  dueDate: string;
  state: 'open' | 'completed';
  completedAt?: string;
}

export interface TimescaleOfTask {
  timescaleId: string;
  timescaleVersion: number;
}

/**
 * The fact of a task, or undefined when the task has no place in timeliness reports: no due date, no
 * timescale behind the due date, or cancelled (work that stopped being needed never fell due).
 */
export function deriveTaskFact(task: QueueTask, timescale: TimescaleOfTask | undefined): TaskFact | undefined {
  if (!task.dueDate || !timescale || task.state === 'cancelled') return undefined;
  const worker = task.state === 'completed' ? task.completedBy ?? task.assignee : task.assignee;
  return {
    id: task.id,
    ...(task.caseId ? { caseId: task.caseId } : {}),
    ...(task.team ? { team: task.team } : {}),
    ...(worker ? { worker } : {}),
    processId: task.processId,
    processVersion: task.processVersion,
    elementId: task.elementId,
    taskName: task.name,
    timescaleId: timescale.timescaleId,
    timescaleVersion: timescale.timescaleVersion,
    createdAt: task.createdAt,
    dueDate: task.dueDate,
    state: task.state,
    ...(task.state === 'completed' && task.completedAt ? { completedAt: task.completedAt } : {}),
  };
}

/** Two facts are the same row (the live projection and a rebuild are compared with this). */
export function sameFact(a: TaskFact, b: TaskFact): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]) as Set<keyof TaskFact>;
  return [...keys].every((k) => a[k] === b[k]);
}
