// Feature: a demonstration installation (SEED_DEMO_CASES=true) shows figures, not an empty quarter, on the
// returns page and the KPI dashboard, each on the period it opens on. Expected figures are counted by hand
// from the demo children as README "Demo data" describes them. On 2 December 2026 (a fixed clock):
//   the quarter last due (July to September): Alex (north) a youth caution; Bea (south) a referral order
//   October to December (the dashboard's default months): Cody (north) a YRO for robbery, gravity 6, not a
//   first conviction, and a victim who consented and took part in restorative justice; Dana (south) a
//   community resolution whose out-of-court exit says completed; Eli (north) a first youth caution, assessed,
//   case closed with the disposal completed, suitable accommodation at the end.
// Each child's answers count for the child's team. Alex's out-of-court referral (north) and Bea's referral
// order (south) were received 40 days before: their first tasks are overdue on their teams' timeliness.
import { demoSessions } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';
import { FixedClock } from '../../support/tasks-cases-api';

type Figures = { id: string; cohort: number | null; measures: { id: string; count: number; of: number | null }[] };

describe('Feature: the demo data fills the returns page and the KPI dashboard', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const api = demoSessions(() => system.url);
  const call = async (username: string, method: string, p: string, body?: unknown) => {
    if (!api.sessions.has(username)) await api.signIn(username);
    return api.call(username, method, p, body);
  };

  beforeAll(async () => { system = await startTestSystem({ SEED_DEMO_CASES: 'true', SESSION_IDLE_MINUTES: '1440' }, { clock: new FixedClock(new Date('2026-12-02T10:00:00Z')) }); }, 120_000);
  afterAll(() => system?.close());

  it('the return of the quarter the page opens on has two demo children, each record complete', async () => {
    const quarter = (await call('dan.data', 'GET', '/returns')).body.quarter.id as string;
    expect(quarter).toBe('2026-Q2'); // July to September 2026: the financial year's second quarter
    const generated = await call('dan.data', 'POST', '/returns', { quarter });
    expect(generated.status).toBe(201);
    expect(generated.body.versions[0].counts).toEqual({ children: 2, records: 4, leftOut: 0 }); // a Child and a Disposal record each
    expect(generated.body.versions[0].problems).toEqual([]);
  });

  it('the KPI dashboard, on its default months, counts the recent demo children for the whole service', async () => {
    await system.modules.reports.rebuildKpis(); // the first start builds it in the background; wait for a build here
    const { body } = await call('dan.data', 'GET', '/reports/kpis');
    const of = (id: string) => (body.indicators as Figures[]).find((f) => f.id === id)!;
    const count = (id: string, m: string) => of(id).measures.find((x) => x.id === m)?.count;
    expect(body.filter).toEqual({ from: '2026-10', to: '2026-12' });
    expect(of('accommodation').cohort).toBe(2); // Dana's exit, Eli's closure
    expect(count('accommodation', 'end')).toBe(2);
    expect(of('oocd').cohort).toBe(2);
    expect(count('oocd', 'completed')).toBe(2);
    expect(of('custody').cohort).toBe(1);
    expect(count('custody', 'custody')).toBe(0);
    expect(count('seriousViolence', 'seriousViolence')).toBe(1);
    expect(of('firstTimeEntrants').cohort).toBe(1);
    expect(of('victims').cohort).toBe(1);
    expect(count('victims', 'engaged')).toBe(1);
    expect(body.byTeam.map((t: { team: string }) => t.team)).toEqual(['north', 'south']);
  });

  it('a team manager signed in as the demo user sees their own team\'s KPIs and overdue work', async () => {
    const { body } = await call('tom.manager', 'GET', '/reports/kpis');
    const of = (id: string) => (body.indicators as Figures[]).find((f) => f.id === id)!;
    expect(body.byTeam.map((t: { team: string }) => t.team)).toEqual(['north']);
    expect(of('accommodation').cohort).toBe(1); // Eli's closure (Dana's exit is south's)
    expect(of('custody').cohort).toBe(1); // Cody
    expect(of('victims').cohort).toBe(1); // Cody's victim
    expect(of('firstTimeEntrants').cohort).toBe(1); // Eli
    expect((await call('sam.manager', 'GET', '/reports/kpis')).body.indicators.find((f: Figures) => f.id === 'oocd').cohort).toBe(1); // Dana

    // The processes' tasks are written by the engine and projected in the background.
    await system.modules.reports.updater.idle();
    for (const [manager, team] of [['tom.manager', 'north'], ['sam.manager', 'south']]) {
      const timeliness = (await call(manager, 'GET', '/reports/timeliness')).body;
      expect([...new Set(timeliness.byTeam.map((t: { team: string }) => t.team))]).toEqual([team]); // a row per timescale and team
      const overdue = (timeliness.timescales as { figures: { overdueNow: number; fellDue: number } }[]).reduce((n, r) => n + r.figures.overdueNow, 0);
      expect(overdue).toBeGreaterThan(0);
    }
  });
});
