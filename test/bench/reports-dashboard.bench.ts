// Benchmark (not a test): the reads a reports dashboard makes over 20,000 cases and 200,000 tasks (issue 21:
// under 0.5 s). Seeds the two reporting projections directly through their repositories' collections —
// report_task_facts (one row per task with a timescale due date, two teams, 24 months) and report_kpi_facts
// (the KPI forms' submissions, a few per case) — then times the timeliness and KPI reports for a quarter and
// for 12 months, for the whole service (a data officer) and for one team (its manager), printing the
// median and p95 of each read and the rows it read. Both reports read prepared documents by _id in either
// topology: timeliness its month counts, the KPIs their month summaries (one per case dated in the month),
// each made first as the rebuild's recount makes them (timed). KEEP=1 (the default) also keeps the task
// facts in memory as a single-topology server does (one scan, timed); no report reads them.
//   npx tsx test/bench/reports-dashboard.bench.ts   (CASES=… TASKS_PER_CASE=… RUNS=… KEEP=… to vary)
import fs from 'node:fs';
import path from 'node:path';
import { MongoReportFactRepository } from '../../server/src/adapters/mongo/report-fact.repository';
import { MongoKpiFactRepository } from '../../server/src/adapters/mongo/kpi-fact.repository';
import { getTimelinessReport, type TimelinessQuery } from '../../server/src/application/reports/get-timeliness-report';
import { getKpiReport, type KpiQuery } from '../../server/src/application/reports/get-kpi-report';
import { createWorkingCalendar } from '../../server/src/domain/calendar';
import { PERMISSIONS } from '../../server/src/domain/policies/permission-table';
import type { TaskFact } from '../../server/src/domain/reports/task-fact';
import { countFact, type CountIncrements } from '../../server/src/domain/reports/timeliness-counts';
import { monthsBetween } from '../../server/src/domain/reports/timeliness';
import type { KpiFact } from '../../server/src/domain/reports/kpi-fact';
import type { TimescaleSet } from '../../server/src/domain/timescales/timescale';
import { benchDatabase } from './support/bench-database';

const CASES = Number(process.env.CASES ?? 20_000);
const TASKS_PER_CASE = Number(process.env.TASKS_PER_CASE ?? 10);
const KEEP = process.env.KEEP !== '0';
const RUNS = Number(process.env.RUNS ?? (KEEP ? 20 : 3));
const BATCH = 2_000;
const TEAMS = ['north', 'south'];
const WORKERS_PER_TEAM = 20;
// 24 months of work, January 2025 to December 2026; the dashboard is read on 15 December 2026.
const MONTHS = Array.from({ length: 24 }, (_, m) => `${2025 + Math.floor(m / 12)}-${String((m % 12) + 1).padStart(2, '0')}`);
const NOW = new Date('2026-12-15T10:00:00Z');
const calendar = createWorkingCalendar({ region: 'GB-ENG' });
const shipped = JSON.parse(fs.readFileSync(path.resolve(__dirname, '../../processes/timescales.json'), 'utf8')) as { timescales: TimescaleSet['timescales'] };
const TIMESCALES = shipped.timescales.filter((t) => t.unit).map((t) => t.id).slice(0, 24);
const set: TimescaleSet = { version: 1, timescales: shipped.timescales, createdAt: '2025-01-01T00:00:00Z', createdBy: 'system', reason: 'shipped' };

const pad = (n: number, w = 2) => String(n).padStart(w, '0');
const dayOf = (month: string, day: number) => `${month}-${pad(1 + (day % 28))}`;
const caseId = (c: number) => `YJ-R${pad(c, 7)}`;
const teamOf = (c: number) => TEAMS[Math.floor(c / MONTHS.length) % TEAMS.length]; // both teams work every month
const workerOf = (c: number, k: number) => `${teamOf(c)}-worker-${(c + k) % WORKERS_PER_TEAM}`;
const monthOf = (c: number, k: number) => MONTHS[Math.min(MONTHS.length - 1, (c % MONTHS.length) + Math.floor(k / 4))];

/** Task k of case c: mostly done on time, about one in six late by 1–10 days, the recent ones still open. */
function taskFact(c: number, k: number): TaskFact {
  const month = monthOf(c, k);
  const due = `${dayOf(month, c + 3 * k)}T17:00:00.000Z`;
  const created = new Date(Date.parse(due) - 10 * 86_400_000).toISOString();
  const open = due > NOW.toISOString() || (c + k) % 37 === 0;
  const lateDays = (c + k) % 6 === 0 ? 1 + ((c + k) % 10) : 0;
  const done = new Date(Date.parse(due) + (lateDays ? lateDays * 86_400_000 : -((c + k) % 5) * 86_400_000)).toISOString();
  const timescaleId = TIMESCALES[(c + k) % TIMESCALES.length];
  return {
    id: `task-${c}-${k}`, caseId: caseId(c), team: teamOf(c), worker: workerOf(c, k), processId: 'referral-order', processVersion: 1,
    elementId: `Task_${timescaleId}`, taskName: `Task for ${timescaleId}`, timescaleId, timescaleVersion: 1, createdAt: created, dueDate: due,
    ...(open ? { state: 'open' as const } : { state: 'completed' as const, completedAt: done }),
  };
}

const yesNo = (n: number) => (n % 3 ? 'yes' : 'no');

/** The KPI submissions of case c: an assessment at the start, the court outcome, and at the end the closure forms. */
function kpiFactsOf(c: number): KpiFact[] {
  const start = monthOf(c, 0);
  const end = monthOf(c, TASKS_PER_CASE - 1);
  const at = (day: string) => `${day}T12:00:00.000Z`;
  const base = { caseId: caseId(c), team: teamOf(c) };
  const facts: KpiFact[] = [
    { ...base, id: `sub-${c}-a`, formId: 'assetplus-information-gathering', on: dayOf(start, c), submittedAt: at(dayOf(start, c)),
      values: { accommodationSuitableAtAssessment: yesNo(c), eteSuitableAtAssessment: yesNo(c + 1), eteHoursOfferedAtAssessment: 25, eteHoursAttendedAtAssessment: 10 + (c % 15), widerServicesAtAssessment: ['early-help'] } },
    { ...base, id: `sub-${c}-c`, formId: 'court-outcome', on: dayOf(start, c + 5), submittedAt: at(dayOf(start, c + 5)),
      values: { hearing: { result: c % 4 ? 'sentenced' : 'adjourned' }, outcome: { type: ['referral-order', 'yro', 'dto'][c % 3], offenceCategory: ['violence-against-the-person', 'theft', 'robbery'][c % 3], offenceGravity: 1 + (c % 7), firstCautionOrConviction: c % 2 === 0 } } },
  ];
  if (end <= '2026-11') {
    facts.push(
      { ...base, id: `sub-${c}-e`, formId: 'case-closure-end-data', on: dayOf(end, c), submittedAt: at(dayOf(end, c)),
        values: { closureReason: 'order-completed', accommodationSuitableAtEnd: yesNo(c + 2), eteSuitableAtEnd: yesNo(c), eteHoursOfferedAtEnd: 25, eteHoursAttendedAtEnd: 12 + (c % 13), sendNeedIdentified: yesNo(c + 1), sendPlanInPlace: yesNo(c), widerServicesAtEnd: ['camhs'] } },
      { ...base, id: `sub-${c}-h`, formId: 'case-closure-health', on: dayOf(end, c), submittedAt: at(dayOf(end, c)),
        values: { mentalHealthNeedIdentified: yesNo(c), mentalHealthInterventionPlanned: yesNo(c + 1), mentalHealthAttending: yesNo(c + 2), substanceMisuseNeedIdentified: yesNo(c + 1), substanceMisuseInterventionPlanned: yesNo(c), substanceMisuseAttending: yesNo(c + 2) } },
    );
  }
  return facts;
}

const policy = {
  can: (a: { roles: readonly string[] }, action: string) => a.roles.some((r) => (PERMISSIONS as Record<string, { actions: readonly string[] }>)[r]?.actions.includes(action)),
  readableSections: () => [], writableSections: () => [],
};
const dataOfficer = { id: 'officer-1', roles: ['data-officers'], teams: [] as string[] };
const northManager = { id: 'manager-north', roles: ['team-managers'], teams: ['north'] };

function figures(ms: number[]): string {
  const s = [...ms].sort((a, b) => a - b);
  const at = (q: number) => s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)];
  const f = (n: number) => `${n.toFixed(n >= 100 ? 0 : 1)} ms`;
  return `median ${f(at(0.5)).padStart(9)}  p95 ${f(at(0.95)).padStart(9)}`;
}

/** `before`: untimed work before each read (a change the read must then see). Prints the first read apart. */
async function timed(label: string, run: () => Promise<string>, before?: (r: number) => Promise<void>): Promise<void> {
  const ms: number[] = [];
  let rows = '';
  for (let r = 0; r < RUNS; r++) {
    await before?.(r);
    const t = performance.now();
    rows = await run();
    ms.push(performance.now() - t);
  }
  const first = `first ${ms[0].toFixed(0)} ms`;
  console.log(`${label.padEnd(52)} ${figures(ms)}  ${first.padStart(14)}  (${RUNS} runs; ${rows})`);
}

async function main() {
  const db = await benchDatabase('reports-dashboard');
  try {
    const facts = new MongoReportFactRepository(db.conn, { keep: KEEP, calendar });
    const kpiFacts = new MongoKpiFactRepository(db.conn);
    await facts.init();
    await kpiFacts.init();
    const taskRows = db.conn.collection('report_task_facts');
    const kpiRows = db.conn.collection('report_kpi_facts');
    let t = performance.now();
    let batch: TaskFact[] = [];
    const flush = async () => { await taskRows.insertMany(batch.map(({ id, ...rest }) => ({ _id: id, ...rest })) as never[]); batch = []; };
    for (let c = 0; c < CASES; c++) {
      for (let k = 0; k < TASKS_PER_CASE; k++) batch.push(taskFact(c, k));
      if (batch.length >= BATCH) await flush();
    }
    if (batch.length) await flush();
    console.log(`database ${db.kind}: seeded ${CASES * TASKS_PER_CASE} task facts over ${CASES} cases in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    // Seeded behind the repository's back, so the timeliness counts are made as the rebuild makes them.
    t = performance.now();
    const counts: CountIncrements = new Map();
    for (let c = 0; c < CASES; c++) {
      for (let k = 0; k < TASKS_PER_CASE; k++) countFact(counts, taskFact(c, k), calendar);
    }
    const recounted = await facts.recount(counts);
    console.log(`timeliness counts: ${recounted.length} months counted in ${((performance.now() - t) / 1000).toFixed(1)} s (the rebuild's recount)`);
    t = performance.now();
    let kpiCount = 0;
    let kBatch: KpiFact[] = [];
    const kFlush = async () => { await kpiRows.insertMany(kBatch.map(({ id, ...rest }) => ({ _id: id, ...rest })) as never[]); kpiCount += kBatch.length; kBatch = []; };
    for (let c = 0; c < CASES; c++) {
      kBatch.push(...kpiFactsOf(c));
      if (kBatch.length >= BATCH) await kFlush();
    }
    if (kBatch.length) await kFlush();
    console.log(`seeded ${kpiCount} KPI facts in ${((performance.now() - t) / 1000).toFixed(1)} s`);
    t = performance.now();
    const kpiRecount = await kpiFacts.recount((function* all() { for (let c = 0; c < CASES; c++) yield* kpiFactsOf(c); })());
    console.log(`KPI summaries: ${kpiRecount.cases} cases, ${kpiRecount.months.length} months made in ${((performance.now() - t) / 1000).toFixed(1)} s (the rebuild's recount)`);

    if (KEEP) {
      t = performance.now();
      await facts.warm();
      console.log(`kept in memory: the task facts read in ${((performance.now() - t) / 1000).toFixed(1)} s (one scan each, at start, in the background); heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB`);
    }
    const tDeps = {
      facts, timescales: { current: async () => set, getVersion: async (v: number) => (v === 1 ? set : undefined) },
      users: { findById: async (id: string) => ({ displayName: `Worker ${id}` }) as never }, policy, audit: { record: async () => ({}) as never }, calendar, now: () => NOW,
    };
    const kDeps = { kpiFacts, forms: { latest: async () => undefined }, policy, audit: { record: async () => ({}) as never }, calendar, now: () => NOW };
    const quarter = { from: '2026-07', to: '2026-09' };
    const year = { from: '2025-10', to: '2026-09' };
    const timeliness = (actor: typeof dataOfficer, q: TimelinessQuery) => async () => {
      const r = await getTimelinessReport(tDeps, actor, q);
      return `${r.timescales.length} timescale rows, ${r.trend.length} months`;
    };
    const kpis = (actor: typeof dataOfficer, q: KpiQuery) => async () => {
      const r = await getKpiReport(kDeps, actor, q);
      return `${r.indicators.length} indicators`;
    };
    const rowsRead = async (q: { from: string; to: string }, teams?: string[]) => {
      const dueFrom = `${q.from}-01`;
      const read = await facts.find({ dueFrom, dueBefore: `${q.to}-31T23:59:59Z`, ...(teams ? { teamsAny: teams } : {}) });
      const months = await kpiFacts.caseMonths(monthsBetween(q.from, q.to));
      return `${read.length} task facts; ${months.reduce((a, m) => a + m.size, 0)} KPI case summaries in ${months.length} months`;
    };
    console.log(`rows in a quarter, service: ${await rowsRead(quarter)}`);
    console.log(`rows in 12 months, service: ${await rowsRead(year)}`);
    console.log(`rows in a quarter, north: ${await rowsRead(quarter, ['north'])}`);
    console.log(`rows in 12 months, north: ${await rowsRead(year, ['north'])}`);
    const counted = await facts.monthCounts(monthsBetween(year.from, year.to));
    const bytes = JSON.stringify(await db.conn.collection('report_timeliness_months').find({}).toArray()).length;
    console.log(`timeliness counts: ${counted.reduce((a, m) => a + m.cells.length, 0)} cells in 12 months; all ${MONTHS.length} months ${(bytes / 1e6).toFixed(1)} MB as JSON`);
    const kpiBytes = JSON.stringify(await db.conn.collection('report_kpi_months').find({}).toArray()).length;
    console.log(`KPI month summaries: all ${MONTHS.length} months ${(kpiBytes / 1e6).toFixed(1)} MB as JSON`);
    // The documents themselves, past the parsed copies the report keeps while a month is unchanged.
    const monthDocs = db.conn.collection<{ _id: string }>('report_kpi_months');
    await timed('KPI summaries of 12 months, documents read alone', async () => `${(await Promise.all(monthsBetween(year.from, year.to).map((_id) => monthDocs.findOne({ _id })))).length} months`);
    await timed('timeliness counts of 12 months, read alone', async () => `${(await facts.monthCounts(monthsBetween(year.from, year.to))).length} months`);
    await timed('timeliness, quarter, whole service', timeliness(dataOfficer, quarter));
    await timed('timeliness, quarter, team (data officer, team=north)', timeliness(dataOfficer, { ...quarter, team: 'north' }));
    await timed('timeliness, quarter, team (its manager)', timeliness(northManager, quarter));
    await timed('timeliness, 12 months, whole service', timeliness(dataOfficer, year));
    await timed('timeliness, 12 months, team (its manager)', timeliness(northManager, year));
    await timed('KPIs, quarter, whole service', kpis(dataOfficer, quarter));
    await timed('KPIs, quarter, team (its manager)', kpis(northManager, quarter));
    await timed('KPIs, 12 months, whole service', kpis(dataOfficer, year));
    await timed('KPIs, 12 months, team (its manager)', kpis(northManager, year));
    // The month summaries are kept parsed while unchanged (kpi-month-cache.ts): here a case's assessment
    // dated in one month of the year is changed before each read, which must then read that month again.
    const change = async (r: number) => {
      const [f] = kpiFactsOf(r);
      await kpiFacts.put({ ...f, on: dayOf(MONTHS[9 + (r % 12)], r), values: { ...f.values, accommodationSuitableAtAssessment: r % 2 ? 'yes' : 'no' } });
    };
    await timed('KPIs, 12 months, service, one month changed', kpis(dataOfficer, year), change);
    // A server's first read of the year (just started, or another server of a shared topology): every month
    // read and parsed.
    let cold = kpiFacts;
    const coldRead = async () => `${(await getKpiReport({ ...kDeps, kpiFacts: cold }, dataOfficer, year)).indicators.length} indicators`;
    await timed('KPIs, 12 months, service, nothing parsed yet', coldRead, async () => { cold = new MongoKpiFactRepository(db.conn); });
    console.log(`memory after: ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB heap`);
  } finally {
    await db.close();
  }
}

main().catch((e) => {
  console.error(e);
  process.exitCode = 1;
});
