import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import {
  DEFAULT_ESCALATION_POLICY, applyPolicyEdit, latenessOf, messageIdFor, noticeKey, recipientsFor, renderDigest, renderNotice,
} from '../../../server/src/domain/escalation';
import type { User } from '../../../server/src/domain/users/user';
import { people, user } from './support/people';

const dir = people(
  user('ann', { managerId: 'tm1' }),
  user('bob', { managerId: 'tm1' }),
  user('cat', { teams: ['south'], managerId: 'tm2' }),
  user('gone', { active: false }),
  user('tm1', { roles: ['team-managers'], managerId: 'head' }),
  user('tm2', { roles: ['team-managers'], teams: ['south'], managerId: 'head' }),
  user('tmn', { roles: ['team-managers'], teams: ['north'] }),
  user('head', { roles: ['team-managers'], teams: [] }),
);
const ids = (us: User[]) => us.map((u) => u.id).sort();

describe('recipients', () => {
  const assigned = { assignee: 'ann', candidateGroups: ['case-managers'], candidateUsers: [], team: 'north' };
  const open = { candidateGroups: ['case-managers'], candidateUsers: [], team: 'north' };

  it('tells the assignee, then their manager, then the next manager up', () => {
    expect(ids(recipientsFor(assigned, 'reminder', dir))).toEqual(['ann']);
    expect(ids(recipientsFor(assigned, 'overdue', dir))).toEqual(['ann']);
    expect(ids(recipientsFor(assigned, 'escalation-1', dir))).toEqual(['tm1']);
    expect(ids(recipientsFor(assigned, 'escalation-2', dir))).toEqual(['head']);
  });

  it('fans an unassigned task out to the active group members of its team', () => {
    expect(ids(recipientsFor(open, 'overdue', dir))).toEqual(['ann', 'bob']);
    expect(ids(recipientsFor(open, 'escalation-1', dir))).toEqual(['tm1']);
    expect(ids(recipientsFor({ ...open, team: undefined }, 'overdue', dir))).toEqual(['ann', 'bob', 'cat']);
  });

  it('falls back to the team managers when the owner has no manager on record', () => {
    const d = people(user('solo', { teams: ['north'] }), user('tmn', { roles: ['team-managers'], teams: ['north'] }));
    expect(ids(recipientsFor({ assignee: 'solo', candidateGroups: [], candidateUsers: [], team: 'north' }, 'escalation-1', d))).toEqual(['tmn']);
  });

  it('never mails inactive users', () => {
    expect(recipientsFor({ assignee: 'gone', candidateGroups: [], candidateUsers: [] }, 'overdue', dir)).toEqual([]);
  });
});

describe('rendering', () => {
  const calendar = createWorkingCalendar();
  const view = {
    level: 'escalation-1' as const, recipientName: 'Tess <Manager>', taskId: 't-42', taskName: 'Complete AssetPlus',
    caseRef: 'YJS-2026-0042', dueDate: '2026-12-24T17:00:00.000Z', ownerText: 'assigned to Ann',
    lateness: latenessOf('2026-12-24T17:00:00.000Z', new Date('2026-12-30T18:00:00Z'), calendar),
    link: 'https://yjs.example.gov.uk/tasks/t-42',
  };

  it('says task, case reference, due date, how late, owner and link — in text and HTML', () => {
    const mail = renderNotice(view);
    expect(mail.subject).toBe('Escalation: "Complete AssetPlus" is 2 working days overdue (6 calendar days)');
    for (const s of ['Complete AssetPlus', 'YJS-2026-0042', 'Thursday, 24 December 2026 at 17:00', 'assigned to Ann', 'https://yjs.example.gov.uk/tasks/t-42']) {
      expect(mail.text).toContain(s);
      expect(mail.html).toContain(s);
    }
    expect(mail.html).toContain('Tess &lt;Manager&gt;');
    expect(mail.html).not.toContain('<Manager>');
  });

  it('lists every task in a digest', () => {
    const mail = renderDigest({ kind: 'personal', recipientName: 'Ann', day: '2026-12-30', lines: [view, { ...view, taskName: 'Second' }] });
    expect(mail.subject).toBe('Daily digest 2026-12-30: 2 tasks need attention');
    expect(mail.text).toContain('Second');
  });

  it('derives a stable Message-ID from the once-ever key', () => {
    const key = noticeKey('t-42', 'overdue', 'ann');
    expect(messageIdFor(key, 'yjs.example.gov.uk')).toBe(messageIdFor(key, 'yjs.example.gov.uk'));
    expect(messageIdFor(key, 'x')).toMatch(/^<[0-9a-f]{32}@x>$/);
  });
});

describe('policy edits', () => {
  const v1 = { ...DEFAULT_ESCALATION_POLICY, version: 1, createdAt: '2026-01-01T00:00:00.000Z', createdBy: 'system', reason: 'defaults' };
  const at = new Date('2026-11-02T10:00:00Z');

  it('appends a version with who, when and why', () => {
    const next = applyPolicyEdit(v1, { policy: { ...v1, defaults: { ...v1.defaults, reminderDaysBefore: 3 } }, reason: 'Team asked for more notice', by: 'tm1', at });
    expect(next).toMatchObject({ version: 2, createdBy: 'tm1', createdAt: at.toISOString(), reason: 'Team asked for more notice' });
    expect(next.defaults.reminderDaysBefore).toBe(3);
  });

  it('returns field errors as data', () => {
    const bad = { defaults: { ...v1.defaults, level1AfterDays: -1 }, overrides: [{ processId: '', rule: { reminderDaysBefore: 1.5 } }] };
    expect(() => applyPolicyEdit(v1, { policy: bad, reason: '', by: 'tm1', at })).toThrow(expect.objectContaining({
      errors: {
        'defaults.level1AfterDays': expect.any(String), 'overrides[0].processId': expect.any(String),
        'overrides[0].rule.reminderDaysBefore': expect.any(String), reason: expect.any(String),
      },
    }));
  });
});
