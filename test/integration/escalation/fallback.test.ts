// An overdue task owned by managers, escalated past the top of the chain: the rules find nobody, so the
// notice goes to ESCALATION_FALLBACK (a user or a service mailbox), received by a real SMTP server, with
// the reason in the email, on the outbox entry and in the log — and when even the fallback reaches
// nobody, the BPMN job fails (an incident) instead of completing as "Escalated" having told no one.
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import type { FallbackTarget } from '../../../server/src/domain/escalation';
import { createSendEscalationEmailJob } from '../../../server/src/jobs/send-escalation-email.job';
import { type Harness, startHarness, to } from './support/escalation-harness';

// Like the intake's "Allocate case manager": candidate group team-managers. Team south has no manager
// of its own here, so the owners are every team manager (Head, Tess); Tess's manager is Head, an owner.
const ALLOCATE = { candidateGroups: ['team-managers'], team: 'south', processId: 'referral-intake', elementId: 'allocate', name: 'Allocate case manager' };
const REASON = 'no manager is on record above Head Example, Tess Example, and South team has no other team manager';
const DUE = '2026-12-01T17:00:00.000Z';
const LATE = '2026-12-04T09:00:00.000Z'; // 2+ working days overdue: level 1 due

const job = (h: Harness, instanceKey: string, retries = 3) => createSendEscalationEmailJob(h.deps)({
  key: `j-${instanceKey}`, type: 'send-escalation-email', processId: 'referral-intake', instanceKey, elementId: 'allocateEscalate',
  variables: {}, headers: { level: 'manager', timescale: 'intakeAllocation' }, retries,
});

function withLog(h: Harness) {
  const lines: { level: string; details: Record<string, unknown>; message: string }[] = [];
  h.deps.log = {
    warn: (details, message) => void lines.push({ level: 'warn', details, message }),
    error: (details, message) => void lines.push({ level: 'error', details, message }),
  };
  return lines;
}

describe('escalation fallback over SMTP', () => {
  describe('to a user (the head of service)', () => {
    let h: Harness;
    beforeAll(async () => {
      h = await startHarness('esc_fallback_user', { fallback: { kind: 'user', username: 'head' } });
    });
    afterAll(() => h.close());

    it('sends the BPMN timer\'s escalation of a managers\' task to the fallback, once, saying why', async () => {
      const log = withLog(h);
      await h.addTask('alloc1.ut3', { ...ALLOCATE, dueDate: DUE, instanceKey: 'alloc1' });
      h.setNow(LATE);
      expect(await job(h, 'alloc1')).toEqual({ kind: 'complete', variables: { lastEscalation: { level: 'escalation-1', tasks: 1, queued: 1, fallback: 1 } } });
      const entry = await h.outbox.findById(`n:alloc1.ut3:escalation-1:${h.users.head.id}`);
      expect(entry).toMatchObject({ to: 'head@example.org', fallbackReason: REASON, source: 'bpmn' });
      expect(log).toEqual([{ level: 'warn', message: expect.stringContaining('fallback recipient'), details: expect.objectContaining({ taskId: 'alloc1.ut3', reason: REASON }) }]);

      expect((await deliverOutbox(h.deps)).sent).toBe(1);
      await runEscalationSweep(h.deps); // the sweep plans the same once-ever notice: nothing new
      await deliverOutbox(h.deps);
      // Head also owns the task, so the sweep's overdue notice reaches Head as an owner; the escalation once.
      const mails = to(h.inbox, 'head').filter((m) => m.text.includes('/tasks/alloc1.ut3'));
      expect(mails.map((m) => m.subject).sort()).toEqual([
        'Escalation: "Allocate case manager" is 3 working days overdue (3 calendar days)',
        'Overdue: "Allocate case manager" was due Tuesday, 1 December 2026 at 17:00',
      ]);
      const escalation = mails.find((m) => m.subject.startsWith('Escalation'))!;
      expect(escalation.text).toContain(`You receive this as the fallback recipient for escalations: ${REASON}.`);
      expect(escalation.text).toContain('https://yjs.example.gov.uk/tasks/alloc1.ut3');
      expect(mails.find((m) => m.subject.startsWith('Overdue'))!.text).not.toContain('fallback');
      expect((await h.outbox.findById(entry!.id))?.state).toBe('sent');
      expect(log.filter((l) => l.level === 'error')).toEqual([]);
    });

    it('drops a fallback notice not yet sent once the task has an owner with a manager', async () => {
      await h.addTask('alloc2.ut3', { ...ALLOCATE, dueDate: DUE, instanceKey: 'alloc2' });
      h.setNow(LATE);
      await runEscalationSweep(h.deps);
      const id = `n:alloc2.ut3:escalation-1:${h.users.head.id}`;
      expect((await h.outbox.findById(id))?.fallbackReason).toBe(REASON);
      await h.taskRepo.reassign('alloc2.ut3', h.users.ann.id, LATE); // Ann's manager is Tess
      const before = h.inbox.length;
      await deliverOutbox(h.deps);
      expect(h.inbox.slice(before).filter((m) => m.text.includes('/tasks/alloc2.ut3') && m.to.includes('head@example.org'))).toEqual([]);
      await runEscalationSweep(h.deps); // the rules reach someone now: Ann's manager
      await deliverOutbox(h.deps);
      expect(to(h.inbox, 'tess').filter((m) => m.text.includes('/tasks/alloc2.ut3')).map((m) => m.text.includes('fallback'))).toEqual([false]);
    });
  });

  it('sends to a service mailbox when ESCALATION_FALLBACK is an address', async () => {
    const h = await startHarness('esc_fallback_box', { fallback: { kind: 'mailbox', email: 'yjs-escalations@example.org' } });
    try {
      await h.addTask('alloc3.ut3', { ...ALLOCATE, dueDate: DUE });
      h.setNow(LATE);
      const swept = await runEscalationSweep(h.deps);
      expect(swept.enqueued).toBe(3); // overdue to Head and Tess, level 1 to the mailbox
      expect((await deliverOutbox(h.deps)).sent).toBe(3);
      const [mail] = to(h.inbox, 'yjs-escalations');
      expect(mail.subject).toMatch(/^Escalation: "Allocate case manager"/);
      expect(mail.text).toContain('Dear Escalation mailbox,');
      expect(mail.text).toContain(REASON);
    } finally {
      await h.close();
    }
  });

  it('fails the BPMN job (an incident) and logs an error when the fallback names nobody reachable', async () => {
    const nobody: FallbackTarget = { kind: 'user', username: 'left.the.council' };
    const h = await startHarness('esc_fallback_none', { fallback: nobody });
    try {
      const log = withLog(h);
      await h.addTask('alloc4.ut3', { ...ALLOCATE, dueDate: DUE, instanceKey: 'alloc4' });
      h.setNow(LATE);
      const outcome = await job(h, 'alloc4', 3);
      expect(outcome).toMatchObject({ kind: 'fail', retries: 2, message: expect.stringContaining('alloc4.ut3 reached nobody') });
      expect(outcome).toMatchObject({ message: expect.stringContaining('user left.the.council') });
      expect(log).toEqual([expect.objectContaining({ level: 'error', details: expect.objectContaining({ unrouted: [{ taskId: 'alloc4.ut3', level: 'escalation-1' }] }) })]);
    } finally {
      await h.close();
    }
  });
});
