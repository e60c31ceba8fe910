// The chronology's emails of a case's tasks come from each task's list of notices, read by `_id` only: on
// FerretDB 1.24 a filter on the outbox's taskId decodes every email ever planned. The lists follow what the
// outbox inserted (a notice planned twice is listed once; digests are not listed) and go with the tasks' erasure.
import type { Connection } from 'mongoose';
import { MongoOutboxRepository } from '../../../server/src/adapters/mail/outbox.repository';
import { MongoChronologySourcesReader } from '../../../server/src/adapters/mongo/chronology-sources.reader';
import type { NewOutboxEntry } from '../../../server/src/ports/escalation-outbox.port';
import { filterKeys, monitoredConnection } from '../../support/monitored-connection';

const notice = (id: string, taskId: string | undefined, level: 'reminder' | 'overdue' = 'overdue'): NewOutboxEntry => ({
  id, kind: taskId ? 'notice' : 'digest', source: 'sweep', ...(taskId ? { taskId, level, taskRevision: 0 } : {}),
  recipientId: 'u1', to: 'u1@example.org', subject: `About ${id}`, text: 't', html: '<p>t</p>', messageId: `<${id}@yjs>`, state: 'pending',
});

describe("a case's emails for its chronology", () => {
  let conn: Connection;
  let close: () => Promise<void>;
  const outboxReads: string[] = [];
  beforeAll(async () => {
    ({ conn, close } = await monitoredConnection('chronoemails', (e) => {
      if (e.commandName === 'find' && e.command.find === 'escalation_outbox') outboxReads.push(filterKeys(e));
    }));
  });
  afterAll(() => close());

  it('lists the notices of the tasks asked for, oldest first, reading the outbox by _id only', async () => {
    const outbox = new MongoOutboxRepository(conn);
    await outbox.init();
    await outbox.enqueue([notice('n:T1:reminder:u1', 'T1', 'reminder'), notice('n:T2:overdue:u1', 'T2'), notice('d:u1:day', undefined)], '2026-11-20T09:00:00.000Z', 5);
    await outbox.enqueue([notice('n:T1:overdue:u1', 'T1'), notice('n:T1:reminder:u1', 'T1', 'reminder')], '2026-11-21T09:00:00.000Z', 5); // the reminder again: refused
    await outbox.enqueue([notice('n:T3:overdue:u1', 'T3')], '2026-11-22T09:00:00.000Z', 5);
    const reader = new MongoChronologySourcesReader(conn);
    outboxReads.length = 0;
    const emails = await reader.emailsOfTasks(['T1', 'T2', 'T9'], 50);
    expect(emails.map((e) => [e.id, e.taskId, e.level, e.subject])).toEqual([
      ['n:T1:reminder:u1', 'T1', 'reminder', 'About n:T1:reminder:u1'],
      ['n:T2:overdue:u1', 'T2', 'overdue', 'About n:T2:overdue:u1'],
      ['n:T1:overdue:u1', 'T1', 'overdue', 'About n:T1:overdue:u1'],
    ]);
    expect(new Set(outboxReads)).toEqual(new Set(['_id']));
    expect((await reader.emailsOfTasks(['T1', 'T2'], 2)).length).toBe(2);
  });

  it("forgets a task's list when its emails are erased", async () => {
    const outbox = new MongoOutboxRepository(conn);
    expect(await outbox.eraseOf(['T1'], [])).toBe(2);
    const reader = new MongoChronologySourcesReader(conn);
    expect(await reader.emailsOfTasks(['T1'], 50)).toEqual([]);
    expect(await conn.db!.collection('outbox_task_emails').countDocuments({ _id: 'task:T1' as never })).toBe(0);
    expect((await reader.emailsOfTasks(['T3'], 50)).map((e) => e.id)).toEqual(['n:T3:overdue:u1']);
  });
});
