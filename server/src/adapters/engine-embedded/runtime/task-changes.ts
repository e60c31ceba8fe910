// Changes to an open user task's attributes (assign, update, listener corrections), checked as data. A value of
// null clears the attribute. Zeebe takes the same attribute names and ranges (priority 0–100).
import type { UserTaskCorrections, UserTaskView } from '../../../ports/workflow-engine.port';

export type TaskAttributes = {
  assignee?: string | null;
  candidateGroups?: string[];
  candidateUsers?: string[];
  dueDate?: string | null;
  followUpDate?: string | null;
  priority?: number;
};

/** A change on its way through the listeners: what it sets, and which attributes it touched so far. */
export interface TaskChange {
  set: TaskAttributes;
  changed: string[];
  action: string;
  /** Lets the caller waiting on this change find its outcome among the effects. */
  requestId?: string;
}

const ATTRIBUTES = ['assignee', 'candidateGroups', 'candidateUsers', 'dueDate', 'followUpDate', 'priority'] as const;

/**
 * Checks raw attribute values; returns them normalised (dates as ISO strings) or per-attribute problems.
 * `allowed` limits which attributes may appear (an update may not touch the assignee).
 */
export function checkTaskAttributes(raw: unknown, allowed: readonly string[] = ATTRIBUTES): { set: TaskAttributes; problems: Record<string, string> } {
  const set: Record<string, unknown> = {};
  const problems: Record<string, string> = {};
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) return { set, problems: { '': 'expected an object of task attributes' } };
  for (const [key, value] of Object.entries(raw as Record<string, unknown>)) {
    if (value === undefined) continue;
    if (!allowed.includes(key)) { problems[key] = `'${key}' cannot be changed here (allowed: ${allowed.join(', ')})`; continue; }
    const problem = checkOne(key, value);
    if (problem) problems[key] = problem;
    else set[key] = key.endsWith('Date') && value !== null ? new Date(value as string).toISOString() : value;
  }
  return { set: set as TaskAttributes, problems };
}

function checkOne(key: string, value: unknown): string | undefined {
  switch (key) {
    case 'assignee':
      return value === null || (typeof value === 'string' && value.trim() !== '') ? undefined : 'expected a user id or null';
    case 'candidateGroups':
    case 'candidateUsers':
      return Array.isArray(value) && value.every((v) => typeof v === 'string' && v.trim() !== '') ? undefined : 'expected a list of ids';
    case 'dueDate':
    case 'followUpDate':
      return value === null || (typeof value === 'string' && !Number.isNaN(Date.parse(value))) ? undefined : 'expected an ISO 8601 date-time or null';
    case 'priority':
      return Number.isInteger(value) && (value as number) >= 0 && (value as number) <= 100 ? undefined : 'expected a whole number from 0 to 100';
    default:
      return 'unknown attribute';
  }
}

/** The task as it will look once the change is applied (what listeners see). */
export function withChange(task: UserTaskView, set: TaskAttributes): UserTaskView {
  const next: Record<string, unknown> = { ...task };
  for (const [k, v] of Object.entries(set)) {
    if (v === null) delete next[k];
    else next[k] = v;
  }
  return next as unknown as UserTaskView;
}

/** Applies listener corrections to a change; the corrected attributes join changedAttributes. */
export function correctChange(change: TaskChange, corrections: UserTaskCorrections): TaskChange {
  const { set } = checkTaskAttributes(corrections);
  const changed = [...change.changed];
  for (const k of Object.keys(set)) if (!changed.includes(k)) changed.push(k);
  return { ...change, set: { ...change.set, ...set }, changed };
}

/** A problem with a listener's corrections, as one message (undefined when they are fine). */
export function correctionsProblem(corrections: unknown): string | undefined {
  if (corrections === undefined || corrections === null) return undefined;
  const { problems } = checkTaskAttributes(corrections);
  const list = Object.entries(problems).map(([k, v]) => `${k}: ${v}`);
  return list.length ? `invalid task listener corrections (${list.join('; ')})` : undefined;
}
