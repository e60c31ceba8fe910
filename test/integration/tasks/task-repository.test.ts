import { ConflictError } from '../../../server/src/domain/errors';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import type { NewQueueTask } from '../../../server/src/ports/task-repository.port';
import { openTestDb } from '../../support/test-db';

const base = (id: string, over: Partial<NewQueueTask> = {}): NewQueueTask => ({
  id,
  instanceKey: `i-${id}`,
  processId: 'referral-intake',
  processVersion: 1,
  elementId: 'triage',
  name: 'Triage referral',
  candidateGroups: ['case-managers'],
  candidateUsers: [],
  priority: 50,
  createdAt: '2026-11-02T09:00:00.000Z',
  ...over,
});

describe('task queue projection', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let tasks: MongoTaskRepository;

  beforeAll(async () => {
    db = await openTestDb('tasks');
    tasks = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() });
    await tasks.init();
  });
  afterAll(() => db.drop());

  it('records a created task once, even when the event is replayed after a claim', async () => {
    expect(await tasks.recordCreated(base('t1', { dueDate: '2026-11-10T17:00:00.000Z' }))).toBe(true);
    await tasks.claim('t1', 'u-alice', '2026-11-03T10:00:00.000Z');
    // Told it was a replay, so the projection does not route the task again (project-engine-event.ts).
    expect(await tasks.recordCreated(base('t1', { dueDate: '2026-11-10T17:00:00.000Z' }))).toBe(false);
    const t = await tasks.findById('t1');
    expect(t).toMatchObject({ assignee: 'u-alice', state: 'open', dueDate: '2026-11-10T17:00:00.000Z', revision: 1 });
  });

  it('lets exactly one of two simultaneous claims win; the other is told', async () => {
    await tasks.recordCreated(base('race'));
    const results = await Promise.allSettled([
      tasks.claim('race', 'u-a', '2026-11-03T10:00:00.000Z'),
      tasks.claim('race', 'u-b', '2026-11-03T10:00:00.000Z'),
    ]);
    const won = results.filter((r) => r.status === 'fulfilled');
    const lost = results.filter((r): r is PromiseRejectedResult => r.status === 'rejected');
    expect(won).toHaveLength(1);
    expect(lost).toHaveLength(1);
    expect(lost[0].reason).toBeInstanceOf(ConflictError);
    expect(lost[0].reason.code).toBe('TASK_ALREADY_CLAIMED');
    const winner = (won[0] as PromiseFulfilledResult<{ assignee?: string }>).value.assignee;
    expect((await tasks.findById('race'))?.assignee).toBe(winner);
  });

  it('only the assignee can unclaim; a manager can reassign', async () => {
    await tasks.recordCreated(base('t2'));
    await tasks.claim('t2', 'u-a', '2026-11-03T10:00:00.000Z');
    await expect(tasks.unclaim('t2', 'u-b')).rejects.toMatchObject({ code: 'NOT_ASSIGNEE' });
    const moved = await tasks.reassign('t2', 'u-c', '2026-11-03T11:00:00.000Z');
    expect(moved.assignee).toBe('u-c');
    const released = await tasks.unclaim('t2', 'u-c');
    expect(released.assignee).toBeUndefined();
  });

  it('closes a task once and refuses claims on closed tasks', async () => {
    await tasks.recordCreated(base('t3'));
    await tasks.recordClosed('t3', 'completed', '2026-11-04T10:00:00.000Z', 'u-a');
    await tasks.recordClosed('t3', 'cancelled', '2026-11-05T10:00:00.000Z');
    const t = await tasks.findById('t3');
    expect(t).toMatchObject({ state: 'completed', completedBy: 'u-a', completedAt: '2026-11-04T10:00:00.000Z' });
    await expect(tasks.claim('t3', 'u-a', '2026-11-05T10:00:00.000Z')).rejects.toMatchObject({ code: 'TASK_CLOSED' });
  });

  it('filters, sorts and pages queues', async () => {
    for (let i = 0; i < 5; i++) {
      await tasks.recordCreated(base(`q${i}`, { candidateGroups: ['victim-workers'], dueDate: `2026-12-0${i + 1}T17:00:00.000Z`, priority: i * 10 }));
    }
    const page1 = await tasks.search({ state: 'open', candidateGroupsAny: ['victim-workers'] }, { field: 'dueDate', direction: 'asc' }, { offset: 0, limit: 2 });
    expect(page1.total).toBe(5);
    expect(page1.items.map((t) => t.id)).toEqual(['q0', 'q1']);
    const page3 = await tasks.search({ state: 'open', candidateGroupsAny: ['victim-workers'] }, { field: 'dueDate', direction: 'asc' }, { offset: 4, limit: 2 });
    expect(page3.items.map((t) => t.id)).toEqual(['q4']);
    const urgent = await tasks.search({ state: 'open', candidateGroupsAny: ['victim-workers'], minPriority: 30, dueBefore: '2026-12-05T00:00:00.000Z' }, { field: 'priority', direction: 'desc' }, { offset: 0, limit: 10 });
    expect(urgent.items.map((t) => t.id)).toEqual(['q3']);
  });

  it('scans open tasks due before a moment with a keyset cursor', async () => {
    const first = await tasks.openDueBefore('2026-12-03T00:00:00.000Z', undefined, 1);
    const rest = await tasks.openDueBefore('2026-12-03T00:00:00.000Z', first[0].id, 10);
    const ids = [...first, ...rest].map((t) => t.id);
    expect(ids).toEqual(['q0', 'q1', 't1']);
  });
});
