import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import {
  DEFAULT_ESCALATION_POLICY, DEFAULT_ESCALATION_RULE, dueNoticeLevels, latenessOf, longestReminderLead, noticeTimes, ruleFor,
} from '../../../server/src/domain/escalation';

const calendar = createWorkingCalendar();
const task = (dueDate: string, createdAt = '2026-11-01T09:00:00.000Z') => ({ dueDate, createdAt, state: 'open' as const });

describe('notice times under the default policy', () => {
  it('reminds 2 working days before, notices at due, escalates 2 and 2+3 working days after', () => {
    // Wednesday 2 December 2026, 17:00 London (GMT).
    expect(noticeTimes(task('2026-12-02T17:00:00.000Z'), DEFAULT_ESCALATION_RULE, calendar)).toEqual([
      { level: 'reminder', at: '2026-11-30T00:00:00.000Z' },
      { level: 'overdue', at: '2026-12-02T17:00:00.000Z' },
      { level: 'escalation-1', at: '2026-12-04T17:00:00.000Z' },
      { level: 'escalation-2', at: '2026-12-09T17:00:00.000Z' },
    ]);
  });

  it('skips Christmas, the Boxing Day substitute holiday and the weekend when escalating', () => {
    // Due Thu 24 Dec 2026; Fri 25 and Mon 28 (Boxing Day moved) are bank holidays.
    const times = noticeTimes(task('2026-12-24T17:00:00.000Z'), DEFAULT_ESCALATION_RULE, calendar);
    expect(times.find((t) => t.level === 'escalation-1')?.at).toBe('2026-12-30T17:00:00.000Z');
    expect(times.find((t) => t.level === 'escalation-2')?.at).toBe('2027-01-05T17:00:00.000Z');
  });

  it('counts the reminder back over Easter, from midnight London time (BST)', () => {
    // Due Tue 7 April 2026: Easter Monday 6 and Good Friday 3 April do not count.
    const times = noticeTimes(task('2026-04-07T16:00:00.000Z', '2026-03-01T09:00:00.000Z'), DEFAULT_ESCALATION_RULE, calendar);
    expect(times[0]).toEqual({ level: 'reminder', at: '2026-03-31T23:00:00.000Z' });
  });

  it('gives no reminder to a task created after its reminder day', () => {
    const times = noticeTimes(task('2026-12-02T17:00:00.000Z', '2026-12-01T09:00:00.000Z'), DEFAULT_ESCALATION_RULE, calendar);
    expect(times.map((t) => t.level)).toEqual(['overdue', 'escalation-1', 'escalation-2']);
  });

  it('has nothing to say about a task without a due date', () => {
    expect(noticeTimes({ createdAt: '2026-11-01T09:00:00.000Z', state: 'open' }, DEFAULT_ESCALATION_RULE, calendar)).toEqual([]);
  });
});

describe('which notices are due now', () => {
  const t = task('2026-12-02T17:00:00.000Z');
  const at = (iso: string) => dueNoticeLevels(t, DEFAULT_ESCALATION_RULE, new Date(iso), calendar);

  it('follows the clock', () => {
    expect(at('2026-11-27T12:00:00.000Z')).toEqual([]);
    expect(at('2026-11-30T08:00:00.000Z')).toEqual(['reminder']);
    expect(at('2026-12-02T16:59:00.000Z')).toEqual(['reminder']);
    // Once overdue the reminder is stale: the overdue notice replaces it.
    expect(at('2026-12-02T17:00:00.000Z')).toEqual(['overdue']);
    expect(at('2026-12-04T17:30:00.000Z')).toEqual(['overdue', 'escalation-1']);
    expect(at('2026-12-10T09:00:00.000Z')).toEqual(['overdue', 'escalation-1', 'escalation-2']);
  });

  it('says nothing about closed tasks', () => {
    expect(dueNoticeLevels({ ...t, state: 'completed' }, DEFAULT_ESCALATION_RULE, new Date('2026-12-10T09:00:00Z'), calendar)).toEqual([]);
  });

  it('measures lateness in working and calendar days', () => {
    expect(latenessOf('2026-12-24T17:00:00.000Z', new Date('2026-12-29T10:00:00Z'), calendar)).toEqual({
      overdue: true, workingDays: 1, calendarDays: 5, workingDaysLeft: 0,
    });
    expect(latenessOf('2026-12-02T17:00:00.000Z', new Date('2026-11-30T10:00:00Z'), calendar)).toMatchObject({ overdue: false, workingDaysLeft: 2 });
  });
});

describe('policy rules', () => {
  const policy = {
    defaults: DEFAULT_ESCALATION_RULE,
    overrides: [
      { processId: 'victim-contact', rule: { reminderDaysBefore: 1 } },
      { processId: 'victim-contact', elementId: 'offerRj', rule: { level1AfterDays: 1, overdueNotice: false } },
      { processId: 'plan-review', rule: { reminderDaysBefore: 5 } },
    ],
  };

  it('takes the most specific override', () => {
    expect(ruleFor(policy, 'referral-intake', 'triage')).toEqual(DEFAULT_ESCALATION_RULE);
    expect(ruleFor(policy, 'victim-contact', 'other')).toEqual({ ...DEFAULT_ESCALATION_RULE, reminderDaysBefore: 1 });
    expect(ruleFor(policy, 'victim-contact', 'offerRj')).toEqual({ reminderDaysBefore: 1, overdueNotice: false, level1AfterDays: 1, level2AfterDays: 3 });
  });

  it('looks as far ahead as the longest reminder', () => {
    expect(longestReminderLead(policy)).toBe(5);
    expect(longestReminderLead(DEFAULT_ESCALATION_POLICY)).toBe(2);
  });
});
