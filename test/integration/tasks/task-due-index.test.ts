// The escalation sweep's index-backed task source must answer exactly what the tasks collection answers:
// after a mix of due, not-due, undated, claimed, released, reassigned, re-dated and closed tasks, both
// for changes made after the start-up load and for a rebuild from the collection.
import { MongoEscalationTaskReader } from '../../../server/src/adapters/mongo/escalation-readers';
import { IndexedEscalationTaskReader } from '../../../server/src/adapters/mongo/indexed-escalation-task.reader';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { TaskQueueIndex } from '../../../server/src/adapters/mongo/task-queue-index';
import type { QueueTask } from '../../../server/src/domain/tasks/queue-task';
import type { EscalationTaskReader } from '../../../server/src/ports/escalation-readers.port';
import { openTestDb } from '../../support/test-db';

const at = '2026-11-24T10:00:00.000Z';
const DAY = 86_400_000;
const plus = (days: number) => new Date(Date.parse(at) + days * DAY).toISOString();
const id = (i: number) => `t${String(i).padStart(2, '0')}`;
const byId = (a: QueueTask, b: QueueTask) => (a.id < b.id ? -1 : 1);
const moments = [plus(-30), plus(-3), at, plus(2.5), plus(10), plus(400)];

async function dueBefore(reader: EscalationTaskReader, moment: string, batchSize = 4): Promise<QueueTask[]> {
  const rows: QueueTask[] = [];
  for await (const batch of reader.openDueBefore(moment, batchSize)) {
    expect(batch.length).toBeLessThanOrEqual(batchSize);
    rows.push(...batch);
  }
  return rows.sort(byId);
}

describe('index-backed escalation task source agrees with the tasks collection', () => {
  let db: Awaited<ReturnType<typeof openTestDb>>;
  let repo: MongoTaskRepository;
  let fromDb: MongoEscalationTaskReader;
  let fromIndex: IndexedEscalationTaskReader;

  const create = (i: number) => repo.recordCreated({
    id: id(i), instanceKey: `i${i % 12}`, processId: 'plan-review', processVersion: 1, elementId: 'e', name: `Task ${i}`,
    candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, team: i % 2 ? 'east' : 'west', createdAt: at,
    // Every seventh task has no due date; the rest spread from 20 days overdue to 40 days ahead.
    dueDate: i % 7 === 3 ? undefined : plus((i % 20) * 3 - 20 + (i % 3) / 4),
  });

  beforeAll(async () => {
    db = await openTestDb('due_index');
    repo = new MongoTaskRepository(db.conn, { queues: new TaskQueueIndex() });
    // A third exists before the start-up load (loaded in bulk), the rest arrive afterwards (one by one).
    for (let i = 0; i < 20; i++) await create(i);
    await repo.init();
    for (let i = 20; i < 60; i++) await create(i);
    for (let i = 0; i < 60; i++) {
      const u = ['u1', 'u2', 'u3'][i % 3];
      if (i % 2 === 0) await repo.claim(id(i), u, at);
      if (i % 6 === 0) await repo.unclaim(id(i), u);
      if (i % 5 === 0) await repo.reassign(id(i), 'u4', at);
      if (i % 9 === 0) await repo.setDueDate(id(i), plus(-1)); // re-dated into the overdue range
      if (i % 11 === 1) await repo.setDueDate(id(i), plus(90)); // re-dated out of it
      if (i % 13 === 2) await repo.setDueDate(id(i), undefined); // due date removed
      if (i % 4 === 1) await repo.recordClosed(id(i), i % 8 === 1 ? 'cancelled' : 'completed', at, u);
    }
    fromDb = new MongoEscalationTaskReader(db.conn);
    fromIndex = new IndexedEscalationTaskReader(repo.queues!, fromDb);
  });
  afterAll(() => db.drop());

  it.each(moments)('open tasks due before %s', async (moment) => {
    expect(await dueBefore(fromIndex, moment)).toEqual(await dueBefore(fromDb, moment));
  });

  it('the mix is not trivial: due, not due, claimed, re-dated and closed tasks all occur', async () => {
    const due = await dueBefore(fromDb, at);
    const all = await repo.model.find().lean();
    expect(due.length).toBeGreaterThan(10);
    expect(due.length).toBeLessThan(all.length - 20);
    expect(due.some((t) => t.assignee)).toBe(true);
    expect(due.some((t) => !t.assignee)).toBe(true);
    expect(due.map((t) => t.id)).toContain(id(18)); // created 34 days ahead, re-dated to yesterday
    expect(due.map((t) => t.id)).not.toContain(id(23)); // overdue at creation, re-dated 90 days ahead
    expect(due.map((t) => t.id)).not.toContain(id(5)); // overdue, then completed
    expect(all.filter((d) => d.state !== 'open').length).toBeGreaterThan(10);
  });

  it('finds each task by id as the collection does, closed ones included', async () => {
    for (let i = 0; i < 60; i++) expect(await fromIndex.findById(id(i))).toEqual(await fromDb.findById(id(i)));
    expect(await fromIndex.findById('nope')).toBeUndefined();
  });

  it('lists the open tasks of each process instance as the collection does', async () => {
    for (let k = 0; k < 13; k++) expect(await fromIndex.openByInstance(`i${k}`)).toEqual(await fromDb.openByInstance(`i${k}`));
  });

  it('a rebuild from the collection changes nothing', async () => {
    const before = await Promise.all(moments.map((m) => dueBefore(fromIndex, m)));
    await repo.rebuildQueues();
    expect(await Promise.all(moments.map((m) => dueBefore(fromIndex, m, 500)))).toEqual(before);
  });

  it('asks the database while the index is not loaded yet', async () => {
    const unloaded = new IndexedEscalationTaskReader(new TaskQueueIndex(), fromDb);
    expect(await dueBefore(unloaded, plus(10))).toEqual(await dueBefore(fromDb, plus(10)));
    expect(await unloaded.openByInstance('i4')).toEqual(await fromDb.openByInstance('i4'));
  });
});
