// The queues a practitioner works from and the filters that narrow them. Pure and browser-safe:
// the client imports these too, so the tabs it shows are the queues the API accepts.
export const QUEUES = ['mine', 'team', 'unassigned', 'overdue', 'due-this-week', 'completed'] as const;
export type QueueName = (typeof QUEUES)[number];
/** What a queue may be sorted by (the query's `sort`, a saved filter's `sort.field`). */
export const QUEUE_SORT_FIELDS = ['dueDate', 'priority', 'createdAt', 'name', 'completedAt'] as const;

export const QUEUE_LABELS: Record<QueueName, string> = {
  mine: 'My tasks',
  team: 'Team queue',
  unassigned: 'Unassigned',
  overdue: 'Overdue',
  'due-this-week': 'Due this week',
  completed: 'Completed',
};

export interface QueueFilters {
  processId?: string;
  caseId?: string;
  dueAfter?: string;
  dueBefore?: string;
  followUpAfter?: string;
  followUpBefore?: string;
  minPriority?: number;
}
