// The queue index is derived: after any mix of task changes, every queue read from it
// must equal the same query run against the tasks collection, and a rebuild must change nothing.
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import { buildTaskFilter, sortSpec } from '../../../server/src/adapters/mongo/task-query.builder';
import { toQueueTask, type TaskDoc } from '../../../server/src/adapters/mongo/task.repository';
import type { TaskQuery, TaskSort } from '../../../server/src/domain/tasks/queue-task';
import { openTestDb } from '../../support/test-db';

const users = ['u1', 'u2', 'u3'];
const at = '2026-11-24T10:00:00.000Z';

describe('queue buckets agree with the tasks collection', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let tasks: MongoTaskRepository;

  beforeAll(async () => {
    db = await openTestDb('qindex');
    tasks = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() });
    await tasks.init();
    for (let i = 0; i < 40; i++) {
      await tasks.recordCreated({
        id: `t${String(i).padStart(2, '0')}`, instanceKey: `i${i}`, processId: i % 2 ? 'referral-order' : 'plan-review', processVersion: 1,
        elementId: 'e', name: `Task ${i}`, candidateGroups: [i % 3 ? 'case-managers' : 'health-workers'], candidateUsers: i % 7 === 0 ? ['u3'] : [],
        priority: (i * 37) % 100, team: i % 4 === 3 ? undefined : ['east', 'west'][i % 2], createdAt: at,
        dueDate: new Date(Date.parse(at) + (i - 10) * 86_400_000).toISOString(),
      });
    }
    // A deterministic mix of claims, releases, reassignments, due-date changes and closures.
    for (let i = 0; i < 40; i++) {
      const id = `t${String(i).padStart(2, '0')}`;
      const u = users[i % 3];
      if (i % 2 === 0) await tasks.claim(id, u, at);
      if (i % 6 === 0) await tasks.unclaim(id, u);
      if (i % 5 === 0) await tasks.reassign(id, users[(i + 1) % 3], at);
      if (i % 9 === 0) await tasks.setDueDate(id, '2026-12-01T17:00:00.000Z');
      if (i % 4 === 0) await tasks.recordClosed(id, i % 8 ? 'completed' : 'cancelled', at, users[(i + 2) % 3]);
    }
  });
  afterAll(() => db.drop());

  const fromCollection = async (q: TaskQuery, sort: TaskSort) =>
    (await tasks.model.find(buildTaskFilter(q)).sort(sortSpec(sort)).lean<TaskDoc[]>()).map((d) => toQueueTask(d).id);
  const fromBuckets = async (q: TaskQuery, sort: TaskSort) => (await tasks.search(q, sort, { offset: 0, limit: 100 })).items.map((t) => t.id);

  const queries: [string, TaskQuery, TaskSort][] = [
    ...users.map((u): [string, TaskQuery, TaskSort] => [`mine ${u}`, { state: 'open', assignee: u }, { field: 'dueDate', direction: 'asc' }]),
    ['team east', { state: 'open', candidateGroupsAny: ['case-managers'], candidateUser: 'u3', teamsAny: ['east'], includeUnteamed: true }, { field: 'priority', direction: 'desc' }],
    ['unassigned west', { state: 'open', assignee: null, candidateGroupsAny: ['case-managers', 'health-workers'], teamsAny: ['west'], includeUnteamed: true }, { field: 'dueDate', direction: 'asc' }],
    ['overdue filtered', { state: 'open', candidateGroupsAny: ['case-managers'], teamsAny: ['east', 'west'], dueBefore: at, processId: 'plan-review' }, { field: 'name', direction: 'asc' }],
    ...users.map((u): [string, TaskQuery, TaskSort] => [`completed ${u}`, { state: 'completed', completedBy: u }, { field: 'completedAt', direction: 'desc' }]),
  ];

  it.each(queries)('%s', async (_name, q, sort) => {
    expect(await fromBuckets(q, sort)).toEqual(await fromCollection(q, sort));
  });

  it('the queries above are not trivially empty', async () => {
    const sizes = await Promise.all(queries.map(([, q, s]) => fromBuckets(q, s).then((ids) => ids.length)));
    expect(sizes.filter((n) => n > 0).length).toBeGreaterThanOrEqual(7);
  });

  it('a repository with the index off (MongoDB, several servers) answers the same from the database', async () => {
    const direct = new MongoTaskRepository(db.conn);
    for (const [, q, sort] of queries) {
      expect((await direct.search(q, sort, { offset: 0, limit: 100 })).items.map((t) => t.id)).toEqual(await fromBuckets(q, sort));
    }
  });

  it('a rebuild from the tasks collection gives the same buckets', async () => {
    const before = await Promise.all(queries.map(([, q, s]) => fromBuckets(q, s)));
    await tasks.rebuildQueues();
    expect(await Promise.all(queries.map(([, q, s]) => fromBuckets(q, s)))).toEqual(before);
  });
});
