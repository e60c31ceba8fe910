// Feature: timeliness against the timescales, from the reporting projection kept live from the real
// engine's events (the real embedded engine, calculate-deadlines job and timescale store, the shipped
// timescales, a hand-moved clock; a small process whose one deadline name is written from two timescales,
// fixtures/report-timeliness.bpmn, so the report must tell an assessment's due date from a review's). Expected figures are worked out by hand from the calendar below, not by the code:
//   Oct/Nov/Dec 2026, no bank holidays; London is on GMT from 25 October, so 17:00 London = 17:00Z.
//   Assessment (oocdAssessment) v1 = 10 working days; changed to 5 working days (version 2) on 23 November.
//   E north  referred Mon 26 Oct → due Mon 9 Nov;  done Thu 12 Nov by Alice  → late by 3 WD (10, 11, 12 Nov)
//   A north  referred Mon 23 Nov → due Mon 7 Dec;  done Fri 4 Dec by Alice   → on time
//   B north  referred Mon 23 Nov → due Mon 7 Dec;  done Wed 9 Dec by Bob     → late by 2 WD (8, 9 Dec)
//   C south  referred Mon 23 Nov → due Mon 7 Dec;  still open on 10 Dec      → overdue now
//   --- the timescale changes to 5 WD ---
//   D south  referred Mon 23 Nov → due Mon 30 Nov; done Tue 1 Dec by Carol   → late by 1 WD (v2)
//   F south  referred Mon 23 Nov → due Mon 30 Nov; done Mon 30 Nov 16:00     → on time (v2)
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { MongoFormRepository } from '../../../server/src/adapters/mongo/form.repository';
import { projectEngineEvent } from '../../../server/src/application/tasks/project-engine-event';
import { updateTimescale } from '../../../server/src/application/update-timescale';
import { getTimelinessReport } from '../../../server/src/application/reports/get-timeliness-report';
import { createReportsModule, type ReportsModule } from '../../../server/src/main/modules/reports.module';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { PERMISSIONS } from '../../../server/src/domain/policies/permission-table';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';
import type { AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import { silentLogger } from '../../support/http-app';
import { reportHarness, type ReportHarness } from './support/report-harness';

const TEAMS: Record<string, string> = { e: 'north', a: 'north', b: 'north', c: 'south', d: 'south', f: 'south' };
const NAMES: Record<string, string> = { alice: 'Alice Adams', bob: 'Bob Brown', carol: 'Carol Cole' };
const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const policy = { can: (a: { roles: readonly string[] }, action: string) => a.roles.some((r) => (PERMISSIONS as Record<string, { actions: readonly string[] }>)[r]?.actions.includes(action)), readableSections: () => [], writableSections: () => [] };

describe('Feature: timeliness against the timescales', () => {
  let h: ReportHarness;
  let reports: ReportsModule;
  let tasks: MongoTaskRepository;
  const audit: AuditEventInput[] = [];
  const instances: Record<string, string> = {};

  const allFacts = async () => {
    const out: TaskFact[] = [];
    for (let page = await reports.facts.page(undefined, 100); page.length; page = await reports.facts.page(page.at(-1)!.id, 100)) out.push(...page);
    return out;
  };
  const refer = async (c: string) => {
    instances[c] = await h.start('report-timeliness', { caseId: `case-${c}`, referralReceivedAt: h.clock.now().toISOString() });
  };
  const assess = async (c: string, at: string, by: string) => {
    await h.at(at);
    const task = await h.task(instances[c], 'assess');
    await h.engine.completeUserTask(task.key, {}, { by });
    await h.at(at);
  };
  const report = (actor: { id: string; roles: string[]; teams: string[] }, q: Record<string, string>) => getTimelinessReport({
    facts: reports.facts, timescales: h.timescales, policy, calendar, now: h.clock.now,
    users: { findById: async (id) => (NAMES[id] ? { displayName: NAMES[id] } as never : undefined) },
    audit: { record: async (e) => { audit.push(e); return e as never; } },
  }, actor, q);

  const module = () => createReportsModule({
    conn: h.conn, engine: h.engine, tasks, timescales: h.timescales, calendar, users: {} as never, audit: {} as never,
    clock: h.clock, logger: silentLogger, forms: new MongoFormRepository(h.conn),
  });

  beforeAll(async () => {
    h = await reportHarness('2026-10-26T09:00:00Z');
    tasks = new MongoTaskRepository(h.conn);
    await tasks.init();
    h.engine.onEvent((e) => projectEngineEvent({ tasks, engine: h.engine, now: h.clock.now, teamOfCase: async (id) => TEAMS[id.replace('case-', '')] }, e));
    reports = module();
    await reports.start!();

    await refer('e');
    await assess('e', '2026-11-12T10:00:00Z', 'alice');
    await h.at('2026-11-23T09:00:00Z');
    for (const c of ['a', 'b', 'c']) await refer(c);
    await updateTimescale({ timescales: h.timescales, clock: h.clock }, { id: 'manager-1', roles: ['team-managers'] }, {
      timescaleId: 'oocdAssessment', value: 5, unit: 'workingDays', reason: 'Local protocol with the police',
    });
    for (const c of ['d', 'f']) await refer(c);
    await assess('f', '2026-11-30T16:00:00Z', 'carol');
    await assess('d', '2026-12-01T09:00:00Z', 'carol');
    await assess('a', '2026-12-04T12:00:00Z', 'alice');
    await assess('b', '2026-12-09T10:00:00Z', 'bob');
    await h.at('2026-12-10T12:00:00Z');
    await reports.updater.idle();
  }, 120_000);
  afterAll(async () => { await reports?.stop!(); await h?.close(); });

  const manager = { id: 'hana', roles: ['team-managers'], teams: ['north', 'south'] };
  const period = { from: '2026-11', to: '2026-12', timescale: 'oocdAssessment' };

  test('Given six assessments across two teams, two months and a timescale change, then each version has its own exact figures', async () => {
    const r = await report(manager, period);
    expect(r.timescales.map((t) => [t.timescaleId, t.version, t.figures])).toEqual([
      ['oocdAssessment', 1, { fellDue: 4, onTime: 1, late: 2, overdueNow: 1, dueLater: 0, workingDaysLate: { total: 5, max: 3 },
        lateBy: [{ workingDays: 2, count: 1 }, { workingDays: 3, count: 1 }], onTimePercent: 25 }],
      ['oocdAssessment', 2, { fellDue: 2, onTime: 1, late: 1, overdueNow: 0, dueLater: 0, workingDaysLate: { total: 1, max: 1 },
        lateBy: [{ workingDays: 1, count: 1 }], onTimePercent: 50 }],
    ]);
    expect(r.standards['oocdAssessment@1']).toBe('10 working days');
    expect(r.standards['oocdAssessment@2']).toBe('5 working days');
    expect(r.timescaleNames.oocdAssessment).toBe('Out-of-court disposal assessment complete');
  });

  test('Then the figures split by team and by worker, people by name', async () => {
    const r = await report(manager, period);
    const brief = (f: { fellDue: number; onTime: number; late: number; overdueNow: number }) => [f.fellDue, f.onTime, f.late, f.overdueNow];
    expect(r.byTeam.map((t) => [t.version, t.team, brief(t.figures)])).toEqual([
      [1, 'north', [3, 1, 2, 0]], [1, 'south', [1, 0, 0, 1]], [2, 'south', [2, 1, 1, 0]],
    ]);
    expect(r.byWorker.map((w) => [w.version, w.worker, brief(w.figures)])).toEqual([
      [1, null, [1, 0, 0, 1]], [1, 'alice', [2, 1, 1, 0]], [1, 'bob', [1, 0, 1, 0]], [2, 'carol', [2, 1, 1, 0]],
    ]);
    expect(r.people).toEqual({ alice: 'Alice Adams', bob: 'Bob Brown', carol: 'Carol Cole' });
  });

  test('Then the trend by month puts each task in the month it fell due', async () => {
    const r = await report(manager, period);
    expect(r.trend.map((m) => [m.month, m.figures.fellDue, m.figures.onTime, m.figures.late, m.figures.overdueNow, m.figures.onTimePercent])).toEqual([
      ['2026-11', 3, 1, 2, 0, 33], ['2026-12', 3, 1, 1, 1, 33],
    ]);
  });

  test('A manager of one team sees that team only, another team is refused, and every read is audited', async () => {
    const north = await report({ id: 'tom', roles: ['team-managers'], teams: ['north'] }, period);
    expect(north.timescales.map((t) => [t.version, t.figures.fellDue, t.figures.onTime, t.figures.late])).toEqual([[1, 3, 1, 2]]);
    expect(north.options.teams).toEqual(['north']);
    await expect(report({ id: 'tom', roles: ['team-managers'], teams: ['north'] }, { ...period, team: 'south' })).rejects.toThrow(/your own teams/);
    await expect(report({ id: 'cara', roles: ['case-managers'], teams: ['north'] }, period)).rejects.toThrow(/Reports are for/);
    const officer = await report({ id: 'dan', roles: ['data-officers'], teams: [] }, { ...period, team: 'south' });
    expect(officer.byTeam.map((t) => t.team)).toEqual(['south', 'south']);
    expect(officer.options.teams).toEqual(['north', 'south']); // the filter can offer every team still
    expect(audit.filter((e) => e.action === 'report.read').map((e) => e.actor.id)).toEqual(expect.arrayContaining(['hana', 'tom', 'dan']));
  });

  test('The live projection and a rebuild from the task queue agree, row for row', async () => {
    const live = await allFacts();
    // The one deadline name is told apart by the step that wrote it before each task was created.
    expect(live.filter((f) => f.elementId === 'assess').map((f) => f.timescaleId)).toEqual(Array(6).fill('oocdAssessment'));
    expect(live.filter((f) => f.elementId === 'review').map((f) => f.timescaleId)).toEqual(Array(5).fill('defaultTaskDue'));
    // The timeliness counts the report reads, kept live with each fact, are those a recount of the facts gives.
    const months = ['2026-10', '2026-11', '2026-12', '2027-01', '2027-02'];
    const liveCounts = await reports.facts.monthCounts(months);
    expect(liveCounts.flatMap((m) => m.cells).length).toBeGreaterThan(0);
    expect(await reports.rebuild({ dryRun: true })).toMatchObject({ facts: live.length, written: 0, removed: 0, differing: [], recounted: [] });
    await h.conn.collection('report_task_facts').deleteMany({});
    await h.conn.collection('report_timeliness_months').deleteMany({});
    const rebuilt = await reports.rebuild();
    expect(rebuilt).toMatchObject({ facts: live.length, written: live.length, removed: 0 });
    expect(await allFacts()).toEqual(live);
    expect(await reports.facts.monthCounts(months)).toEqual(liveCounts);
  });

  test('A failed projection write does not fail the completion, and the rebuild heals it', async () => {
    const apply = reports.facts.apply.bind(reports.facts);
    reports.facts.apply = async () => { throw new Error('database unavailable'); };
    try {
      await assess('c', '2026-12-10T13:00:00Z', 'dave');
      await reports.updater.idle();
    } finally {
      reports.facts.apply = apply;
    }
    expect((await tasks.findById((await allFacts()).find((f) => f.caseId === 'case-c' && f.elementId === 'assess')!.id))?.state).toBe('completed');
    const healed = await reports.rebuild();
    expect(healed.written).toBeGreaterThanOrEqual(1);
    const c = (await allFacts()).find((f) => f.caseId === 'case-c' && f.elementId === 'assess')!;
    expect([c.state, c.worker, c.completedAt]).toEqual(['completed', 'dave', '2026-12-10T13:00:00.000Z']);
  });

  test('Erasing a case removes its facts, and only its', async () => {
    const before = await allFacts();
    expect(await reports.facts.eraseOfCase('case-e')).toBe(2); // its assessment and its review
    expect((await allFacts()).map((f) => f.id)).toEqual(before.filter((f) => f.caseId !== 'case-e').map((f) => f.id));
    await reports.rebuild(); // the case's tasks are still in this queue: put them back for the next test
  });

  test('On its first start over existing tasks, the module builds the projection from them', async () => {
    const before = await allFacts();
    await h.conn.collection('report_task_facts').deleteMany({});
    const fresh = module();
    await fresh.start!();
    await fresh.stop!(); // waits for the background build
    expect(await allFacts()).toEqual(before);
  });
});
