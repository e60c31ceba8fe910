// Feature: reduction to a basic record in the monthly retention review (processes/retention-review.bpmn).
// Source rule (processes/retention-schedule.json, from domain.md "Retention schedules as councils write
// them", unverified): statutory court orders are reduced to a basic record 3 years after the case closed
// and deleted after 5 (CASE+5); a record under a legal hold is never changed; a data officer approves.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MongoLegalHoldRepository } from '../../../server/src/adapters/mongo/legal-hold.repository';
import { MongoRetentionCaseReader } from '../../../server/src/adapters/mongo/retention-case.reader';
import { MongoRetentionScheduleRepository } from '../../../server/src/adapters/mongo/retention-schedule.repository';
import { parseRetentionSchedule } from '../../../server/src/adapters/files/retention-schedule.loader';
import { placeLegalHold } from '../../../server/src/application/retention/legal-holds';
import { createLegalHoldChecker } from '../../../server/src/application/retention/legal-hold-checker';
import { reduceCase } from '../../../server/src/application/retention/reduce-case';
import type { RetentionDeps } from '../../../server/src/application/retention/retention-deps';
import { runRetentionDryRun } from '../../../server/src/application/retention/run-retention-dry-run';
import type { CaseRecord } from '../../../server/src/domain/cases/case-record';
import { createRetentionDryRunJob, createRetentionEraseJob, RETENTION_DRY_RUN_JOB_TYPE, RETENTION_ERASE_JOB_TYPE } from '../../../server/src/jobs/retention-review.job';
import { processHarness, type ProcessHarness } from './support/process-harness';

const rules = parseRetentionSchedule(readFileSync(path.resolve(__dirname, '../../../processes/retention-schedule.json'), 'utf8'));
const section = (values: Record<string, unknown>, updatedAt: string) => ({ values, revision: 1, updatedAt, updatedBy: 'x', sources: {} });
const courtOrderCase = (id: string, closureDate: string, name: string): CaseRecord => ({
  id, team: 'north', status: 'closed', pathway: 'court-order', createdAt: '2020-03-01T09:00:00Z', createdBy: 'x',
  identity: { nameKey: `${name}|child`, dateOfBirth: '2005-04-04', displayName: `${name} Child` },
  sections: {
    personal: section({ givenName: name, familyName: 'Child', dateOfBirth: '2005-04-04' }, '2020-03-01T09:00:00Z'),
    health: section({ healthNotes: 'Asthma; sees CAMHS' }, '2021-01-01T09:00:00Z'),
    offending: { ...section({}, '2021-01-01T09:00:00Z'), collections: { orders: [{ id: 'o1', values: { type: 'yro', madeOn: '2020-06-01', requirementDetails: 'Curfew' }, sources: {} }] } },
    plans: section({ closureDate, closureNotes: 'Moved to Leeds' }, `${closureDate}T10:00:00Z`),
  },
});

describe('Feature: a court-order case is reduced to a basic record three years after closure, once, and erased after five', () => {
  let h: ProcessHarness;
  let deps: RetentionDeps;
  const erased: string[] = [];
  const noop = async () => 0;

  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    deps = {
      schedule: new MongoRetentionScheduleRepository(h.conn, { defaults: rules, now: h.clock.now }),
      holds: new MongoLegalHoldRepository(h.conn), cases: new MongoRetentionCaseReader(h.conn), clock: h.clock,
      audit: { record: async (e) => e as never },
    };
    const holds = createLegalHoldChecker(deps);
    h.engine.registerJobHandler(RETENTION_DRY_RUN_JOB_TYPE, createRetentionDryRunJob(deps));
    h.engine.registerJobHandler(RETENTION_ERASE_JOB_TYPE, createRetentionEraseJob({
      holds, audit: deps.audit, engine: h.engine,
      erase: async (input) => { erased.push(input.caseId); return { caseId: input.caseId, rule: input.rule, erasedAt: '', approvedBy: input.approvedBy, state: 'complete' }; },
      // The real reduction on the real case repository; the other stores are emptied in the integration test.
      reduce: (input) => reduceCase({
        holds, caseReader: h.cases, basicRecords: h.cases, audit: deps.audit, clock: h.clock,
        auditDetails: { eraseCaseDetails: async () => ({ plaintextEvents: 0 }) },
        stores: {
          engine: { eraseInstancesOfCase: noop }, tasks: { taskIdsOfCase: async () => [], eraseTasksOfCase: noop },
          outbox: { messageIdsOf: async () => [], eraseOf: noop }, drafts: { eraseOfCase: noop }, submissions: { eraseOfCase: noop },
          savedFilters: { eraseNamingCase: noop },
        },
      }, input),
    }));
    // Given court-order cases closed on 1 June 2022 (basic record due 1 June 2025, deletion 1 June 2027), one
    // of them under a legal hold, and one closed in January 2024 (basic record not due until January 2027)
    await h.cases.create(courtOrderCase('CO-2022', '2022-06-01', 'amy'), []);
    await h.cases.create(courtOrderCase('CO-HELD', '2022-06-01', 'ben'), []);
    await h.cases.create(courtOrderCase('CO-2024', '2024-01-01', 'cat'), []);
    await placeLegalHold(deps, { id: 'dpo-1', roles: ['dpo'] }, { scope: 'case', caseId: 'CO-HELD', reason: 'Complaint by the family' });
  });
  afterAll(() => h.close());

  const reviews = async () => (await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.processId === 'retention-review');

  test('Given the month turns, Then the review asks a data officer about the reduction (nothing is due for erasure) and lists the held case as held', async () => {
    await h.at('2026-12-23T10:00:00Z');
    const [task] = await reviews();
    expect(task).toMatchObject({ elementId: 'reviewErasures' }); // reached only because a reduction is due
    const vars = await h.vars(task.instanceKey);
    expect([vars.dueCount, vars.reduceCount]).toEqual([0, 1]);
    expect(vars.retentionReviewText).toContain('Case CO-2022 — to be reduced to a basic record. Statutory court orders: rule court-orders (CASE+5) counts from the date the case closed, 2022-06-01; basic record due on 2025-06-01, deletion due on 2027-06-01');
    expect(vars.retentionReviewText).toContain('Case CO-HELD — HELD AND KEPT (case hold: Complaint by the family)');
    expect(vars.retentionReviewText).not.toContain('CO-2024');
  });

  test('When the data officer approves, Then the case keeps only its basic record, marked as reduced by the approver; the held case is whole', async () => {
    const [task] = await reviews();
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'yes' });
    const vars = await h.vars(task.instanceKey);
    expect(vars.reductionSummary).toBe('1 reduced to a basic record, 0 held and kept, 0 not reduced');
    const basic = await h.cases.findById('CO-2022');
    expect(Object.keys(basic!.sections).sort()).toEqual(['offending', 'personal', 'plans']);
    expect(basic!.sections.plans!.values).toEqual({ closureDate: '2022-06-01' });
    expect(basic!.sections.offending!.collections!.orders).toEqual([{ id: 'o1', values: { type: 'yro', madeOn: '2020-06-01' }, sources: {} }]);
    expect(basic!.reduction).toMatchObject({ rule: 'court-orders', approvedBy: 'tester', dueAt: '2025-06-01' });
    expect((await h.cases.findById('CO-HELD'))!.sections.health!.values).toEqual({ healthNotes: 'Asthma; sees CAMHS' });
    expect(erased).toEqual([]);
  });

  test('Given next month, Then the reduced case is not listed again, while the 2024 case now due for its basic record is', async () => {
    await h.at('2027-01-23T10:00:00Z');
    const [task] = await reviews();
    const vars = await h.vars(task.instanceKey);
    expect((vars.retentionReview as { reduce: { caseId: string }[] }).reduce.map((i) => i.caseId)).toEqual(['CO-2024']);
    expect(vars.retentionReviewText).not.toContain('Case CO-2022');
    await h.complete(task.instanceKey, 'reviewErasures', { retentionApproved: 'no' });
  });

  test('When its deletion date comes, Then the reduced case is listed for erasure', async () => {
    const june = await runRetentionDryRun({ ...deps, clock: { now: () => new Date('2027-06-02T09:00:00Z') } });
    expect(june.due.map((i) => [i.caseId, i.action, i.dueOn])).toEqual([['CO-2022', 'erase', '2027-06-01']]);
  });
});
