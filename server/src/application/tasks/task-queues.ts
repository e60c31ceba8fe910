// The queues a practitioner works from, each a TaskQuery built from who they are and what time it is.
// Filters narrow a queue, never widen it: a filter's date range is intersected with the queue's own.
import { civilDateOf, zonedInstant } from '../../domain/calendar/london-time';
import { dayOfWeek, plusDays } from '../../domain/calendar/civil-date';
import type { TaskQuery, TaskSort } from '../../domain/tasks/queue-task';
import type { QueueFilters, QueueName } from '../../domain/tasks/queues';
import type { Actor } from '../cases/case-access';

export { QUEUES, type QueueFilters, type QueueName } from '../../domain/tasks/queues';

const ZONE = 'Europe/London';

/** Monday 00:00 of this week and of next week, on London's wall clock (a YJS works to local days). */
export function weekBounds(now: Date): { start: string; end: string } {
  const today = civilDateOf(now, ZONE);
  const monday = plusDays(today, -((dayOfWeek(today) + 6) % 7));
  return { start: zonedInstant(monday, '00:00', ZONE).toISOString(), end: zonedInstant(plusDays(monday, 7), '00:00', ZONE).toISOString() };
}

const later = (a?: string, b?: string) => (!a ? b : !b ? a : a > b ? a : b);
const earlier = (a?: string, b?: string) => (!a ? b : !b ? a : a < b ? a : b);

export function queueQuery(queue: QueueName, actor: Actor, now: Date, filters: QueueFilters): TaskQuery {
  const groups = [...actor.roles];
  // Candidate groups are roles, shared by every team: the team queue is "my roles, in my teams".
  const teams = { teamsAny: [...actor.teams], includeUnteamed: true };
  const own: TaskQuery = (() => {
    switch (queue) {
      case 'mine':
        return { state: 'open', assignee: actor.id };
      case 'team':
        return { state: 'open', candidateGroupsAny: groups, candidateUser: actor.id, ...teams };
      case 'unassigned':
        return { state: 'open', assignee: null, candidateGroupsAny: groups, candidateUser: actor.id, ...teams };
      case 'overdue':
        return { state: 'open', candidateGroupsAny: groups, candidateUser: actor.id, ...teams, dueBefore: now.toISOString() };
      case 'due-this-week': {
        const { start, end } = weekBounds(now);
        return { state: 'open', candidateGroupsAny: groups, candidateUser: actor.id, ...teams, dueAfter: start, dueBefore: end };
      }
      case 'completed':
        return { state: 'completed', completedBy: actor.id };
    }
  })();
  return {
    ...own,
    ...(filters.processId ? { processId: filters.processId } : {}),
    ...(filters.caseId ? { caseId: filters.caseId } : {}),
    ...(filters.minPriority !== undefined ? { minPriority: filters.minPriority } : {}),
    dueAfter: later(own.dueAfter, filters.dueAfter),
    dueBefore: earlier(own.dueBefore, filters.dueBefore),
    followUpAfter: filters.followUpAfter,
    followUpBefore: filters.followUpBefore,
  };
}

/** Completed work reads newest first; open work reads most urgent first. */
export const defaultSort = (queue: QueueName): TaskSort =>
  queue === 'completed' ? { field: 'completedAt', direction: 'desc' } : { field: 'dueDate', direction: 'asc' };
