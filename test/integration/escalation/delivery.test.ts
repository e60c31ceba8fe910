// Delivery when SMTP misbehaves: retries with backoff while the server is down, exactly one email once
// it is back; dead letters after the attempts run out, retried by an admin; two workers at once.
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { listOutbox } from '../../../server/src/application/escalation/list-outbox';
import { retryDeadLetter } from '../../../server/src/application/escalation/retry-dead-letter';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { type Harness, startHarness, to } from './support/escalation-harness';

const MINUTE = 60_000;
const admin = { id: 'admin-1', roles: ['admins'] };

describe('outbox delivery', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('esc_delivery', { retry: { maxAttempts: 3, baseDelayMs: MINUTE, maxDelayMs: 60 * MINUTE } });
  });
  afterAll(() => h.close());

  it('retries with backoff while SMTP is down and delivers once when it returns', async () => {
    await h.addTask('s1', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.ann.id });
    h.setNow('2026-12-02T18:00:00.000Z');
    await runEscalationSweep(h.deps);
    await h.smtp.down();
    expect(await deliverOutbox(h.deps)).toMatchObject({ retry: 1 });
    const id = `n:s1:overdue:${h.users.ann.id}`;
    const first = await h.outbox.findById(id);
    expect(first).toMatchObject({ state: 'retry', attempts: 1, nextAttemptAt: '2026-12-02T18:01:00.000Z' });
    expect(first?.lastError).toBeTruthy();

    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 0, retry: 0 }); // not due yet: backoff
    h.advance(MINUTE);
    expect(await deliverOutbox(h.deps)).toMatchObject({ retry: 1 });
    expect(await h.outbox.findById(id)).toMatchObject({ attempts: 2, nextAttemptAt: '2026-12-02T18:03:00.000Z' });

    await h.smtp.up();
    h.advance(2 * MINUTE);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    h.advance(60 * MINUTE);
    await runEscalationSweep(h.deps);
    await deliverOutbox(h.deps);
    expect(to(h.inbox, 'ann')).toHaveLength(1);
    expect(await h.outbox.findById(id)).toMatchObject({ state: 'sent', attempts: 3, sentAt: '2026-12-02T18:03:00.000Z' });
  });

  it('dead-letters after the last attempt; an admin sees it and sends it again', async () => {
    h.inbox.length = 0;
    await h.addTask('s2', { dueDate: '2026-12-02T17:00:00.000Z', assignee: h.users.bob.id });
    await runEscalationSweep(h.deps);
    await h.smtp.down();
    const id = `n:s2:overdue:${h.users.bob.id}`;
    for (let i = 0; i < 3; i += 1) {
      await deliverOutbox(h.deps);
      h.advance(60 * MINUTE);
    }
    expect(await h.outbox.findById(id)).toMatchObject({ state: 'dead', attempts: 3 });
    const listed = await listOutbox(h.deps, admin, { state: 'dead' }, { offset: 0, limit: 10 });
    expect(listed.items.map((e) => e.id)).toEqual([id]);
    expect(listed.counts.dead).toBe(1);
    await expect(listOutbox(h.deps, { id: 'u', roles: ['case-managers'] }, {}, { offset: 0, limit: 10 })).rejects.toMatchObject({ code: 'OUTBOX_FORBIDDEN' });

    await h.smtp.up();
    await deliverOutbox(h.deps);
    expect(h.inbox).toHaveLength(0); // dead letters wait for a person
    await retryDeadLetter({ ...h.deps, retry: h.deps.settings.retry }, admin, id);
    expect(await deliverOutbox(h.deps)).toMatchObject({ sent: 1 });
    expect(to(h.inbox, 'bob')).toHaveLength(1);
    expect(await h.outbox.findById(id)).toMatchObject({ state: 'sent', attempts: 4 });
  });

  it('sends each email once when two workers deliver at the same moment', async () => {
    h.inbox.length = 0;
    for (let i = 0; i < 6; i += 1) await h.addTask(`p${i}`, { dueDate: '2026-12-02T17:00:00.000Z' });
    h.advance(MINUTE);
    await runEscalationSweep(h.deps);
    const reports = await Promise.all([deliverOutbox(h.deps), deliverOutbox(h.deps), deliverOutbox(h.deps)]);
    expect(reports.reduce((n, r) => n + r.sent, 0)).toBe(12); // 6 tasks × (Ann, Bob)
    expect(h.inbox).toHaveLength(12);
    expect(new Set(h.inbox.map((m) => m.messageId)).size).toBe(12);
  });
});
