// A task completed, reassigned or re-dated before its notice goes out: the notice is cancelled or
// planned again from the task as it is now (the task revision tells delivery that something changed).
import { cancelTaskNotices } from '../../../server/src/application/escalation/cancel-task-notices';
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { type Harness, startHarness, to } from './support/escalation-harness';

describe('cancelling and re-planning notices', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('esc_replan');
  });
  afterAll(() => h.close());
  beforeEach(() => {
    // Tests share one database and move the clock: each looks only at its own task's mail.
    h.inbox.length = 0;
  });

  it('cancels the pending notices of a completed task (engine event)', async () => {
    await h.addTask('c1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-02T18:00:00.000Z');
    expect((await runEscalationSweep(h.deps)).enqueued).toBe(1);
    await h.taskRepo.recordClosed('c1', 'completed', '2026-12-02T18:01:00.000Z', h.users.ann.id);
    expect(await cancelTaskNotices(h.deps, 'c1')).toBe(1);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
    expect(h.inbox).toHaveLength(0);
    expect(await h.outbox.findById(`n:c1:overdue:${h.users.ann.id}`)).toMatchObject({ state: 'cancelled', cancelReason: 'task-closed' });
    // The closed task is never planned again.
    h.advance(7 * 86_400_000);
    await runEscalationSweep(h.deps);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0 });
  });

  it('cancels at delivery when the completion event never reached the outbox', async () => {
    await h.addTask('c2', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-02T18:00:00.000Z');
    await runEscalationSweep(h.deps);
    await h.taskRepo.recordClosed('c2', 'cancelled', '2026-12-02T18:01:00.000Z');
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, cancelled: 1 });
    expect(h.inbox).toHaveLength(0);
  });

  it('moves a notice to the new assignee when the task is reassigned before it is sent', async () => {
    await h.addTask('r1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-02T18:00:00.000Z');
    await runEscalationSweep(h.deps);
    await h.taskRepo.reassign('r1', h.users.bob.id, '2026-12-02T18:01:00.000Z');
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, cancelled: 1 });
    await runEscalationSweep(h.deps);
    await deliverOutbox(h.deps);
    expect(to(h.inbox, 'ann')).toHaveLength(0);
    expect(to(h.inbox, 'bob').map((m) => m.subject)).toEqual([expect.stringMatching(/^Overdue: /)]);
  });

  it('drops a reminder when the due date moves later, and reminds again before the new date', async () => {
    await h.addTask('d1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-11-30T09:00:00.000Z');
    await runEscalationSweep(h.deps);
    await h.taskRepo.setDueDate('d1', '2026-12-16T17:00:00.000Z');
    await deliverOutbox(h.deps);
    expect(h.inbox.filter((m) => m.text.includes('/tasks/d1'))).toHaveLength(0);
    const key = `n:d1:reminder:${h.users.ann.id}`;
    expect(await h.outbox.findById(key)).toBeUndefined(); // key freed for re-planning…
    const archived = await h.outbox.list({ taskId: 'd1' }, { offset: 0, limit: 10 });
    expect(archived.items).toEqual([expect.objectContaining({ state: 'cancelled', cancelReason: 'superseded', level: 'reminder' })]); // …and the record kept

    h.setNow('2026-12-14T09:00:00.000Z'); // 2 working days before the new date
    await runEscalationSweep(h.deps);
    await deliverOutbox(h.deps);
    const reminders = to(h.inbox, 'ann').filter((m) => m.text.includes('/tasks/d1'));
    expect(reminders).toHaveLength(1);
    expect(reminders[0].text).toContain('Wednesday, 16 December 2026');
  });

  it('still sends a re-dated notice that is due under the new date too, with the new date in it', async () => {
    await h.addTask('d2', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-04T09:00:00.000Z');
    await runEscalationSweep(h.deps);
    await h.taskRepo.setDueDate('d2', '2026-12-03T17:00:00.000Z');
    await deliverOutbox(h.deps);
    const sent = h.inbox.filter((m) => m.text.includes('/tasks/d2'));
    expect(sent.map((m) => m.subject)).toEqual([expect.stringContaining('Thursday, 3 December 2026')]);
  });
});
