// The SAR clock as the ICO counts it: calendar months, the same day next month or the month's last day.
import { checkExtension, checkRelationship, clockStart, firstMonthDue } from '../../../server/src/domain/sar/sar-clock';

describe('SAR clock', () => {
  test('one calendar month from receipt', () => {
    expect(firstMonthDue('2026-11-23')).toBe('2026-12-23');
  });

  test('received on 31 January: due on the last day of February (no 31 February)', () => {
    expect([firstMonthDue('2027-01-31'), firstMonthDue('2028-01-31')]).toEqual(['2027-02-28', '2028-02-29']);
  });

  test('from identity verification when that came later; an earlier date does not shorten the month', () => {
    expect(clockStart('2026-11-23', '2026-11-30')).toBe('2026-11-30');
    expect(firstMonthDue('2026-11-23', '2026-11-30')).toBe('2026-12-30');
    expect(firstMonthDue('2026-11-23', '2026-11-01')).toBe('2026-12-23');
  });

  test('an extension of up to two further months counts from the original deadline', () => {
    const ok = { reason: 'records across four cases', toldOn: '2026-12-20' };
    expect(checkExtension('2026-12-23', { ...ok, months: 2 })).toEqual({ ok: true, due: '2027-02-23' });
    expect(checkExtension('2026-12-23', { ...ok, months: 1 })).toEqual({ ok: true, due: '2027-01-23' });
  });

  test('refused: three months, no reason, or the requester told after the first month', () => {
    expect(checkExtension('2026-12-23', { months: 3, reason: 'x', toldOn: '2026-12-20' })).toMatchObject({ ok: false, field: 'months' });
    expect(checkExtension('2026-12-23', { months: 2, reason: '  ', toldOn: '2026-12-20' })).toMatchObject({ ok: false, field: 'reason' });
    expect(checkExtension('2026-12-23', { months: 2, reason: 'x', toldOn: '2026-12-24' })).toMatchObject({ ok: false, field: 'toldOn' });
    expect(checkExtension('2026-12-23', { months: 2, reason: 'x', toldOn: '2026-02-30' })).toMatchObject({ ok: false, field: 'toldOn' });
  });

  test('the right is the child\'s: a parent may ask only for a child who lacks competence', () => {
    expect(checkRelationship('parent-for-child', true)).toMatch(/lacks the competence/);
    expect(checkRelationship('parent-for-child', undefined)).toMatch(/lacks the competence/);
    expect(checkRelationship('parent-for-child', false)).toBeUndefined();
    expect(checkRelationship('self', true)).toBeUndefined();
  });
});
