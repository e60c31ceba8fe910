import { createWorkingCalendar } from '../../../server/src/domain/calendar';

const cal = createWorkingCalendar();

describe('working calendar: calendar units', () => {
  it('adds calendar days including weekends and holidays', () => {
    expect(cal.addCalendarDays('2026-12-24', 3)).toBe('2026-12-27T17:00:00.000Z');
  });

  it('adds months, clamping to the end of a shorter month', () => {
    expect(cal.addMonths('2026-01-31', 1)).toBe('2026-02-28T17:00:00.000Z');
    expect(cal.addMonths('2028-01-31', 1)).toBe('2028-02-29T17:00:00.000Z');
    expect(cal.addMonths('2026-08-31', 3)).toBe('2026-11-30T17:00:00.000Z');
    expect(cal.addMonths('2026-11-15', 3)).toBe('2027-02-15T17:00:00.000Z');
  });

  it('adds months across a DST change (the deadline keeps 17:00 London time)', () => {
    expect(cal.addMonths('2026-02-10', 2)).toBe('2026-04-10T16:00:00.000Z');
  });

  it('adds years, clamping 29 February', () => {
    expect(cal.addYears('2028-02-29', 1)).toBe('2029-02-28T17:00:00.000Z');
  });

  it('17½ years (210 months) from a date of birth', () => {
    expect(cal.addMonths('2010-03-31', 210)).toBe('2027-09-30T16:00:00.000Z');
  });
});

describe('working calendar: isWorkingDay and workingDaysBetween', () => {
  it('knows weekends and bank holidays', () => {
    expect(cal.isWorkingDay('2026-11-23')).toBe(true);
    expect(cal.isWorkingDay('2026-11-22')).toBe(false);
    expect(cal.isWorkingDay('2026-01-01')).toBe(false);
    expect(cal.isWorkingDay('2026-05-25')).toBe(false);
  });

  it('ignores observances that are not days off (Easter Sunday is a weekend anyway; Mother’s Day too)', () => {
    expect(cal.holidayName('2026-03-15')).toBeUndefined();
  });

  it('counts working days between two dates, excluding the start day', () => {
    expect(cal.workingDaysBetween('2026-12-21', '2027-01-07')).toBe(10);
    expect(cal.workingDaysBetween('2027-01-07', '2026-12-21')).toBe(-10);
    expect(cal.workingDaysBetween('2026-11-23', '2026-11-23')).toBe(0);
  });

  it('is the inverse of addWorkingDays', () => {
    for (const n of [1, 5, 10, 15, 20]) {
      const due = cal.addWorkingDays('2026-03-20', n);
      expect(cal.workingDaysBetween('2026-03-20', due)).toBe(n);
    }
  });

  it('supports Wales (same bank holidays as England) and refuses other regions', () => {
    const wales = createWorkingCalendar({ region: 'GB-WLS' });
    expect(wales.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29T17:00:00.000Z');
    expect(() => createWorkingCalendar({ region: 'GB-SCT' as never })).toThrow(/Unsupported/);
  });

  it('rejects malformed input', () => {
    expect(() => cal.addWorkingDays('not a date', 1)).toThrow(RangeError);
  });
});
