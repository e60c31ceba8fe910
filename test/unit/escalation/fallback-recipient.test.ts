// A notice the recipient rules send to nobody goes to the configured fallback, with the reason; reminders
// never do, and a level that reaches someone by the rules never involves the fallback.
import {
  mailboxRecipient, noticeRecipients, parseFallbackTarget, renderNotice,
} from '../../../server/src/domain/escalation';
import { people, user } from './support/people';

// The demo's shape: a head of service over two team managers; the head has no manager.
const head = user('head', { roles: ['team-managers'], teams: ['north', 'south'], displayName: 'Hana Head' });
const tom = user('tom', { roles: ['team-managers'], teams: ['north'], managerId: 'head', displayName: 'Tom Manager' });
const cara = user('cara', { managerId: 'tom' });
const mute = user('mute', { email: '', managerId: 'tom', displayName: 'No Mail' });
const dir = people(head, tom, cara, mute);
const fallback = user('fb', { roles: ['team-managers'], teams: [], displayName: 'Fallback Person' });
const allocate = { candidateGroups: ['team-managers'], candidateUsers: [], team: 'north' };

const who = (rs: ReturnType<typeof noticeRecipients>) => rs.map((r) => [r.user.id, r.fallbackReason]);

describe('fallback recipient', () => {
  it('reads a username or a service mailbox address from ESCALATION_FALLBACK', () => {
    expect(parseFallbackTarget(' hana.head ')).toEqual({ kind: 'user', username: 'hana.head' });
    expect(parseFallbackTarget('yjs-escalations@council.gov.uk')).toEqual({ kind: 'mailbox', email: 'yjs-escalations@council.gov.uk' });
  });

  it('sends a managers\' task escalated past the top of the chain to the fallback, saying why', () => {
    // Owners are Tom and Hana; Tom's manager is Hana (an owner), Hana has none, north has no other manager.
    expect(who(noticeRecipients(allocate, 'overdue', dir, fallback))).toEqual([['head', undefined], ['tom', undefined]]);
    expect(who(noticeRecipients(allocate, 'escalation-1', dir, fallback))).toEqual([
      ['fb', 'no manager is on record above Hana Head, Tom Manager, and North team has no other team manager'],
    ]);
    expect(noticeRecipients(allocate, 'escalation-1', dir)).toEqual([]); // no fallback configured: nobody
  });

  it('falls back at level 2 when nobody is above the level-1 manager, and never for reminders', () => {
    const tomsTask = { assignee: 'tom', candidateGroups: [], candidateUsers: [], team: 'north' };
    expect(who(noticeRecipients(tomsTask, 'escalation-1', dir, fallback))).toEqual([['head', undefined]]);
    expect(who(noticeRecipients(tomsTask, 'escalation-2', dir, fallback))).toEqual([['fb', 'no manager is on record above Hana Head']]);
    const nobodys = { candidateGroups: ['victim-workers'], candidateUsers: [], team: 'north' };
    expect(noticeRecipients(nobodys, 'reminder', dir, fallback)).toEqual([]);
    expect(who(noticeRecipients(nobodys, 'overdue', dir, fallback))).toEqual([['fb', 'nobody can work on this task: no active assignee or candidate']]);
  });

  it('falls back when the only recipient has no email address, and leaves reachable levels alone', () => {
    const mutesTask = { assignee: 'mute', candidateGroups: [], candidateUsers: [], team: 'north' };
    expect(who(noticeRecipients(mutesTask, 'overdue', dir, fallback))).toEqual([['fb', 'No Mail has no email address']]);
    expect(who(noticeRecipients(mutesTask, 'escalation-1', dir, fallback))).toEqual([['tom', undefined]]);
    const carasTask = { assignee: 'cara', candidateGroups: [], candidateUsers: [], team: 'north' };
    expect(who(noticeRecipients(carasTask, 'escalation-2', dir, fallback))).toEqual([['head', undefined]]);
  });

  it('addresses a service mailbox and tells the reader in the email why it reached them', () => {
    const box = mailboxRecipient('yjs-escalations@council.gov.uk');
    const [r] = noticeRecipients(allocate, 'escalation-1', dir, box);
    expect([r.user.id, r.user.email]).toEqual(['mailbox:yjs-escalations@council.gov.uk', 'yjs-escalations@council.gov.uk']);
    const lateness = { overdue: true, workingDays: 3, calendarDays: 3, workingDaysLeft: 0 };
    const mail = renderNotice({
      level: 'escalation-1', recipientName: box.displayName, taskId: 't.ut3', taskName: 'Allocate case manager', dueDate: '2026-12-01T17:00:00.000Z',
      lateness, ownerText: 'not claimed yet (team-managers)', link: 'https://x/tasks/t.ut3', fallbackReason: r.fallbackReason,
    });
    expect(mail.text).toContain(`You receive this as the fallback recipient for escalations: ${r.fallbackReason}.`);
    expect(mail.html).toContain('You receive this as the fallback recipient for escalations: no manager is on record');
  });
});
