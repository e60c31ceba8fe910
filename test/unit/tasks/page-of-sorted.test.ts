import { compareTasks } from '../../../server/src/adapters/mongo/task-queue-plan';
import { pageOfSorted } from '../../../server/src/domain/tasks/page-of-sorted';
import type { QueueTask, TaskSort } from '../../../server/src/domain/tasks/queue-task';

// A small deterministic generator, so a failure names the case that broke.
function rng(seed: number): () => number {
  let s = seed;
  return () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
}

function tasks(n: number, next: () => number): QueueTask[] {
  return Array.from({ length: n }, (_, i) => ({
    id: `t${Math.floor(next() * 1e6)}-${i}`, instanceKey: 'i', processId: 'p', processVersion: 1, elementId: 'e', name: `n${i}`,
    candidateGroups: ['case-managers'], candidateUsers: [], revision: 0, state: 'open', createdAt: '2026-11-01T00:00:00.000Z',
    priority: Math.floor(next() * 5), // many ties: the id decides
    ...(next() < 0.2 ? {} : { dueDate: new Date(Date.UTC(2026, 11, 1 + Math.floor(next() * 20))).toISOString() }),
  }));
}

describe('a page of a queue without sorting it all', () => {
  const sorts: TaskSort[] = [{ field: 'dueDate', direction: 'asc' }, { field: 'dueDate', direction: 'desc' }, { field: 'priority', direction: 'desc' }];
  it.each([
    [1000, 0, 25], [1000, 50, 25], [1000, 975, 25], [300, 0, 1], [10, 0, 25], [0, 0, 25], [5000, 100, 50], [5000, 400, 25],
  ])('%i rows, offset %i, limit %i: the same rows as a full sort, in order', (n, offset, limit) => {
    const next = rng(n + offset + limit);
    const rows = tasks(n, next);
    for (const sort of sorts) {
      const compare = compareTasks(sort);
      const expected = [...rows].sort(compare).slice(offset, offset + limit).map((t) => t.id);
      const page = pageOfSorted(rows, compare, offset, limit);
      expect(page.items.map((t) => t.id)).toEqual(expected);
      expect(page.total).toBe(n);
    }
  });

  it('rows arriving in order or in reverse (each one entering the kept rows) give the sorted slice too', () => {
    const compare = compareTasks({ field: 'dueDate', direction: 'asc' });
    const sorted = tasks(2000, rng(11)).sort(compare);
    for (const rows of [sorted, [...sorted].reverse()]) {
      expect(pageOfSorted(rows, compare, 100, 25).items.map((t) => t.id)).toEqual(sorted.slice(100, 125).map((t) => t.id));
    }
  });

  it('leaves the rows it was given in their order', () => {
    const rows = tasks(500, rng(7));
    const before = rows.map((t) => t.id);
    pageOfSorted(rows, compareTasks({ field: 'dueDate', direction: 'asc' }), 0, 25);
    expect(rows.map((t) => t.id)).toEqual(before);
  });
});
