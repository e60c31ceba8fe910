// Users who chose a daily digest get one email listing all their tasks that need attention; managers get
// a digest of their team's overdue work. One of each per person per day.
import { deliverOutbox } from '../../../server/src/application/escalation/deliver-outbox';
import { runEscalationSweep } from '../../../server/src/application/escalation/run-escalation-sweep';
import { sendDigests } from '../../../server/src/application/escalation/send-digests';
import { sendTeamDigests } from '../../../server/src/application/escalation/send-team-digests';
import { setNotificationPreference } from '../../../server/src/application/escalation/set-notification-preference';
import { type Harness, startHarness, to } from './support/escalation-harness';

describe('digests', () => {
  let h: Harness;

  beforeAll(async () => {
    h = await startHarness('esc_digest');
  });
  afterAll(() => h.close());

  it('holds a digest reader\'s notices and sends them together once a day', async () => {
    await setNotificationPreference(h.deps, h.users.bob.id, 'digest');
    await h.addTask('g1', { dueDate: '2026-12-02T17:00:00.000Z', name: 'Initial panel' });
    await h.addTask('g2', { dueDate: '2026-12-03T17:00:00.000Z', name: 'First appointment' });
    await h.addTask('g3', { dueDate: '2026-12-04T17:00:00.000Z', name: 'Victim contact', assignee: h.users.bob.id });
    h.setNow('2026-12-03T18:00:00.000Z');
    await runEscalationSweep(h.deps);
    await deliverOutbox(h.deps);
    expect(to(h.inbox, 'ann')).toHaveLength(2); // Ann wants immediate emails
    expect(to(h.inbox, 'bob')).toHaveLength(0);

    h.setNow('2026-12-04T07:00:00.000Z');
    await h.taskRepo.recordClosed('g2', 'completed', '2026-12-04T06:00:00.000Z', h.users.ann.id);
    expect(await sendDigests(h.deps)).toEqual({ digests: 1, items: 2 });
    expect(await sendDigests(h.deps)).toEqual({ digests: 0, items: 0 });
    await deliverOutbox(h.deps);
    const [digest, ...more] = to(h.inbox, 'bob');
    expect(more).toHaveLength(0);
    expect(digest.subject).toBe('Daily digest 2026-12-04: 2 tasks need attention');
    expect(digest.text).toContain('Initial panel');
    expect(digest.text).toContain('Victim contact'); // the reminder for his own task
    expect(digest.text).not.toContain('First appointment'); // completed before the digest
    expect(digest.text).toContain('https://yjs.example.gov.uk/tasks/g1');
  });

  it('keeps notices held after today\'s digest for tomorrow\'s', async () => {
    h.inbox.length = 0;
    await h.addTask('g4', { dueDate: '2026-12-04T08:00:00.000Z', name: 'Late arrival' });
    h.setNow('2026-12-04T09:00:00.000Z');
    await runEscalationSweep(h.deps);
    await sendDigests(h.deps);
    expect(await h.outbox.findById(`n:g4:overdue:${h.users.bob.id}`)).toMatchObject({ state: 'held' });
    h.setNow('2026-12-07T07:00:00.000Z');
    await sendDigests(h.deps);
    await deliverOutbox(h.deps);
    expect(to(h.inbox, 'bob').map((m) => m.subject)).toEqual(['Daily digest 2026-12-07: 1 task needs attention']);
  });

  it('gives each team manager a digest of the team\'s overdue work, once a day', async () => {
    h.inbox.length = 0;
    await h.addTask('s1', { dueDate: '2026-12-01T17:00:00.000Z', team: 'south', name: 'South task' });
    h.setNow('2026-12-07T07:05:00.000Z');
    expect(await sendTeamDigests(h.deps)).toEqual({ digests: 1 });
    expect(await sendTeamDigests(h.deps)).toEqual({ digests: 0 });
    await deliverOutbox(h.deps);
    const [team] = to(h.inbox, 'tess');
    expect(team.subject).toBe('Team digest 2026-12-07: 3 overdue tasks');
    expect(team.text).toContain('Initial panel');
    expect(team.text).toContain('assigned to Bob Example');
    expect(team.text).not.toContain('South task'); // Tess manages north only
  });
});
