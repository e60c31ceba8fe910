import { compareTasks, matchesQuery } from '../../../server/src/adapters/mongo/task-queue-plan';
import { queueQuery, weekBounds } from '../../../server/src/application/tasks/task-queues';
import type { QueueTask } from '../../../server/src/domain/tasks/queue-task';

const actor = { id: 'u1', roles: ['case-managers'], teams: ['east'] };

describe('queue definitions', () => {
  it('"this week" runs Monday to Monday on London time (BST and GMT)', () => {
    expect(weekBounds(new Date('2026-11-24T10:00:00Z'))).toEqual({ start: '2026-11-23T00:00:00.000Z', end: '2026-11-30T00:00:00.000Z' });
    expect(weekBounds(new Date('2026-07-05T23:30:00Z'))).toEqual({ start: '2026-07-05T23:00:00.000Z', end: '2026-07-12T23:00:00.000Z' }); // 00:30 BST: already Monday 6 July in London
  });
  it('intersects a filter\'s due range with the queue\'s own', () => {
    const q = queueQuery('due-this-week', actor, new Date('2026-11-24T10:00:00Z'), { dueAfter: '2026-11-25T00:00:00.000Z', dueBefore: '2027-01-01T00:00:00.000Z' });
    expect(q).toMatchObject({ dueAfter: '2026-11-25T00:00:00.000Z', dueBefore: '2026-11-30T00:00:00.000Z', teamsAny: ['east'], candidateGroupsAny: ['case-managers'] });
  });
  it('scopes team queues to the user\'s roles and teams, and My tasks to the user', () => {
    expect(queueQuery('mine', actor, new Date(), {})).toMatchObject({ state: 'open', assignee: 'u1' });
    expect(queueQuery('unassigned', actor, new Date(), {})).toMatchObject({ assignee: null, includeUnteamed: true });
    expect(queueQuery('completed', actor, new Date(), {})).toMatchObject({ state: 'completed', completedBy: 'u1' });
  });
});

describe('in-memory queue evaluation matches Mongo semantics', () => {
  const t = (id: string, over: Partial<QueueTask>): QueueTask => ({
    id, instanceKey: 'i', processId: 'p', processVersion: 1, elementId: 'e', name: id, candidateGroups: ['case-managers'], candidateUsers: [],
    revision: 0, priority: 50, state: 'open', createdAt: '2026-11-01T00:00:00.000Z', ...over,
  });
  it('missing due dates sort first ascending, ties broken by id', () => {
    const rows = [t('b', { dueDate: '2026-12-01T00:00:00.000Z' }), t('c', {}), t('a', { dueDate: '2026-12-01T00:00:00.000Z' })];
    expect(rows.sort(compareTasks({ field: 'dueDate', direction: 'asc' })).map((r) => r.id)).toEqual(['c', 'a', 'b']);
  });
  it('a due range never matches a task without a due date; unteamed tasks only when asked', () => {
    expect(matchesQuery(t('x', {}), { dueBefore: '2027-01-01T00:00:00.000Z' })).toBe(false);
    expect(matchesQuery(t('x', {}), { teamsAny: ['east'] })).toBe(false);
    expect(matchesQuery(t('x', {}), { teamsAny: ['east'], includeUnteamed: true })).toBe(true);
    expect(matchesQuery(t('x', { candidateGroups: [], candidateUsers: ['u1'] }), { candidateGroupsAny: ['case-managers'], candidateUser: 'u1' })).toBe(true);
  });
});
