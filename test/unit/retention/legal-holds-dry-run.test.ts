// The dry run lists what is due with its rule and dates, and what is due but held — kept — by a hold on
// the case, on the person (every case of that person, by identity keys) or on everything.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import { type CaseRetentionFacts, type LegalHold, retentionDryRun, validateHoldInput } from '../../../server/src/domain/retention';

const rules = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const schedule = { version: 3, rules, createdAt: '', createdBy: 'system', reason: '' };
const closedRo = (caseId: string, over: Partial<CaseRetentionFacts> = {}): CaseRetentionFacts => ({
  caseId, status: 'closed', closedOn: '2019-06-10', orderTypes: ['referral-order'], sexualOffence: false, nameKey: `${caseId}|x`, dateOfBirth: '2003-01-01', ...over,
});
const hold = (over: Partial<LegalHold>): LegalHold => ({ id: 'h1', scope: 'case', reason: 'Inquiry into the care home', placedBy: 'dpo-1', since: '2026-01-01T00:00:00Z', ...over });
const today = '2026-12-02';

test('a referral order closed in June 2019 is due (CASE+6, end of financial year 2026), with the rule and dates in words', () => {
  const r = retentionDryRun([closedRo('A'), closedRo('B', { closedOn: '2024-01-01' })], schedule, [], today);
  expect(r.due.map((i) => i.caseId)).toEqual(['A']);
  expect(r.due[0]).toMatchObject({ ruleId: 'referral-orders', code: 'CASE+6', anchorOn: '2019-06-10', dueOn: '2026-03-31' });
  expect(r.due[0].text).toContain('Referral orders: rule referral-orders (CASE+6) counts from the date the case closed, 2019-06-10; due on 2026-03-31');
  expect(r.checked).toBe(2);
});

test('a case hold, a person hold (another case of that child) and an everything hold each keep the case, listed as held', () => {
  const cases = [closedRo('A'), closedRo('B', { nameKey: 'sam|lee', dateOfBirth: '2002-02-02' }), closedRo('C')];
  const holds = [hold({ id: 'h-case', caseId: 'A' }), hold({ id: 'h-person', scope: 'person', person: { nameKey: 'sam|lee', dateOfBirth: '2002-02-02' }, personCaseId: 'Z' })];
  const r = retentionDryRun(cases, schedule, holds, today);
  expect(r.held.map((i) => [i.caseId, i.holds.map((h) => h.id)])).toEqual([['A', ['h-case']], ['B', ['h-person']]]);
  expect(r.due.map((i) => i.caseId)).toEqual(['C']);
  expect(r.held[0].text).toContain('HELD AND KEPT');

  const all = retentionDryRun(cases, schedule, [hold({ id: 'h-all', scope: 'all', reason: 'Preservation order' })], today);
  expect([all.due.length, all.held.length]).toEqual([0, 3]);
});

test('a lifted hold, or one past its end date, no longer keeps the case', () => {
  const r = retentionDryRun([closedRo('A'), closedRo('B')], schedule, [
    hold({ caseId: 'A', liftedAt: '2026-06-01T00:00:00Z' }), hold({ id: 'h2', caseId: 'B', until: '2026-11-30' }),
  ], today);
  expect(r.due.map((i) => i.caseId)).toEqual(['A', 'B']);
});

test('hold input: scope, case reference, reason and an end date not in the past', () => {
  expect(Object.keys(validateHoldInput({ scope: 'planet', caseId: { $ne: 1 }, reason: '', until: '2020-01-01' }, today)).sort()).toEqual(['caseId', 'reason', 'scope', 'until']);
  expect(validateHoldInput({ scope: 'all', caseId: undefined, reason: 'Preservation order', until: undefined }, today)).toEqual({});
});
