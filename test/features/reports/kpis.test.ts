// Feature: the YJB key performance indicators, from the KPI projection kept live from task completions and
// read, as in either topology, from its month summaries
// (the real embedded engine, the task queue's rows for the team, the submissions store, a hand-moved
// clock). Each completion stands for a shipped form's submission; the answers use the shipped forms' keys
// (checked below). Expected figures are worked out by hand from this table, not by the code:
//   Period A = October to December 2026, period B = January to March 2027. Teams north and south.
//   N1 north  assessed 10 May: accommodation suitable, ETE not, 10 of 25 hours, looked after.
//             closed 20 Nov (submitted twice: the manager sent it back; the second says accommodation suitable):
//             accommodation and ETE suitable, 20 of 25 hours, SEND need with an EHCP, no wider services.
//             health: mental health need → planned → attending; no substance misuse need.
//   N2 north  assessed 1 June: accommodation and ETE not suitable, 5 of 15 hours, child in need + early help.
//             closed 5 Dec: accommodation suitable, ETE not, 15 of 15 hours, SEND need, no plan, child in need.
//             health: mental health need → planned → not attending; substance misuse need, nothing planned.
//   N3 north  out-of-court exit 15 Oct: completed, accommodation suitable, no ETE. First youth caution 1 July (before A).
//   S1 south  assessed 1 Sept: both suitable (no hours, no wider services answered).
//             closed 2 Nov: accommodation not suitable, ETE suitable, 30 of 30 hours, no SEND need, OOCD not completed.
//             health: no mental health need; substance misuse need → planned → attending.
//   S2 south  sentenced 12 Oct (YRO; robbery, gravity 6; first conviction) and 30 Nov (DTO; violence, gravity 4).
//             victims: V1 contacted 20 Oct, consents to contact and to RJ, RJ conference 10 Dec;
//             V2 contacted 1 Nov, consents to contact, declines RJ; V3 contacted 1 Dec, no contact.
//   S3 south  sentenced 1 Dec (referral order; theft, gravity 3; not a first); police conditional caution 10 Nov, a first.
//   N4 north  sentenced 11 Nov (fine; no offence recorded).
//   N5 north  closed 10 Feb 2027 (period B): both suitable, 18 of 20 hours; no assessment, no health form.
//   V4        victim of N1's case (north), contacted 5 Jan 2027, consents to both; RJ letter 1 Feb 2027.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { MongoTaskRepository } from '../../../server/src/adapters/mongo/task.repository';
import { MongoFormRepository } from '../../../server/src/adapters/mongo/form.repository';
import { MongoSubmissionRepository } from '../../../server/src/adapters/mongo/form-submission.repository';
import { projectEngineEvent } from '../../../server/src/application/tasks/project-engine-event';
import { getKpiReport } from '../../../server/src/application/reports/get-kpi-report';
import { exportReportCsv } from '../../../server/src/application/reports/export-report-csv';
import { createReportsModule, type ReportsModule } from '../../../server/src/main/modules/reports.module';
import { createWorkingCalendar } from '../../../server/src/domain/calendar';
import { PERMISSIONS } from '../../../server/src/domain/policies/permission-table';
import type { KpiFact } from '../../../server/src/domain/reports/kpi-fact';
import type { KpiFigures } from '../../../server/src/domain/reports/kpi-report';
import type { AuditEventInput } from '../../../server/src/domain/audit/audit-event';
import { describeFields } from '../../../server/src/forms-core';
import { silentLogger } from '../../support/http-app';
import { reportHarness, type ReportHarness } from './support/report-harness';

const TEAMS: Record<string, string> = { n1: 'north', n2: 'north', n3: 'north', n4: 'north', n5: 'north', s1: 'south', s2: 'south', s3: 'south' };
const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const policy = { can: (a: { roles: readonly string[] }, action: string) => a.roles.some((r) => (PERMISSIONS as Record<string, { actions: readonly string[] }>)[r]?.actions.includes(action)), readableSections: () => [], writableSections: () => [] };
const root = path.resolve(__dirname, '../../..');

/** Every answer path (item ids aside) is a field of the shipped form: the fixture cannot drift from the forms. */
function checkKeys(formId: string, data: Record<string, unknown>) {
  const fields = new Set(describeFields(JSON.parse(readFileSync(path.join(root, 'forms', `${formId}.form`), 'utf8'))).map((f) => f.path));
  const paths = Object.entries(data).flatMap(([k, v]) => (v && typeof v === 'object' && !Array.isArray(v) ? Object.keys(v).filter((x) => x !== 'id').map((x) => `${k}.${x}`) : [k]));
  expect(paths.filter((p) => !fields.has(p))).toEqual([]);
}

const closure = (closureDate: string, o: Record<string, unknown>) => ({ closureDate, closureReason: 'orderCompleted', oocdCompletedAtEnd: 'notApplicable', ...o });
const court = (madeOn: string, type: string, o: Record<string, unknown> = {}) => ({ hearing: { result: 'sentenced' }, outcome: { type, madeOn, ...o } });
const contact = (id: string, contactDate: string, contactConsent: string, rjConsent?: string) =>
  ({ victimContact: { id, contactDate, contactMethod: 'phone', rjInformationOffered: true, contactConsent, ...(rjConsent ? { rjConsent } : {}) } });

// [case, form, answers, submitted at]
const RECORDS: [string, string, Record<string, unknown>, string][] = [
  ['n3', 'oocd-police-decision', { policeDecision: { type: 'youth-caution', policeDecidedOn: '2026-07-01', firstCautionOrConviction: 'yes' } }, '2026-07-01T10:00:00Z'],
  ['n1', 'assetplus-information-gathering', { assessment: { reason: 'community-order', informationGatheredOn: '2026-05-10' }, accommodationSuitableAtAssessment: 'yes', eteSuitableAtAssessment: 'no', eteHoursOfferedAtAssessment: 25, eteHoursAttendedAtAssessment: 10, widerServicesAtAssessment: ['looked-after'] }, '2026-05-11T10:00:00Z'],
  ['n2', 'assetplus-information-gathering', { assessment: { reason: 'community-order', informationGatheredOn: '2026-06-01' }, accommodationSuitableAtAssessment: 'no', eteSuitableAtAssessment: 'no', eteHoursOfferedAtAssessment: 15, eteHoursAttendedAtAssessment: 5, widerServicesAtAssessment: ['child-in-need', 'early-help'] }, '2026-06-01T10:00:00Z'],
  ['s1', 'assetplus-information-gathering', { assessment: { reason: 'referral-order', informationGatheredOn: '2026-09-01' }, accommodationSuitableAtAssessment: 'yes', eteSuitableAtAssessment: 'yes' }, '2026-09-01T10:00:00Z'],
  ['s2', 'court-outcome', court('2026-10-12', 'yro', { offenceCategory: 'robbery', offenceGravity: 6, firstCautionOrConviction: 'yes' }), '2026-10-12T15:00:00Z'],
  ['n3', 'oocd-exit', { disposalEnd: { completed: 'yes', endedOn: '2026-10-15' }, eteAtEnd: 'none', accommodationAtEnd: 'suitable', exitSummary: 'Done' }, '2026-10-15T12:00:00Z'],
  ['s2', 'victim-initial-contact', contact('v1', '2026-10-20', 'yes', 'consents'), '2026-10-20T12:00:00Z'],
  ['s2', 'victim-initial-contact', contact('v2', '2026-11-01', 'yes', 'declines'), '2026-11-02T12:00:00Z'],
  ['s1', 'case-closure-end-data', closure('2026-11-02', { accommodationSuitableAtEnd: 'no', eteSuitableAtEnd: 'yes', eteStatusAtEnd: 'school', eteHoursOfferedAtEnd: 30, eteHoursAttendedAtEnd: 30, sendNeedIdentified: 'no', oocdCompletedAtEnd: 'no' }), '2026-11-02T14:00:00Z'],
  ['s1', 'case-closure-health', { mentalHealthNeedIdentified: 'no', substanceMisuseNeedIdentified: 'yes', substanceMisuseInterventionPlanned: 'yes', substanceMisuseAttending: 'yes' }, '2026-11-02T15:00:00Z'],
  ['s3', 'oocd-police-decision', { policeDecision: { type: 'youth-conditional-caution', policeDecidedOn: '2026-11-10', firstCautionOrConviction: 'yes' } }, '2026-11-10T10:00:00Z'],
  ['n4', 'court-outcome', court('2026-11-11', 'fine'), '2026-11-11T15:00:00Z'],
  ['n1', 'case-closure-end-data', closure('2026-11-20', { accommodationSuitableAtEnd: 'no', eteSuitableAtEnd: 'yes', eteStatusAtEnd: 'college', eteHoursOfferedAtEnd: 25, eteHoursAttendedAtEnd: 20, sendNeedIdentified: 'yes', sendPlanInPlace: 'ehcp', widerServicesAtEnd: [] }), '2026-11-20T10:00:00Z'],
  ['n1', 'case-closure-end-data', closure('2026-11-20', { accommodationSuitableAtEnd: 'yes', eteSuitableAtEnd: 'yes', eteStatusAtEnd: 'college', eteHoursOfferedAtEnd: 25, eteHoursAttendedAtEnd: 20, sendNeedIdentified: 'yes', sendPlanInPlace: 'ehcp', widerServicesAtEnd: [] }), '2026-11-23T10:00:00Z'],
  ['n1', 'case-closure-health', { mentalHealthNeedIdentified: 'yes', mentalHealthInterventionPlanned: 'yes', mentalHealthAttending: 'yes', substanceMisuseNeedIdentified: 'no' }, '2026-11-23T11:00:00Z'],
  ['s2', 'court-outcome', court('2026-11-30', 'dto', { offenceCategory: 'violence-against-the-person', offenceGravity: 4, firstCautionOrConviction: 'no' }), '2026-11-30T15:00:00Z'],
  ['s2', 'victim-initial-contact', contact('v3', '2026-12-01', 'no'), '2026-12-01T12:00:00Z'],
  ['s3', 'court-outcome', court('2026-12-01', 'referral-order', { offenceCategory: 'theft', offenceGravity: 3, firstCautionOrConviction: 'no' }), '2026-12-01T15:00:00Z'],
  ['n2', 'case-closure-end-data', closure('2026-12-05', { accommodationSuitableAtEnd: 'yes', eteSuitableAtEnd: 'no', eteStatusAtEnd: 'school', eteHoursOfferedAtEnd: 15, eteHoursAttendedAtEnd: 15, sendNeedIdentified: 'yes', sendPlanInPlace: 'no', widerServicesAtEnd: ['child-in-need'] }), '2026-12-07T10:00:00Z'],
  ['n2', 'case-closure-health', { mentalHealthNeedIdentified: 'yes', mentalHealthInterventionPlanned: 'yes', mentalHealthAttending: 'no', substanceMisuseNeedIdentified: 'yes', substanceMisuseInterventionPlanned: 'no' }, '2026-12-07T11:00:00Z'],
  ['s2', 'victim-rj-activity', { victimRj: { id: 'v1', rjType: 'conference', rjDate: '2026-12-10', rjOutcome: 'An apology was given' } }, '2026-12-10T16:00:00Z'],
  ['n1', 'victim-initial-contact', contact('v4', '2027-01-05', 'yes', 'consents'), '2027-01-05T12:00:00Z'],
  ['n1', 'victim-rj-activity', { victimRj: { id: 'v4', rjType: 'letter', rjDate: '2027-02-01' } }, '2027-02-01T12:00:00Z'],
  ['n5', 'case-closure-end-data', closure('2027-02-10', { accommodationSuitableAtEnd: 'yes', eteSuitableAtEnd: 'yes', eteStatusAtEnd: 'training', eteHoursOfferedAtEnd: 20, eteHoursAttendedAtEnd: 18, sendNeedIdentified: 'no' }), '2027-02-10T10:00:00Z'],
];

/** A KPI as [measure id, count, out of, per cent, not recorded]. */
const brief = (f: KpiFigures | undefined) => f?.measures.map((m) => [m.id, m.count, m.of, m.percent, m.notRecorded ?? 0]);

describe('Feature: YJB key performance indicators', () => {
  let h: ReportHarness;
  let reports: ReportsModule;
  let tasks: MongoTaskRepository;
  const audit: AuditEventInput[] = [];
  const deps = () => ({
    kpiFacts: reports.kpiFacts, forms: { latest: async () => undefined }, policy, calendar, now: h.clock.now,
    audit: { record: async (e: AuditEventInput) => { audit.push(e); return e as never; } },
    facts: reports.facts, timescales: h.timescales, users: { findById: async () => undefined },
  });
  const kpis = (actor: { id: string; roles: string[]; teams: string[] }, q: Record<string, string>) => getKpiReport(deps(), actor, q);
  const allFacts = async () => {
    const out: KpiFact[] = [];
    for (let page = await reports.kpiFacts.page(undefined, 100); page.length; page = await reports.kpiFacts.page(page.at(-1)!.id, 100)) out.push(...page);
    return out;
  };

  const docs = async (name: string) => (await h.conn.collection<{ _id: string; cases?: unknown }>(name).find({}).toArray()).sort((a, b) => a._id.localeCompare(b._id));

  beforeAll(async () => {
    h = await reportHarness('2026-05-01T09:00:00Z');
    await h.engine.deploy([{ name: 'kpi-record.bpmn', content: readFileSync(path.join(__dirname, 'fixtures', 'kpi-record.bpmn'), 'utf8') }]);
    tasks = new MongoTaskRepository(h.conn);
    await tasks.init();
    h.engine.onEvent((e) => projectEngineEvent({ tasks, engine: h.engine, now: h.clock.now, teamOfCase: async (id) => TEAMS[id] }, e));
    reports = createReportsModule({ conn: h.conn, engine: h.engine, tasks, timescales: h.timescales, calendar, users: {} as never, audit: {} as never, clock: h.clock, logger: silentLogger, forms: new MongoFormRepository(h.conn) });
    await reports.start!();
    const submissions = new MongoSubmissionRepository(h.conn);
    for (const [caseId, formId, data, at] of RECORDS) {
      checkKeys(formId, data);
      await h.at(at);
      const task = await h.task(await h.start('kpi-record', { caseId }), 'record');
      await submissions.create({ id: `task-${task.key}`, formId, version: 1, data, submittedBy: 'alice', submittedAt: new Date(at).toISOString(), taskId: task.key, caseId });
      await h.engine.completeUserTask(task.key, {}, { by: 'alice' });
    }
    await h.at('2027-03-31T12:00:00Z');
    await reports.kpiUpdater.idle();
  }, 180_000);
  afterAll(async () => { await reports?.stop!(); await h?.close(); });

  const officer = { id: 'dan', roles: ['data-officers'], teams: [] };
  const A = { from: '2026-10', to: '2026-12' };
  const of = async (actor: typeof officer, q: Record<string, string>, id: string, team?: string | null) => {
    const r = await kpis(actor, q);
    return brief(team === undefined ? r.indicators.find((i) => i.id === id) : r.byTeam.find((t) => t.team === team)?.indicators.find((i) => i.id === id));
  };

  test('Accommodation and ETE: suitable at the start (first assessment) and at the end (latest end answer), and hours', async () => {
    const r = await kpis(officer, A);
    expect(r.indicators.find((i) => i.id === 'accommodation')!.cohort).toBe(4);
    expect(await of(officer, A, 'accommodation')).toEqual([['start', 2, 3, 67, 1], ['end', 3, 4, 75, 0]]);
    expect(await of(officer, A, 'ete')).toEqual([['start', 1, 3, 33, 1], ['end', 2, 4, 50, 0], ['hoursStart', 15, 40, 38, 2], ['hoursEnd', 65, 70, 93, 1]]);
  });

  test('SEND, mental health and substance misuse: need → plan → attending', async () => {
    expect(await of(officer, A, 'send')).toEqual([['need', 2, 3, 67, 1], ['plan', 1, 2, 50, 0], ['ehcp', 1, 2, 50, 0]]);
    expect(await of(officer, A, 'mentalHealth')).toEqual([['need', 2, 3, 67, 1], ['planned', 2, 2, 100, 0], ['attending', 1, 2, 50, 0]]);
    expect(await of(officer, A, 'substanceMisuse')).toEqual([['need', 2, 3, 67, 1], ['planned', 1, 2, 50, 0], ['attending', 1, 1, 100, 0]]);
  });

  test('Out-of-court disposals, wider services, serious violence, custody and first-time entrants', async () => {
    expect(await of(officer, A, 'oocd')).toEqual([['completed', 1, 2, 50, 0]]);
    expect(await of(officer, A, 'widerServices')).toEqual([
      ['looked-after-start', 1, 2, 50, 2], ['child-protection-plan-start', 0, 2, 0, 2], ['child-in-need-start', 1, 2, 50, 2], ['early-help-start', 1, 2, 50, 2],
      ['looked-after-end', 0, 2, 0, 2], ['child-protection-plan-end', 0, 2, 0, 2], ['child-in-need-end', 1, 2, 50, 2], ['early-help-end', 0, 2, 0, 2],
    ]);
    expect(await of(officer, A, 'seriousViolence')).toEqual([['seriousViolence', 1, 2, 50, 1]]);
    expect(await of(officer, A, 'custody')).toEqual([['custody', 1, 3, 33, 0]]);
    expect(await of(officer, A, 'firstTimeEntrants')).toEqual([['court', 1, null, null, 0], ['police', 1, null, null, 0]]);
    const r = await kpis(officer, A);
    expect(r.indicators.filter((i) => i.cohort === null).map((i) => i.id)).toEqual(['managementBoard', 'reoffending']);
  });

  test('Victims: engaged in restorative justice ÷ consenting to contact', async () => {
    expect(await of(officer, A, 'victims')).toEqual([['consent', 2, 3, 67, 0], ['rjConsent', 1, 2, 50, 0], ['engaged', 1, 2, 50, 0]]);
  });

  test('The next period counts only what ended or happened in it', async () => {
    const B = { from: '2027-01', to: '2027-03' };
    expect(await of(officer, B, 'accommodation')).toEqual([['start', 0, 0, null, 1], ['end', 1, 1, 100, 0]]);
    expect(await of(officer, B, 'mentalHealth')).toEqual([['need', 0, 0, null, 1], ['planned', 0, 0, null, 0], ['attending', 0, 0, null, 0]]);
    expect(await of(officer, B, 'victims')).toEqual([['consent', 1, 1, 100, 0], ['rjConsent', 1, 1, 100, 0], ['engaged', 1, 1, 100, 0]]);
    expect(await of(officer, B, 'custody')).toEqual([['custody', 0, 0, null, 0]]);
  });

  test('By team; a manager sees their own teams only, and every read is audited', async () => {
    expect((await kpis(officer, A)).byTeam.map((t) => t.team)).toEqual(['north', 'south']);
    expect(await of(officer, A, 'accommodation', 'north')).toEqual([['start', 1, 2, 50, 1], ['end', 3, 3, 100, 0]]);
    expect(await of(officer, A, 'accommodation', 'south')).toEqual([['start', 1, 1, 100, 0], ['end', 0, 1, 0, 0]]);
    expect(await of(officer, A, 'custody', 'south')).toEqual([['custody', 1, 2, 50, 0]]);
    expect(await of(officer, A, 'seriousViolence', 'north')).toEqual([['seriousViolence', 0, 0, null, 1]]);
    const tom = { id: 'tom', roles: ['team-managers'], teams: ['north'] };
    const north = await kpis(tom, A);
    expect(north.byTeam.map((t) => t.team)).toEqual(['north']);
    expect(brief(north.indicators.find((i) => i.id === 'accommodation'))).toEqual([['start', 1, 2, 50, 1], ['end', 3, 3, 100, 0]]);
    expect(brief(north.indicators.find((i) => i.id === 'victims'))).toEqual([['consent', 0, 0, null, 0], ['rjConsent', 0, 0, null, 0], ['engaged', 0, 0, null, 0]]);
    await expect(kpis(tom, { ...A, team: 'south' })).rejects.toThrow(/your own teams/);
    await expect(kpis({ id: 'cara', roles: ['case-managers'], teams: ['north'] }, A)).rejects.toThrow(/Reports are for/);
    expect(await of(officer, { ...A, team: 'south' }, 'custody')).toEqual([['custody', 1, 2, 50, 0]]);
    expect(audit.filter((e) => e.action === 'report.read' && e.recordId === 'kpis').map((e) => e.actor.id)).toEqual(expect.arrayContaining(['dan', 'tom']));
  });

  test('A CSV export has the page\'s figures, no child, and is audited as a disclosure', async () => {
    const file = await exportReportCsv(deps() as never, { id: 'tom', roles: ['team-managers'], teams: ['north'] } as never, { report: 'kpis', table: 'custody', query: A });
    expect(file.csv).toBe('Team,Cohort,Measure,Count,Out of,Per cent,Not recorded\r\nAll teams in view,1,Sentenced to custody,0,1,0,0\r\nNorth team,1,Sentenced to custody,0,1,0,0\r\n');
    expect(file.csv).not.toMatch(/n4|case/i);
    expect(audit.at(-1)).toMatchObject({ action: 'report.disclose', recordId: 'kpis/custody', actor: { id: 'tom' }, after: { from: '2026-10', to: '2026-12', rows: 2, format: 'csv' } });
  });

  test('The KPI facts keep coded answers only, and the live projection and a rebuild from the submissions agree', async () => {
    const live = await allFacts();
    expect(live).toHaveLength(RECORDS.length);
    expect(JSON.stringify(live)).not.toMatch(/apology|Done/); // free text is never kept
    expect(live.find((f) => f.formId === 'court-outcome' && f.caseId === 's2' && f.on === '2026-10-12')).toMatchObject({ team: 'south', values: { hearing: { result: 'sentenced' }, outcome: { type: 'yro', offenceCategory: 'robbery', offenceGravity: 6 } } });
    // What the report reads: a document per case (its facts) and per month (a summary per case dated in it).
    const summaries = async () => ({ cases: await docs('report_kpi_cases'), months: await docs('report_kpi_months') });
    const kept = await summaries();
    expect(kept.cases.map((d) => d._id)).toEqual(['n1', 'n2', 'n3', 'n4', 'n5', 's1', 's2', 's3']);
    expect(kept.months.map((d) => d._id)).toEqual(['2026-05', '2026-06', '2026-07', '2026-09', '2026-10', '2026-11', '2026-12', '2027-01', '2027-02']);
    expect(Object.keys(kept.months.find((d) => d._id === '2026-11')!.cases as object).sort()).toEqual(['n1', 'n4', 's1', 's2', 's3']);
    const figuresBefore = await kpis(officer, A);
    expect(await reports.rebuildKpis({ dryRun: true })).toMatchObject({ facts: live.length, written: 0, removed: 0, differing: [], recounted: { cases: 0, months: [] } });
    const wipe = async (names: string[]) => { for (const name of names) await h.conn.collection(name).deleteMany({}); };
    // The summaries lost (a crash after a fact's write): the recount makes them again from the facts.
    await wipe(['report_kpi_cases', 'report_kpi_months']);
    expect(await reports.rebuildKpis()).toMatchObject({ written: 0, removed: 0, recounted: { cases: 8, months: kept.months.map((d) => d._id) } });
    expect(await summaries()).toEqual(kept);
    // Everything lost: the facts written again keep the summaries as the live path does, and the recount agrees.
    await wipe(['report_kpi_facts', 'report_kpi_cases', 'report_kpi_months']);
    expect(await reports.rebuildKpis()).toMatchObject({ facts: live.length, written: live.length, removed: 0, recounted: { cases: 0, months: [] } });
    expect(await allFacts()).toEqual(live);
    expect(await summaries()).toEqual(kept);
    expect((await kpis(officer, A)).indicators).toEqual(figuresBefore.indicators);
  });

  test('Erasing a case removes its KPI facts and its summaries', async () => {
    expect(await reports.kpiFacts.eraseOfCase('s2')).toBe(6);
    expect((await allFacts()).some((f) => f.caseId === 's2')).toBe(false);
    expect((await docs('report_kpi_cases')).map((d) => d._id)).not.toContain('s2');
    expect((await docs('report_kpi_months')).filter((d) => Object.hasOwn((d.cases ?? {}) as object, 's2'))).toEqual([]);
    expect((await kpis(officer, A)).indicators.find((i) => i.id === 'victims')!.cohort).toBe(0);
  });
});
