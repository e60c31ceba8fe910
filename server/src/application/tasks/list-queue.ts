// One page of a queue. Page size is capped so a queue request stays cheap at 100k open tasks; the
// repository's indexes lead with each queue's selector (see task.repository.ts).
import type { QueueTask, TaskSort } from '../../domain/tasks/queue-task';
import type { Clock } from '../../ports/clock.port';
import type { Page } from '../../ports/repository.port';
import type { TaskRepository } from '../../ports/task-repository.port';
import type { Actor } from '../cases/case-access';
import { namesOfProcesses, type ProcessNameOf } from './process-names';
import { labelTasks, type TaskLabelDeps, type TaskLabels } from './task-labels';
import { defaultSort, queueQuery, type QueueFilters, type QueueName } from './task-queues';

export const MAX_PAGE = 100;

export interface ListQueueInput {
  queue: QueueName;
  filters: QueueFilters;
  sort?: TaskSort;
  offset: number;
  limit: number;
}

export interface QueueRow extends QueueTask, TaskLabels {
  overdue: boolean;
  /** The process as its model names it, when known. */
  processName?: string;
}

export type ListQueueDeps = { tasks: TaskRepository; clock: Clock; processNames?: ProcessNameOf } & TaskLabelDeps;

export async function listQueue(deps: ListQueueDeps, actor: Actor, input: ListQueueInput): Promise<Page<QueueRow>> {
  const now = deps.clock.now();
  const query = queueQuery(input.queue, actor, now, input.filters);
  const limit = Math.min(Math.max(1, input.limit), MAX_PAGE);
  const page = await deps.tasks.search(query, input.sort ?? defaultSort(input.queue), { offset: Math.max(0, input.offset), limit });
  const [items, names] = await Promise.all([
    labelTasks(deps, actor, page.items),
    deps.processNames ? namesOfProcesses(deps.processNames, page.items) : new Map<string, string>(),
  ]);
  return {
    ...page,
    items: items.map((t) => {
      const processName = names.get(`${t.processId}@${t.processVersion}`);
      return { ...t, ...(processName ? { processName } : {}), overdue: t.state === 'open' && !!t.dueDate && t.dueDate < now.toISOString() };
    }),
  };
}
