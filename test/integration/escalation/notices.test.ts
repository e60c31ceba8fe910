// Reminder, overdue notice, escalation levels 1 and 2, unassigned-group fan-out, bank holidays and the
// BPMN job — each email received by a real SMTP server and parsed, each exactly once.
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { createSendEscalationEmailJob } from '../../../server/src/jobs/send-escalation-email.job';
import { type Harness, startHarness, to } from './support/escalation-harness';

const DUE = '2026-12-02T17:00:00.000Z'; // Wednesday, 17:00 London

describe('escalation notices over SMTP', () => {
  let h: Harness;
  const round = async () => {
    await runEscalationSweep(h.deps);
    return deliverOutbox(h.deps);
  };

  beforeAll(async () => {
    h = await startHarness('esc_notices');
  });
  afterAll(() => h.close());

  it('walks one assigned task through reminder, overdue, level 1 and level 2, each once', async () => {
    await h.addTask('a1', { dueDate: DUE, assignee: h.users.ann.id });
    h.setNow('2026-11-27T12:00:00.000Z'); // Friday before: too early
    expect((await round()).sent).toBe(0);

    h.setNow('2026-11-30T09:00:00.000Z'); // Monday: 2 working days before
    expect((await round()).sent).toBe(1);
    const [reminder] = to(h.inbox, 'ann');
    expect(reminder.subject).toBe('Reminder: "Gather information (AssetPlus)" is due in 2 working days');
    expect(reminder.text).toContain('https://yjs.example.gov.uk/tasks/a1');
    expect(reminder.text).toContain('Case reference: YJS-a1');
    expect(reminder.html).toContain('<a href="https://yjs.example.gov.uk/tasks/a1">');
    expect(reminder.messageId).toMatch(/^<[0-9a-f]{32}@yjs\.example\.gov\.uk>$/);

    h.setNow('2026-11-30T15:00:00.000Z'); // sweeping again the same day sends nothing new
    expect((await round()).sent).toBe(0);

    h.setNow('2026-12-02T17:05:00.000Z');
    await round();
    expect(to(h.inbox, 'ann').map((m) => m.subject)).toEqual([reminder.subject, expect.stringMatching(/^Overdue: /)]);

    h.setNow('2026-12-04T17:30:00.000Z'); // Friday: 2 working days overdue → Tess
    await round();
    const [level1] = to(h.inbox, 'tess');
    expect(level1.subject).toBe('Escalation: "Gather information (AssetPlus)" is 2 working days overdue (2 calendar days)');
    expect(level1.text).toContain('Owner: assigned to Ann Example');

    h.setNow('2026-12-09T17:30:00.000Z'); // 3 working days later → Tess's manager
    await round();
    expect(to(h.inbox, 'head').map((m) => m.subject)).toEqual([expect.stringMatching(/^Second escalation: .* 5 working days overdue/)]);

    await round();
    expect(h.inbox.filter((m) => m.text.includes('/tasks/a1'))).toHaveLength(4); // reminder, overdue, level 1, level 2
  });

  it('tells every candidate-group member of the team when nobody has claimed the task', async () => {
    h.inbox.length = 0;
    await h.addTask('g1', { dueDate: '2026-12-09T17:00:00.000Z' });
    h.setNow('2026-12-09T17:30:00.000Z');
    await round();
    const overdue = h.inbox.filter((m) => m.text.includes('/tasks/g1'));
    expect(overdue.flatMap((m) => m.to).sort()).toEqual(['ann@example.org', 'bob@example.org']); // not Cat (south)
    expect(overdue.every((m) => m.subject.startsWith('Overdue: '))).toBe(true);
  });

  it('counts escalation days past Christmas and the Boxing Day substitute holiday', async () => {
    h.inbox.length = 0;
    await h.addTask('x1', { dueDate: '2026-12-24T17:00:00.000Z', assignee: h.users.bob.id });
    h.setNow('2026-12-29T18:00:00.000Z'); // Tue: only 1 working day overdue (25th and 28th are holidays)
    await round();
    expect(to(h.inbox, 'tess').filter((m) => m.text.includes('/tasks/x1'))).toHaveLength(0);
    h.setNow('2026-12-30T17:30:00.000Z');
    await round();
    expect(to(h.inbox, 'tess').filter((m) => m.text.includes('/tasks/x1')).map((m) => m.subject))
      .toEqual(['Escalation: "Gather information (AssetPlus)" is 2 working days overdue (6 calendar days)']);
  });

  it('sends a BPMN boundary-timer escalation through the same outbox: a later sweep adds no duplicate', async () => {
    h.inbox.length = 0;
    await h.addTask('b1', { dueDate: '2026-12-28T17:00:00.000Z', assignee: h.users.ann.id, instanceKey: 'inst-b1' });
    h.setNow('2027-01-04T09:00:00.000Z');
    const job = createSendEscalationEmailJob(h.deps);
    const outcome = await job({
      key: 'j1', type: 'send-escalation-email', processId: 'assetplus-assessment', instanceKey: 'inst-b1',
      elementId: 'infoGatheringEscalate', variables: {}, headers: { level: 'manager', timescale: 'assetPlusCompletion' }, retries: 3,
    });
    expect(outcome).toEqual({ kind: 'complete', variables: { lastEscalation: { level: 'escalation-1', tasks: 1, queued: 1 } } });
    expect((await h.outbox.findById(`n:b1:escalation-1:${h.users.tess.id}`))?.source).toBe('bpmn');
    await round();
    await round();
    expect(to(h.inbox, 'tess').filter((m) => m.text.includes('/tasks/b1'))).toHaveLength(1);
  });

  it('raises an incident at once for an unknown level header', async () => {
    const job = createSendEscalationEmailJob(h.deps);
    const outcome = await job({ key: 'j2', type: 'send-escalation-email', processId: 'p', instanceKey: 'none', elementId: 'e', variables: {}, headers: { level: 'shout' }, retries: 3 });
    expect(outcome).toMatchObject({ kind: 'fail', retries: 0 });
  });
});
