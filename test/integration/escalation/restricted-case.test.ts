// Restriction of processing (UK GDPR Art 18): while the DPO has restricted a case, nobody but the DPO may act
// on it, so its tasks' reminders and escalations are not sent; they go out once the restriction is lifted.
// Real SMTP, real outbox.
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { type Harness, startHarness, to } from './support/escalation-harness';

describe('notices of a restricted case', () => {
  let h: Harness;
  const restricted = new Set<string>();
  const round = async () => {
    await runEscalationSweep(h.deps);
    return deliverOutbox(h.deps);
  };

  beforeAll(async () => {
    h = await startHarness('esc_restricted');
    h.deps.restrictions = { isRestricted: async (caseId) => restricted.has(caseId) };
  });
  afterAll(() => h.close());

  it('plans none while restricted and sends the overdue notice after the restriction is lifted', async () => {
    await h.addTask('r1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id }); // case YJS-r1
    await h.addTask('free1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    restricted.add('YJS-r1');
    h.setNow('2026-12-03T09:00:00.000Z');
    await round();
    expect(to(h.inbox, 'ann').filter((m) => m.text.includes('/tasks/r1'))).toHaveLength(0);
    expect(to(h.inbox, 'ann').filter((m) => m.text.includes('/tasks/free1'))).toHaveLength(1); // other cases unaffected
    expect((await h.outbox.list({ taskId: 'r1' }, { offset: 0, limit: 10 })).items).toHaveLength(0);

    restricted.delete('YJS-r1');
    h.setNow('2026-12-03T10:00:00.000Z');
    await round();
    expect(to(h.inbox, 'ann').filter((m) => m.text.includes('/tasks/r1')).map((m) => m.subject)).toEqual([expect.stringMatching(/^Overdue: /)]);
  });

  it('holds a notice planned before the restriction, without using up its attempts, and sends it once lifted', async () => {
    await h.addTask('r2', { dueDate: '2026-12-07T17:00:00.000Z', assignee: h.users.bob.id });
    h.setNow('2026-12-07T17:30:00.000Z');
    await runEscalationSweep(h.deps); // planned, not yet delivered
    const [planned] = (await h.outbox.list({ taskId: 'r2' }, { offset: 0, limit: 10 })).items;
    expect(planned.state).toBe('pending');

    restricted.add('YJS-r2');
    const first = await deliverOutbox(h.deps);
    expect(first.waiting).toBe(1);
    const waiting = await h.outbox.findById(planned.id);
    expect(waiting).toMatchObject({ state: 'retry', maxAttempts: planned.maxAttempts + 1 });
    expect(waiting?.lastError).toMatch(/restricted/);
    expect(to(h.inbox, 'bob').filter((m) => m.text.includes('/tasks/r2'))).toHaveLength(0);

    h.setNow('2026-12-07T19:00:00.000Z'); // past the recheck: still restricted, still waiting
    expect((await deliverOutbox(h.deps)).waiting).toBe(1);

    restricted.delete('YJS-r2');
    h.setNow('2026-12-07T20:30:00.000Z');
    expect((await deliverOutbox(h.deps)).sent).toBe(1);
    expect(to(h.inbox, 'bob').filter((m) => m.text.includes('/tasks/r2'))).toHaveLength(1);
  });
});
