// Closing a task cancels its notices not yet sent. On the sole server the outbox keeps those by task in
// memory, so a completion neither scans the outbox (every email ever planned) nor, for a task without open
// notices, sends any command; the same notices are cancelled as by the database query it replaces.
import mongoose, { type Connection } from 'mongoose';
import { MongoOutboxRepository } from '../../../server/src/adapters/mail/outbox.repository';
import type { NewOutboxEntry } from '../../../server/src/ports/escalation-outbox.port';
import { freshDbName, testDbUri } from '../../support/test-db';

const at = '2026-11-24T09:00:00.000Z';
const notice = (id: string, taskId: string | undefined, state: 'pending' | 'held' = 'pending'): NewOutboxEntry => ({
  id, kind: taskId ? 'notice' : 'digest', source: 'sweep', ...(taskId ? { taskId, level: 'overdue' as const, taskRevision: 0 } : {}),
  recipientId: 'u1', to: 'u1@example.org', subject: 's', text: 't', html: '<p>t</p>', messageId: `<${id}@yjs>`, state,
});

describe('open notices by task (sole server)', () => {
  let conn: Connection;
  const outboxCommands: string[] = [];

  beforeAll(async () => {
    conn = mongoose.createConnection(testDbUri(), { dbName: freshDbName('opennotices'), monitorCommands: true, retryWrites: false });
    await conn.asPromise();
    conn.getClient().on('commandStarted', (e) => {
      const c = e.command;
      if (c[e.commandName] === 'escalation_outbox') outboxCommands.push(`${e.commandName}:${Object.keys(c.updates?.[0]?.q ?? c.filter ?? {}).join(',')}`);
    });
  });
  afterAll(async () => {
    await conn.dropDatabase().catch(() => undefined);
    await conn.close();
  });

  it('cancels exactly the open notices of the closed task by _id, and sends nothing for a task without any', async () => {
    const plain = new MongoOutboxRepository(conn);
    await plain.init();
    await plain.enqueue([notice('n1', 'T1'), notice('n2', 'T1', 'held'), notice('n3', 'T1'), notice('n4', 'T2'), notice('d1', undefined)], at, 5);
    await plain.patch('n3', { state: 'sent', sentAt: at }); // already sent: stays sent

    const indexed = new MongoOutboxRepository(conn, { indexOpen: true });
    await indexed.init(); // a start: the index comes from the stored open notices
    await indexed.enqueue([notice('n5', 'T1')], at, 5);
    outboxCommands.length = 0;
    expect(await indexed.cancelForTask('T9', 'task-closed', at)).toBe(0);
    expect(outboxCommands).toEqual([]);
    expect(await indexed.cancelForTask('T1', 'task-closed', at)).toBe(3);
    expect(outboxCommands.every((c) => c.endsWith(':_id'))).toBe(true);
    const state = async (id: string) => (await indexed.findById(id))?.state;
    expect(await Promise.all(['n1', 'n2', 'n3', 'n4', 'n5', 'd1'].map(state))).toEqual(['cancelled', 'cancelled', 'sent', 'pending', 'cancelled', 'pending']);
    expect(await indexed.cancelForTask('T1', 'task-closed', at)).toBe(0); // once

    // A dead letter retried is open again, and cancelled with its task.
    await indexed.patch('n4', { state: 'dead' });
    expect(await indexed.cancelForTask('T2', 'task-closed', at)).toBe(0);
    await indexed.patch('n4', { state: 'pending' });
    expect(await indexed.cancelForTask('T2', 'task-closed', at)).toBe(1);
    expect(await state('n4')).toBe('cancelled');
  });
});
