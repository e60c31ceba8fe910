// Closing a task cancels its notices not yet sent, and the delivery poll picks the due ones. On the sole
// server the outbox keeps its live entries in memory, so neither scans the outbox (every email ever
// planned): a completion for a task without open notices sends no command, and delivery reads by _id. They
// select the same entries as the database queries they replace.
import type { Connection } from 'mongoose';
import { MongoOutboxRepository } from '../../../server/src/adapters/mail/outbox.repository';
import type { NewOutboxEntry } from '../../../server/src/ports/escalation-outbox.port';
import { filterKeys, monitoredConnection } from '../../support/monitored-connection';

const at = '2026-11-24T09:00:00.000Z';
const notice = (id: string, taskId: string | undefined, state: 'pending' | 'held' = 'pending'): NewOutboxEntry => ({
  id, kind: taskId ? 'notice' : 'digest', source: 'sweep', ...(taskId ? { taskId, level: 'overdue' as const, taskRevision: 0 } : {}),
  recipientId: 'u1', to: 'u1@example.org', subject: 's', text: 't', html: '<p>t</p>', messageId: `<${id}@yjs>`, state,
});

describe('open notices by task (sole server)', () => {
  let conn: Connection;
  const outboxCommands: string[] = [];

  let close: () => Promise<void>;
  beforeAll(async () => {
    ({ conn, close } = await monitoredConnection('opennotices', (e) => {
      if (e.command[e.commandName] === 'escalation_outbox') outboxCommands.push(`${e.commandName}:${filterKeys(e)}`);
    }));
  });
  afterAll(() => close());

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

  it('selects the same due entries for delivery as the database query, reading them by _id', async () => {
    const plain = new MongoOutboxRepository(conn);
    await plain.enqueue([notice('d-a', 'T20'), notice('d-b', 'T21'), notice('d-c', 'T22'), notice('d-d', 'T23'), notice('d-e', 'T24', 'held')], at, 5);
    await plain.patch('d-b', { state: 'retry', nextAttemptAt: '2026-11-24T12:00:00.000Z' }); // not due yet
    await plain.patch('d-c', { state: 'sending', lastAttemptAt: '2026-11-24T08:00:00.000Z' }); // stale: its sender died
    await plain.patch('d-d', { state: 'sent', sentAt: at });
    const indexed = new MongoOutboxRepository(conn, { indexOpen: true });
    await indexed.init();
    const due = async (repo: MongoOutboxRepository, now: string) =>
      (await repo.dueForDelivery(now, '2026-11-24T08:30:00.000Z', 50)).map((e) => e.id).filter((id) => id.startsWith('d-')).sort();
    outboxCommands.length = 0;
    expect(await due(indexed, '2026-11-24T10:00:00.000Z')).toEqual(['d-a', 'd-c']);
    expect(outboxCommands.every((c) => c.endsWith(':_id'))).toBe(true);
    expect(await due(plain, '2026-11-24T10:00:00.000Z')).toEqual(['d-a', 'd-c']);
    // Changes made through the indexed repository move entries in and out.
    await indexed.patch('d-a', { state: 'sent', sentAt: at });
    await indexed.patch('d-e', { state: 'pending', nextAttemptAt: at });
    expect(await due(indexed, '2026-11-24T12:00:00.000Z')).toEqual(['d-b', 'd-c', 'd-e']);
    expect(await due(plain, '2026-11-24T12:00:00.000Z')).toEqual(['d-b', 'd-c', 'd-e']);
    // A superseded entry is archived and freed by _id (its generation checked on the row read).
    const entry = (await indexed.findById('d-b'))!;
    outboxCommands.length = 0;
    await indexed.supersede(entry, at);
    expect(outboxCommands.filter((c) => !c.startsWith('insert')).every((c) => c.endsWith(':_id'))).toBe(true);
    expect(await indexed.findById('d-b')).toBeUndefined();
    expect((await indexed.findById(`d-b~${entry.generation}`))?.cancelReason).toBe('superseded');
    await indexed.supersede({ ...entry, generation: 'older' }, at); // another generation's: leaves the row alone
    expect(await due(indexed, '2026-11-24T12:00:00.000Z')).toEqual(['d-c', 'd-e']);
  });
});
