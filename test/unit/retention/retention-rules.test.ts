// The retention schedule's arithmetic and checks, from domain.md "Retention schedules as councils write
// them": DOB+25, CASE+N from closure, ACTION+N from the last activity, a basic record after N years, and
// rounding to the end of the financial year (31 March) where the council uses it.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import {
  type CaseRetentionFacts, type RetentionRule, type RetentionSchedule, addYears, applyRetentionAddition, applyRetentionEdit,
  classifyCase, endOfFinancialYear, retentionDryRun, retentionDueDate, scheduleClashes,
} from '../../../server/src/domain/retention';

const rule = (over: Partial<RetentionRule>): RetentionRule => ({
  id: 'r', recordClass: 'referral-order', label: 'Referral orders', basis: 'CASE', years: 6, roundToFinancialYearEnd: false, source: 's', verified: false, ...over,
});
const facts = (over: Partial<CaseRetentionFacts>): CaseRetentionFacts => ({ caseId: 'C1', status: 'closed', orderTypes: [], sexualOffence: false, ...over });
const shipped = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const schedule: RetentionSchedule = { version: 1, rules: shipped, createdAt: '2026-01-01T00:00:00Z', createdBy: 'system', reason: 'defaults' };
const at = new Date('2026-12-02T10:00:00Z');

describe('financial year and year arithmetic', () => {
  test.each([
    ['2019-06-10', '2020-03-31'], ['2020-03-31', '2020-03-31'], ['2020-04-01', '2021-03-31'], ['2021-01-15', '2021-03-31'],
  ])('the financial year of %s ends on %s', (d, end) => expect(endOfFinancialYear(d)).toBe(end));

  test('29 February plus a year without it becomes 28 February (the right is not delayed)', () => {
    expect(addYears('2004-02-29', 25)).toBe('2029-02-28');
    expect(addYears('2004-02-29', 4)).toBe('2008-02-29');
  });
});

describe('due dates', () => {
  test('CASE+6 with rounding: closed 10 June 2019 → due 31 March 2026 (6 years from the end of that financial year)', () => {
    const due = retentionDueDate(rule({ roundToFinancialYearEnd: true }), facts({ closedOn: '2019-06-10' }));
    expect(due).toMatchObject({ kind: 'dated', code: 'CASE+6', anchorOn: '2019-06-10', dueOn: '2026-03-31' });
  });

  test('CASE+6 without rounding is the anniversary', () => {
    expect(retentionDueDate(rule({}), facts({ closedOn: '2019-06-10' }))).toMatchObject({ dueOn: '2025-06-10' });
  });

  test('DOB+25 counts from the date of birth whatever the case status', () => {
    expect(retentionDueDate(rule({ basis: 'DOB', years: 25 }), facts({ status: 'open', dateOfBirth: '2008-05-01' }))).toMatchObject({ dueOn: '2033-05-01' });
  });

  test('ACTION+3 counts from the last activity', () => {
    expect(retentionDueDate(rule({ basis: 'ACTION', years: 3 }), facts({ lastActivityOn: '2022-11-30' }))).toMatchObject({ dueOn: '2025-11-30' });
  });

  test('a rule counted from closure does not fall due while the case is open', () => {
    expect(retentionDueDate(rule({}), facts({ status: 'open', lastActivityOn: '2010-01-01' }))).toMatchObject({ kind: 'undated', why: expect.stringContaining('still open') });
  });

  test('court orders: a basic record after 3 years, deletion after 5', () => {
    expect(retentionDueDate(rule({ years: 5, basicRecordAfterYears: 3 }), facts({ closedOn: '2020-01-20' }))).toMatchObject({ basicRecordOn: '2023-01-20', dueOn: '2025-01-20' });
  });
});

describe('record classes', () => {
  test.each([
    [{ orderTypes: ['referral-order', 'yro'] }, 'court-order'],
    [{ orderTypes: ['referral-order'] }, 'referral-order'],
    [{ pathway: 'out-of-court' }, 'out-of-court-or-prevention'],
    [{ pathway: 'prevention' }, 'out-of-court-or-prevention'],
    [{ orderTypes: ['referral-order'], sexualOffence: true }, 'sexual-offence'],
    [{}, 'unsuccessful-referral'],
  ])('%j is kept as %s', (over, cls) => expect(classifyCase(facts(over as Partial<CaseRetentionFacts>))).toBe(cls));
});

describe('the schedule fits together', () => {
  test('the shipped file has one rule per class and no clash', () => {
    expect(scheduleClashes(shipped)).toEqual([]);
    expect(new Set(shipped.map((r) => r.recordClass)).size).toBe(shipped.length);
  });

  test('a second rule for a class already covered is refused, naming both rules', () => {
    expect(() => applyRetentionAddition(schedule, {
      id: 'referral-orders-short', recordClass: 'referral-order', label: 'Short referral orders', source: 'local', basis: 'ACTION', years: 3,
      roundToFinancialYearEnd: false, reason: 'Trying a shorter period', by: 'do-1', at,
    })).toThrow(/"Referral orders" \(referral-orders\) and "Short referral orders" \(referral-orders-short\) both cover referral orders/);
  });

  test('a basic record after deletion is a contradiction, refused with the rule named', () => {
    expect(() => applyRetentionEdit(schedule, {
      ruleId: 'court-orders', basis: 'CASE', years: 3, basicRecordAfterYears: 3, roundToFinancialYearEnd: false, reason: 'Shorter period', by: 'do-1', at,
    })).toThrow(/"Statutory court orders" \(court-orders\) reduces to a basic record after 3 years but deletes everything after 3/);
  });

  test('an edit makes the next version, with the change and the reason', () => {
    const next = applyRetentionEdit(schedule, { ruleId: 'referral-orders', basis: 'CASE', years: 7, roundToFinancialYearEnd: true, reason: 'Council counts calendar years', by: 'do-1', at });
    expect(next).toMatchObject({ version: 2, createdBy: 'do-1', reason: 'Council counts calendar years', change: { ruleId: 'referral-orders', before: { years: 6 }, after: { years: 7 } } });
    expect(next.rules.find((r) => r.id === 'referral-orders')?.years).toBe(7);
  });

  test.each([
    [{ years: -1 }, 'years'], [{ years: 2.5 }, 'years'], [{ basis: 'BIRTH' }, 'basis'], [{ years: '6' }, 'years'],
    [{ roundToFinancialYearEnd: 'yes' }, 'roundToFinancialYearEnd'], [{ reason: '' }, 'reason'],
  ])('hostile input %j is refused on its field', (over, field) => {
    let errors: Record<string, string> = {};
    try {
      applyRetentionEdit(schedule, { ruleId: 'referral-orders', basis: 'CASE', years: 7, roundToFinancialYearEnd: true, reason: 'A fine reason', by: 'x', at, ...over });
    } catch (e) { errors = (e as { errors: Record<string, string> }).errors; }
    expect(Object.keys(errors)).toContain(field);
  });
});

describe('the shipped file is checked at start', () => {
  const file = (rules: unknown[]) => JSON.stringify({ rules });
  const good = { id: 'a', recordClass: 'referral-order', label: 'A', basis: 'CASE', years: 6, roundToFinancialYearEnd: true, source: 's' };

  test('a file with two rules for one class is refused, naming both', () => {
    expect(() => parseRetentionSchedule(file([good, { ...good, id: 'b', label: 'B' }]))).toThrow(/"A" \(a\) and "B" \(b\) both cover referral orders/);
  });

  test('a rule with an unknown class or basis is refused, naming the rule', () => {
    expect(() => parseRetentionSchedule(file([{ ...good, recordClass: 'parking-fines' }]))).toThrow(/rule a is not valid: recordClass/);
    expect(() => parseRetentionSchedule(file([{ ...good, basis: 'BIRTH' }]))).toThrow(/rule a is not valid: basis/);
    expect(() => parseRetentionSchedule('{ not json')).toThrow(/not valid JSON/);
  });

  test('every shipped rule names a source and says it is not yet verified', () => {
    for (const r of shipped) expect([r.id, r.source.length > 20, r.verified]).toEqual([r.id, true, false]);
  });
});

describe('victims recorded on a case keep it until the victim rule allows', () => {
  const schedule = { version: 1, rules: parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8')), createdAt: '', createdBy: 'system', reason: '' };
  const ooc = (caseId: string, victimRecords: boolean) =>
    facts({ caseId, pathway: 'out-of-court', closedOn: '2020-06-01', lastActivityOn: '2020-06-01', victimRecords });

  it('an out-of-court case without victims falls due under its own rule (3 years after last action)', () => {
    const r = retentionDryRun([ooc('NO-V', false)], schedule, [], '2024-01-10');
    expect(r.due.map((i) => [i.caseId, i.recordClass, i.dueOn])).toEqual([['NO-V', 'out-of-court-or-prevention', '2023-06-01']]);
  });

  it('the same case with a victim is kept under the victim rule (6 years from the end of the financial year) and listed only then', () => {
    expect(retentionDryRun([ooc('V', true)], schedule, [], '2024-01-10').due).toEqual([]);
    const later = retentionDryRun([ooc('V', true)], schedule, [], '2027-04-01');
    expect(later.due.map((i) => [i.caseId, i.recordClass, i.ruleId, i.dueOn])).toEqual([['V', 'victim-record', 'victim-records', '2027-03-31']]);
  });

  it('a court order with victims is not reduced to a basic record (which drops the victims) before the victim rule allows', () => {
    const co = facts({ caseId: 'CO-V', orderTypes: ['yro'], closedOn: '2020-06-01', lastActivityOn: '2020-06-01', victimRecords: true });
    const r = retentionDryRun([co], schedule, [], '2024-01-10');
    expect([r.reduce, r.due]).toEqual([[], []]);
  });
});
