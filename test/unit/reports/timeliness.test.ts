// Timeliness arithmetic on single facts, with expectations worked out from the calendar by hand:
// 2026's Christmas Day is a Friday and Boxing Day a Saturday, so Monday 28 December is the substitute
// bank holiday; British Summer Time starts on Sunday 29 March 2026.
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { outcomeOf, monthOf, TimelinessTally, monthsBetween } from '../../../server/src/domain/reports/timeliness';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';

const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const fact = (over: Partial<TaskFact>): TaskFact => ({
  id: 't', processId: 'p', processVersion: 1, elementId: 'e', taskName: 'T', timescaleId: 'x', timescaleVersion: 1,
  createdAt: '2026-12-01T09:00:00.000Z', dueDate: '2026-12-24T17:00:00.000Z', state: 'completed', ...over,
});
const now = new Date('2027-01-15T12:00:00Z');

describe('timeliness of one task', () => {
  it('is on time up to the due instant (17:00 London) and late after it, by working days after the due day', () => {
    expect(outcomeOf(fact({ completedAt: '2026-12-24T17:00:00.000Z' }), now, calendar)).toEqual({ kind: 'onTime' });
    expect(outcomeOf(fact({ completedAt: '2026-12-24T18:00:00.000Z' }), now, calendar)).toEqual({ kind: 'late', workingDays: 0 });
    // Fri 25 (Christmas), Sat, Sun, Mon 28 (substitute Boxing Day) do not count; Tue 29 does.
    expect(outcomeOf(fact({ completedAt: '2026-12-29T10:00:00.000Z' }), now, calendar)).toEqual({ kind: 'late', workingDays: 1 });
    expect(outcomeOf(fact({ completedAt: '2027-01-04T10:00:00.000Z' }), now, calendar)).toEqual({ kind: 'late', workingDays: 4 }); // 29, 30, 31 Dec, 4 Jan (1 Jan a holiday)
  });

  it('is overdue now when open past its due instant, and due later when not yet due', () => {
    expect(outcomeOf(fact({ state: 'open' }), now, calendar)).toEqual({ kind: 'overdueNow' });
    expect(outcomeOf(fact({ state: 'open', dueDate: '2027-01-15T17:00:00.000Z' }), now, calendar)).toEqual({ kind: 'dueLater' });
  });

  it('falls due in the London month of its due date', () => {
    expect(monthOf(calendar, '2026-03-31T23:30:00.000Z')).toBe('2026-04'); // 00:30 BST on 1 April
    expect(monthOf(calendar, '2026-01-31T23:30:00.000Z')).toBe('2026-01'); // GMT
    expect(monthsBetween('2026-11', '2027-02')).toEqual(['2026-11', '2026-12', '2027-01', '2027-02']);
  });
});

describe('figures of many tasks', () => {
  it('count what fell due and round the on-time share to a whole per cent', () => {
    const tally = new TimelinessTally();
    for (const o of [{ kind: 'onTime' }, { kind: 'onTime' }, { kind: 'late', workingDays: 3 }, { kind: 'late', workingDays: 3 }, { kind: 'late', workingDays: 1 }, { kind: 'overdueNow' }, { kind: 'dueLater' }] as const) tally.add(o);
    expect(tally.figures()).toEqual({
      fellDue: 6, onTime: 2, late: 3, overdueNow: 1, dueLater: 1, workingDaysLate: { total: 7, max: 3 },
      lateBy: [{ workingDays: 1, count: 1 }, { workingDays: 3, count: 2 }], onTimePercent: 33,
    });
    expect(new TimelinessTally().figures()).toMatchObject({ fellDue: 0, onTimePercent: null, workingDaysLate: { total: 0, max: 0 } });
  });
});
