// "Reduce to a basic record after N years" (statutory court orders: basic record after 3 years, deleted
// after 5; processes/retention-schedule.json): what a basic record keeps — the child's name and date of
// birth, the reference, the orders and outcomes with their type and dates, the closure date — and that the
// dry run lists a court-order case for reduction once, between those dates, held ones kept.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import { toRetentionFacts } from '../../../server/src/adapters/mongo/retention-case.reader';
import type { CaseRecord, CaseReduction } from '../../../server/src/domain/cases/case-record';
import { basicRecordOf, type CaseRetentionFacts, retentionDryRun } from '../../../server/src/domain/retention';

const src = { at: '2021-01-01T10:00:00Z', by: 'u1', submissionId: 's1', taskId: 't1', formId: 'f', amendmentSeq: 1 };
const section = (values: Record<string, unknown>, updatedAt = '2021-01-01T10:00:00Z') => ({ values, revision: 2, updatedAt, updatedBy: 'u1', sources: {} });
const record: CaseRecord = {
  id: 'C-1', team: 'north', caseManagerId: 'cm1', status: 'closed', pathway: 'court-order', createdAt: '2020-01-01T09:00:00Z', createdBy: 'u1',
  identity: { nameKey: 'ada|stone', dateOfBirth: '2005-05-05', nhsNumber: '9434765919', displayName: 'Ada Stone' },
  sections: {
    personal: { ...section({ givenName: 'Ada', familyName: 'Stone', dateOfBirth: '2005-05-05', nhsNumber: '9434765919', addresses: [{ line1: '1 High St' }] }),
      sources: { givenName: src, addresses: src }, labels: { fields: { givenName: 'First name', addresses: 'Addresses' } } },
    health: section({ diagnosis: 'asthma', camhsReferral: 'yes' }),
    offending: {
      ...section({ pathway: 'court-order', offenceSummary: 'Took a bike from a neighbour' }),
      collections: {
        orders: [{ id: 'o1', label: 'Youth rehabilitation order', values: { type: 'yro', madeOn: '2020-03-01', end: '2021-03-01', court: 'Leeds Youth Court', requirementDetails: 'Curfew at 12 Elm Road' }, sources: { type: src } }],
        offences: [{ id: 'x1', values: { offence: 'Theft of a bicycle', offenceDate: '2020-01-02' }, sources: {} }],
        victims: [{ id: 'v1', values: { name: 'Bob Neighbour' }, sources: {} }],
      },
    },
    plans: section({ closureDate: '2022-06-01', closureReason: 'orderCompleted', closureNotes: 'Ada moved to live with her aunt' }),
  },
};
const reduction: CaseReduction = { reducedAt: '2026-12-02T09:00:00Z', rule: 'court-orders', approvedBy: 'dan', approvalRef: 'retention-review:1' };

test('a basic record keeps name, date of birth, reference, orders with type and dates, the closure date — nothing else', () => {
  const basic = basicRecordOf(record, reduction);
  expect(basic).toMatchObject({ id: 'C-1', team: 'north', status: 'closed', pathway: 'court-order', reduction });
  expect(basic.identity).toEqual({ nameKey: 'ada|stone', dateOfBirth: '2005-05-05', displayName: 'Ada Stone' });
  expect(Object.keys(basic.sections).sort()).toEqual(['offending', 'personal', 'plans']);
  expect(basic.sections.personal?.values).toEqual({ givenName: 'Ada', familyName: 'Stone', dateOfBirth: '2005-05-05' });
  expect(basic.sections.personal?.labels).toEqual({ fields: { givenName: 'First name' } });
  // A kept value's source no longer points at the deleted submission or task.
  expect(basic.sections.personal?.sources).toEqual({ givenName: { at: src.at, by: 'u1', formId: 'f', amendmentSeq: 1 } });
  expect(basic.sections.offending?.values).toEqual({ pathway: 'court-order' });
  expect(basic.sections.offending?.collections).toEqual({
    orders: [{ id: 'o1', values: { type: 'yro', madeOn: '2020-03-01', end: '2021-03-01', court: 'Leeds Youth Court' }, sources: {} }],
  });
  expect(basic.sections.plans?.values).toEqual({ closureDate: '2022-06-01' });
  expect(basic.sections.plans).toMatchObject({ revision: 2, updatedAt: '2021-01-01T10:00:00Z' }); // the next amendment numbers on
  for (const gone of ['asthma', 'Bike', 'bike', 'Bob', '12 Elm', 'aunt', '1 High St', '9434765919', 'cm1']) expect(JSON.stringify(basic)).not.toContain(gone);
});

test('reducing a basic record again changes nothing, and the retention facts (class, dates) are the same as before', () => {
  const basic = basicRecordOf(record, reduction);
  expect(basicRecordOf(basic, reduction)).toEqual(basic);
  const doc = (r: CaseRecord) => ({ _id: r.id, ...r });
  const before = toRetentionFacts(doc(record));
  const after = toRetentionFacts(doc(basic));
  expect({ ...after, nhsNumber: before.nhsNumber, reducedOn: undefined }).toEqual({ ...before, reducedOn: undefined });
  expect(after.reducedOn).toBe('2026-12-02');
});

const rules = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const schedule = { version: 1, rules, createdAt: '', createdBy: 'system', reason: '' };
const courtOrder = (caseId: string, closedOn: string, over: Partial<CaseRetentionFacts> = {}): CaseRetentionFacts => ({
  caseId, status: 'closed', closedOn, orderTypes: ['yro'], sexualOffence: false, nameKey: `${caseId}|x`, dateOfBirth: '2005-01-01', ...over,
});

test('the dry run lists a court order closed 4 years ago for reduction (not erasure), with rule and both dates; once only', () => {
  const r = retentionDryRun([courtOrder('FOUR', '2022-11-01'), courtOrder('TWO', '2024-11-01'), courtOrder('SIX', '2020-11-01'),
    courtOrder('DONE', '2022-11-01', { reducedOn: '2026-01-05' })], schedule, [], '2026-12-02');
  expect(r.reduce.map((i) => [i.caseId, i.action, i.basicRecordOn, i.dueOn])).toEqual([['FOUR', 'reduce', '2025-11-01', '2027-11-01']]);
  expect(r.reduce[0].text).toBe('Case FOUR — to be reduced to a basic record. Statutory court orders: rule court-orders (CASE+5) counts from the date the case closed, 2022-11-01; basic record due on 2025-11-01, deletion due on 2027-11-01');
  expect(r.due.map((i) => [i.caseId, i.action])).toEqual([['SIX', 'erase']]); // past 5 years: erased, reduced or not
});

test('a court-order case due for reduction under a legal hold is listed as held and kept', () => {
  const hold = { id: 'h1', scope: 'case' as const, caseId: 'FOUR', reason: 'Civil claim', placedBy: 'dpo', since: '2026-01-01T00:00:00Z' };
  const r = retentionDryRun([courtOrder('FOUR', '2022-11-01')], schedule, [hold], '2026-12-02');
  expect(r.reduce).toEqual([]);
  expect(r.held.map((i) => [i.caseId, i.action])).toEqual([['FOUR', 'reduce']]);
  expect(r.held[0].text).toContain('HELD AND KEPT (case hold: Civil claim)');
});

test('a sexual offence ticked on the order that records it keeps the case under the sexual-offence rule, before and after reduction', () => {
  const marked: CaseRecord = {
    ...record,
    sections: {
      ...record.sections,
      offending: {
        ...record.sections.offending!,
        collections: {
          ...record.sections.offending!.collections,
          orders: [{ id: 'o1', label: 'Youth rehabilitation order', values: { type: 'yro', madeOn: '2020-03-01', sexualOffence: true }, sources: {} }],
        },
      },
    },
  };
  const doc = (r: CaseRecord) => ({ _id: r.id, ...r });
  expect(toRetentionFacts(doc(record)).sexualOffence).toBe(false);
  expect(toRetentionFacts(doc(marked)).sexualOffence).toBe(true);
  const reduction: CaseReduction = { reducedAt: '2026-12-02T10:00:00Z', rule: 'court-orders', approvedBy: 'dan.data' };
  expect(toRetentionFacts(doc(basicRecordOf(marked, reduction))).sexualOffence).toBe(true);
});
