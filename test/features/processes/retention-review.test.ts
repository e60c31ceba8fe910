// Feature: the monthly retention review (processes/retention-review.bpmn) on the real engine.
// Source rule (processes/retention-schedule.json, from domain.md "Retention schedules as councils write
// them"): referral orders are kept 6 years from the end of the financial year in which the case closed
// (CASE+6, the "6+ rule"); a record under a legal hold is never deleted; a data officer approves erasures.
import { MongoLegalHoldRepository } from '../../../server/src/adapters/mongo/legal-hold.repository';
import { MongoRetentionCaseReader } from '../../../server/src/adapters/mongo/retention-case.reader';
import { MongoRetentionScheduleRepository } from '../../../server/src/adapters/mongo/retention-schedule.repository';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import { placeLegalHold } from '../../../server/src/application/retention/legal-holds';
import { createLegalHoldChecker } from '../../../server/src/application/retention/legal-hold-checker';
import type { RetentionDeps } from '../../../server/src/application/retention/retention-deps';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import type { AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import { BusinessError } from '../../../server/src/domain/errors';
import { createRetentionDryRunJob, createRetentionEraseJob, RETENTION_DRY_RUN_JOB_TYPE, RETENTION_ERASE_JOB_TYPE } from '../../../server/src/jobs/retention-review.job';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { processHarness, type ProcessHarness } from './support/process-harness';

const rules = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const section = (values: Record<string, unknown>, updatedAt: string, collections?: CaseRecord['sections']['offending']) => ({
  values, revision: 1, updatedAt, updatedBy: 'x', sources: {}, ...(collections ? { collections: collections.collections } : {}),
});
const referralOrderCase = (id: string, closureDate: string, name: string): CaseRecord => ({
  id, team: 'north', status: 'closed', pathway: 'court-order', createdAt: '2017-03-01T09:00:00Z', createdBy: 'x',
  identity: { nameKey: `${name}|child`, dateOfBirth: '2002-04-04', displayName: `${name} Child` },
  sections: {
    offending: { ...section({}, '2019-05-01T10:00:00Z'), collections: { orders: [{ id: 'o1', values: { type: 'referral-order' }, sources: {} }] } },
    plans: section({ closureDate, closureReason: 'orderCompleted' }, `${closureDate}T10:00:00Z`),
  },
});

describe('Feature: the monthly retention review lists what is due and what is held, and a data officer approves the erasures', () => {
  let h: ProcessHarness;
  let erased: { caseId: string; rule: string; approvedBy: string }[];
  let eraseMode: 'works' | 'not-implemented';
  const audited: AuditEventInput[] = [];

  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    const deps: RetentionDeps = {
      schedule: new MongoRetentionScheduleRepository(h.conn, { defaults: rules, now: h.clock.now }),
      holds: new MongoLegalHoldRepository(h.conn), cases: new MongoRetentionCaseReader(h.conn), clock: h.clock,
      audit: { record: async (e) => { audited.push(e); return e as never; } },
    };
    const holdChecker = createLegalHoldChecker(deps);
    h.engine.registerJobHandler(RETENTION_DRY_RUN_JOB_TYPE, createRetentionDryRunJob(deps));
    h.engine.registerJobHandler(RETENTION_ERASE_JOB_TYPE, createRetentionEraseJob({
      holds: holdChecker, audit: deps.audit, engine: h.engine,
      erase: async (input) => {
        if (eraseMode === 'not-implemented') throw new BusinessError('NOT_IMPLEMENTED', 'Erasure of a case is not implemented yet');
        erased.push({ caseId: input.caseId, rule: input.rule, approvedBy: input.approvedBy });
        return { caseId: input.caseId, rule: input.rule, erasedAt: h.clock.now().toISOString(), approvedBy: input.approvedBy, state: 'complete' };
      },
    }));
    // Given a referral-order case closed on 10 June 2019 (due 31 March 2026), another closed then but under a
    // legal hold, and one closed in 2024 (not due until 2031)
    await h.cases.create(referralOrderCase('RO-2019', '2019-06-10', 'amy'), []);
    await h.cases.create(referralOrderCase('RO-HELD', '2019-06-10', 'ben'), []);
    await h.cases.create(referralOrderCase('RO-2024', '2024-02-01', 'cat'), []);
    await placeLegalHold(deps, { id: 'dpo-1', roles: ['dpo'] }, { scope: 'case', caseId: 'RO-HELD', reason: 'Civil claim by the family' });
  });
  afterAll(() => h.close());

  const reviews = async () => (await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.processId === 'retention-review');

  test('Given the month turns, Then the review lists the 2019 referral order as due with its rule and dates, and the held case as held and kept', async () => {
    await h.at('2026-12-22T09:00:00Z');
    expect(await reviews()).toHaveLength(0); // the timer is monthly from deployment
    await h.at('2026-12-23T10:00:00Z');
    const [task] = await reviews();
    expect(task).toMatchObject({ elementId: 'reviewErasures', candidateGroups: ['data-officers'] });
    const vars = await h.vars(task.instanceKey);
    expect(vars.dueCount).toBe(1);
    expect((vars.retentionReview as { due: unknown[] }).due).toEqual([expect.objectContaining({ caseId: 'RO-2019', ruleId: 'referral-orders', code: 'CASE+6', anchorOn: '2019-06-10', dueOn: '2026-03-31' })]);
    expect(vars.retentionReviewText).toContain('Case RO-HELD — HELD AND KEPT (case hold: Civil claim by the family)');
    expect(vars.retentionReviewText).toContain('Case RO-2019 — to be erased. Referral orders: rule referral-orders (CASE+6)');
    expect(vars.retentionReviewText).not.toContain('RO-2024');
    expect(vars.deadlines).toEqual(expect.objectContaining({ reviewDue: expect.any(String) }));
  });

  test('When the data officer approves, Then only the due case is erased, under its rule, by the approver, and the approval is audited', async () => {
    erased = []; eraseMode = 'works';
    const [task] = await reviews();
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'yes', approvalNotes: 'Checked against the file list' });
    expect(erased).toEqual([{ caseId: 'RO-2019', rule: 'referral-orders', approvedBy: 'tester' }]);
    expect(await h.state(task.instanceKey)).toBe('completed');
    expect((await h.vars(task.instanceKey)).erasureSummary).toBe('1 erased, 0 held and kept, 0 not erased because erasure is not implemented yet, 0 failed');
    expect(audited).toContainEqual(expect.objectContaining({ action: 'retention.erasure-approved', actor: { id: 'tester' }, reason: 'Checked against the file list' }));
  });

  test('When the data officer does not approve, Then nothing is erased and the review ends as not approved', async () => {
    await h.at('2027-01-23T10:00:00Z');
    const [task] = await reviews();
    expect((await h.vars(task.instanceKey)).dueCount).toBe(1); // RO-2019 is still there: the erasure above was a double
    erased = []; eraseMode = 'works';
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'no', approvalNotes: 'Files still being checked' });
    expect(erased).toEqual([]);
    const timeline = (await h.engine.getInstance(task.instanceKey))?.timeline.map((e) => e.elementId) ?? [];
    expect(timeline).toContain('notApproved');
    expect(timeline).not.toContain('eraseApproved');
  });

  test('Given erasure is not available yet, When approved, Then each case is reported as not erased (NOT_IMPLEMENTED), not as erased', async () => {
    await h.at('2027-02-23T10:00:00Z');
    const [task] = await reviews();
    eraseMode = 'not-implemented';
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'yes' });
    expect((await h.vars(task.instanceKey)).erasureOutcomes).toEqual([{ caseId: 'RO-2019', outcome: 'not-implemented', message: 'Erasure of a case is not implemented yet' }]);
    expect((await h.vars(task.instanceKey)).erasureSummary).toContain('1 not erased because erasure is not implemented yet');
  });

  test('Given a preservation order (hold on everything) placed after the dry run, When approved, Then the case is kept as held; next month nothing is due', async () => {
    await h.at('2027-03-23T10:00:00Z');
    const [task] = await reviews();
    await placeLegalHold({ holds: new MongoLegalHoldRepository(h.conn), cases: new MongoRetentionCaseReader(h.conn), clock: h.clock, audit: { record: async (e) => e as never } },
      { id: 'officer', roles: ['data-officers'] }, { scope: 'all', reason: 'Preservation order of the inquiry' });
    erased = []; eraseMode = 'works';
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'yes' });
    expect((await h.vars(task.instanceKey)).erasureOutcomes).toEqual([{ caseId: 'RO-2019', outcome: 'held', holds: ['all hold: Preservation order of the inquiry'] }]);
    expect(erased).toEqual([]);

    await h.at('2027-04-23T10:00:00Z');
    expect(await reviews()).toHaveLength(0);
    const all = await h.engine.listInstances({ processId: 'retention-review' });
    expect(all.total).toBe(5); // one review a month, December to April
    const instances = await Promise.all(all.items.map((i) => h.engine.getInstance(i.key)));
    const april = instances.filter((i) => i?.timeline.some((e) => e.elementId === 'nothingDue'));
    expect(april.map((i) => [i?.state, i?.variables.dueCount, i?.variables.heldCount])).toEqual([['completed', 0, 2]]); // RO-2019 and RO-HELD, both kept
  });
});
