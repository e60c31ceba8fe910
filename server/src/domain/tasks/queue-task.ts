// A user task as the task queues see it: the engine's user task plus the product's own facts
// (who claimed it and when, which case and team it belongs to, how its due date was revised).
export type QueueTaskState = 'open' | 'completed' | 'cancelled';

export interface QueueTask {
  id: string; // the engine's user task key
  instanceKey: string;
  processId: string;
  processVersion: number;
  elementId: string;
  name: string;
  candidateGroups: string[];
  candidateUsers: string[];
  assignee?: string; // user id
  claimedAt?: string;
  dueDate?: string; // ISO
  followUpDate?: string;
  /** Bumped whenever the due date or assignee changes, so planned notices can be re-planned. */
  revision: number;
  formId?: string;
  priority: number;
  caseId?: string; // the process instance's business key
  team?: string;
  state: QueueTaskState;
  createdAt: string;
  completedAt?: string;
  completedBy?: string;
}

export interface TaskQuery {
  state?: QueueTaskState;
  assignee?: string | null; // null = unassigned
  candidateGroupsAny?: string[];
  candidateUser?: string;
  teamsAny?: string[];
  /** With teamsAny: also tasks that belong to no team (no case, or a case not yet known). */
  includeUnteamed?: boolean;
  processId?: string;
  caseId?: string;
  dueBefore?: string;
  dueAfter?: string;
  followUpBefore?: string;
  followUpAfter?: string;
  minPriority?: number;
  completedBy?: string;
}

export type TaskSortField = 'dueDate' | 'priority' | 'createdAt' | 'name' | 'completedAt';

export interface TaskSort {
  field: TaskSortField;
  direction: 'asc' | 'desc';
}

export const isOverdue = (task: Pick<QueueTask, 'dueDate' | 'state'>, now: Date): boolean =>
  task.state === 'open' && !!task.dueDate && new Date(task.dueDate).getTime() < now.getTime();
