// Which timescale, and which version of the timescales, a task's due date came from. Both are fixed
// once the task exists, and both are read from data that does not change afterwards — the BPMN of the
// task's process version, the instance's pinned `timescalesVersion` and its append-only timeline — so the
// live projection and a rebuild from the source data classify a task alike.
// A deadline name can be written from different timescales on different paths (`reviewDue=planReview`
// on one, `reviewDue=defaultTaskDue` on another): the calculate-deadlines step that last completed before
// the task was created decides. A due date that is no deadline (a reminder date, a date the form gave)
// has no timescale, and the task is not in the timeliness report.
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { TimescaleOfTask } from '../../domain/reports/task-fact';
import type { InstanceView } from '../../ports/workflow-engine.port';

export interface DeadlineSources {
  /** User task element id → the deadline names its due date expression reads. */
  dueNames: Record<string, string[]>;
  /** calculate-deadlines element id → the deadlines it writes and from which timescale. */
  writers: Record<string, { name: string; timescaleId: string }[]>;
}

export interface ClassifyDeps {
  deadlineSources(processId: string, version: number): Promise<DeadlineSources | undefined>;
  instance(instanceKey: string): Promise<Pick<InstanceView, 'variables' | 'timeline'> | undefined>;
  /** A timescale id of the shipped set or an edit (a deadline a parent process wrote under its own id). */
  isTimescale(id: string): Promise<boolean>;
}

const sameInstant = (a: unknown, b: string) => typeof a === 'string' && Date.parse(a) === Date.parse(b);

export async function classifyTaskTimescale(deps: ClassifyDeps, task: QueueTask): Promise<TimescaleOfTask | undefined> {
  if (!task.dueDate) return undefined;
  const sources = await deps.deadlineSources(task.processId, task.processVersion);
  const names = sources?.dueNames[task.elementId] ?? [];
  if (!sources || names.length === 0) return undefined;
  const instance = await deps.instance(task.instanceKey);
  const version = instance?.variables.timescalesVersion;
  if (!instance || typeof version !== 'number') return undefined;

  // `=if enhancedRights then deadlines.a else deadlines.b`: the deadline whose value is the task's due date.
  const deadlines = (instance.variables.deadlines ?? {}) as Record<string, unknown>;
  const name = names.length === 1 ? names[0] : names.find((n) => sameInstant(deadlines[n], task.dueDate!));
  if (!name) return undefined;

  const writers = Object.entries(sources.writers).filter(([, writes]) => writes.some((w) => w.name === name));
  const timescaleOf = (elementId: string) => sources.writers[elementId].find((w) => w.name === name)!.timescaleId;
  const candidates = new Set(writers.map(([id]) => timescaleOf(id)));
  if (candidates.size === 0) return (await deps.isTimescale(name)) ? { timescaleId: name, timescaleVersion: version } : undefined;
  if (candidates.size === 1) return { timescaleId: [...candidates][0], timescaleVersion: version };

  const created = Date.parse(task.createdAt);
  const writerIds = new Set(writers.map(([id]) => id));
  const last = instance.timeline
    .filter((e) => e.event === 'completed' && writerIds.has(e.elementId) && Date.parse(e.at) <= created)
    .at(-1);
  return last ? { timescaleId: timescaleOf(last.elementId), timescaleVersion: version } : undefined;
}
