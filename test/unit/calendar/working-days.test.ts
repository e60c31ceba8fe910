import { createWorkingCalendar } from '../../../server/src/domain/calendar';

// Dates checked against gov.uk/bank-holidays for England and Wales.
const cal = createWorkingCalendar({ region: 'GB-ENG' });

describe('working calendar: addWorkingDays', () => {
  it('skips a weekend: Friday + 1 WD is Monday, due 17:00 London (GMT in winter)', () => {
    expect(cal.addWorkingDays('2026-11-20', 1)).toBe('2026-11-23T17:00:00.000Z');
  });

  it('crosses Christmas 2026: Boxing Day on Saturday gives a substitute Monday 28 December', () => {
    // 24 Dec (Thu) + 1 → skip 25 (Fri), 26–27 weekend, 28 (substitute) → Tue 29 Dec
    expect(cal.addWorkingDays('2026-12-24', 1)).toBe('2026-12-29T17:00:00.000Z');
    expect(cal.holidayName('2026-12-28')).toMatch(/substitute/i);
  });

  it('crosses Christmas 2027: both days at the weekend, both substituted (27 and 28 December)', () => {
    expect(cal.addWorkingDays('2027-12-24', 1)).toBe('2027-12-29T17:00:00.000Z');
  });

  it('counts 10 WD over Christmas and New Year', () => {
    // 22,23,24,29,30,31 Dec; 1 Jan is a holiday; 4,5,6,7 Jan → the tenth is 7 January 2027
    expect(cal.addWorkingDays('2026-12-21', 10)).toBe('2027-01-07T17:00:00.000Z');
  });

  it('crosses Easter 2026: Good Friday 3 April and Easter Monday 6 April; BST makes 17:00 London 16:00Z', () => {
    expect(cal.addWorkingDays('2026-04-02', 1)).toBe('2026-04-07T16:00:00.000Z');
    expect(cal.isWorkingDay('2026-04-03')).toBe(false);
    expect(cal.isWorkingDay('2026-04-06')).toBe(false);
  });

  it('crosses the August bank holiday (Monday 31 August 2026)', () => {
    expect(cal.addWorkingDays('2026-08-28', 1)).toBe('2026-09-01T16:00:00.000Z');
    expect(cal.addWorkingDays('2026-08-28', 5)).toBe('2026-09-07T16:00:00.000Z');
  });

  it('starts on a day that is itself a holiday: the start day never counts', () => {
    expect(cal.addWorkingDays('2026-12-25', 1)).toBe('2026-12-29T17:00:00.000Z');
    expect(cal.addWorkingDays('2026-08-31', 1)).toBe('2026-09-01T16:00:00.000Z');
  });

  it('starts on a weekend', () => {
    expect(cal.addWorkingDays('2026-11-21', 1)).toBe('2026-11-23T17:00:00.000Z');
  });

  it('counts backwards for "N WD before" timescales (pre-sentence report QA 2 WD before court)', () => {
    // Court on Tue 7 April 2026: back over Easter Monday and Good Friday → Wed 1 April
    expect(cal.addWorkingDays('2026-04-07', -2)).toBe('2026-04-01T16:00:00.000Z');
  });

  it('0 WD means the same day when working, else the next working day', () => {
    expect(cal.addWorkingDays('2026-11-23', 0)).toBe('2026-11-23T17:00:00.000Z');
    expect(cal.addWorkingDays('2026-12-25', 0)).toBe('2026-12-29T17:00:00.000Z');
  });

  it('refuses fractional days', () => {
    expect(() => cal.addWorkingDays('2026-11-23', 1.5)).toThrow(RangeError);
  });
});

describe('working calendar: daylight saving changes', () => {
  it('across the spring change (29 March 2026): Friday 27 + 1 WD → Monday 30, 17:00 BST = 16:00Z', () => {
    expect(cal.addWorkingDays('2026-03-27T09:00:00Z', 1)).toBe('2026-03-30T16:00:00.000Z');
  });

  it('across the autumn change (25 October 2026): Friday 23 + 1 WD → Monday 26, 17:00 GMT = 17:00Z', () => {
    expect(cal.addWorkingDays('2026-10-23T09:00:00Z', 1)).toBe('2026-10-26T17:00:00.000Z');
  });

  it('takes the London date of an instant, not the UTC date (00:30 BST is still the next day)', () => {
    // 2026-06-14T23:30Z is 00:30 BST on Monday 15 June
    expect(cal.civilDate('2026-06-14T23:30:00Z')).toBe('2026-06-15');
    expect(cal.addWorkingDays('2026-06-14T23:30:00Z', 1)).toBe('2026-06-16T16:00:00.000Z');
  });

  it('accepts Date objects and returns ISO strings', () => {
    expect(cal.addWorkingDays(new Date('2026-11-20T12:00:00Z'), 1)).toBe('2026-11-23T17:00:00.000Z');
  });

  it('uses a configured end of day', () => {
    const nineThirty = createWorkingCalendar({ endOfDay: '09:30' });
    expect(nineThirty.addWorkingDays('2026-07-01', 1)).toBe('2026-07-02T08:30:00.000Z');
  });
});
