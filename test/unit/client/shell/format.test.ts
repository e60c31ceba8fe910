/** @jest-environment jsdom */
// One date format for the client: "14 March 2010" and "14 March 2010, 09:30" in Europe/London whatever the
// device's zone; a date-only value is a calendar date that no time zone moves; ages in whole years.
import { formatAge, formatDate, formatDateTime } from '../../../../client/src/shell/format';

describe('client date format', () => {
  it('formats a date-only string as the same calendar day, never shifted', () => {
    expect(formatDate('2010-03-14')).toBe('14 March 2010');
    expect(formatDate('2010-01-01')).toBe('1 January 2010');
    expect(formatDate('2009-12-31')).toBe('31 December 2009');
    expect(formatDateTime('2010-03-14')).toBe('14 March 2010');
  });

  it('formats instants in London time: GMT in winter, BST in summer', () => {
    expect(formatDateTime('2010-03-14T09:30:00Z')).toBe('14 March 2010, 09:30');
    expect(formatDateTime('2010-07-14T09:30:00Z')).toBe('14 July 2010, 10:30');
    // 23:30 UTC on 30 June is already 1 July in London.
    expect(formatDate('2010-06-30T23:30:00Z')).toBe('1 July 2010');
    expect(formatDateTime(new Date('2010-06-30T23:30:00Z'))).toBe('1 July 2010, 00:30');
    expect(formatDate(new Date(Date.UTC(2010, 2, 14)))).toBe('14 March 2010');
  });

  it('gives an empty string for missing or invalid values', () => {
    for (const v of [undefined, null, '', 'not a date', '2010-02-30']) {
      expect(formatDate(v)).toBe('');
      expect(formatDateTime(v)).toBe('');
      expect(formatAge(v)).toBe('');
    }
  });

  it('counts whole years to the day of the birthday', () => {
    const at = new Date('2025-03-14T10:00:00Z');
    expect(formatAge('2010-03-14', at)).toBe('15 years');
    expect(formatAge('2010-03-15', at)).toBe('14 years');
    expect(formatAge('2024-03-14', at)).toBe('1 year');
    expect(formatAge('2030-01-01', at)).toBe('');
    // Late evening UTC on the eve of the birthday is already the birthday in London (BST).
    expect(formatAge('2010-07-01', new Date('2025-06-30T23:30:00Z'))).toBe('15 years');
  });
});
