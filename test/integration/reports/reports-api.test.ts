// The reports API in the whole product (real sessions, CSRF, permission table, audit log): who may read
// the timeliness report and the key performance indicators and whose teams they see, refusals a person
// can act on, CSV exports audited as disclosures, and who may rebuild.
import { DEMO_PASSWORD } from '../../../server/src/application/users/seed-demo-users';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';
import { startTestSystem } from '../../support/system';

type Who = { cookie: string; csrf: string };

describe('reports API', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const as: Record<string, Who> = {};

  async function signIn(username: string): Promise<Who> {
    const res = await fetch(`${system.url}/api/auth/sign-in`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ username, password: DEMO_PASSWORD }),
    });
    expect(res.status).toBe(200);
    const cookie = res.headers.getSetCookie().map((c) => c.split(';')[0]).find((c) => c.startsWith('yjs.sid='))!;
    return { cookie, csrf: ((await res.json()) as { csrfToken: string }).csrfToken };
  }
  const call = async (who: string, method: string, path: string, body?: unknown) => {
    const res = await fetch(`${system.url}/api/reports${path}`, {
      method, headers: { cookie: as[who].cookie, 'x-csrf-token': as[who].csrf, ...(body ? { 'content-type': 'application/json' } : {}) },
      body: body ? JSON.stringify(body) : undefined,
    });
    return { status: res.status, body: await res.json() };
  };
  const fact = (id: string, team: string, over: Partial<TaskFact> = {}): TaskFact => ({
    id, caseId: `case-${id}`, team, processId: 'p', processVersion: 1, elementId: 'assess', taskName: 'Assess',
    timescaleId: 'oocdAssessment', timescaleVersion: 1, createdAt: '2026-01-05T09:00:00.000Z', dueDate: '2026-01-19T17:00:00.000Z',
    state: 'completed', completedAt: '2026-01-16T10:00:00.000Z', ...over,
  });

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['tom.manager', 'dan.data', 'cara.case', 'ada.admin']) as[u] = await signIn(u);
    await system.modules.reports.facts.put(fact('n1', 'north'));
    await system.modules.reports.facts.put(fact('n2', 'north', { completedAt: '2026-01-21T10:00:00.000Z' })); // 2 working days late
    await system.modules.reports.facts.put(fact('s1', 'south', { state: 'open', completedAt: undefined }));
    // Two closures in January 2026: north's in suitable accommodation, south's not.
    for (const [id, team, suitable] of [['k1', 'north', 'yes'], ['k2', 'south', 'no']]) {
      await system.modules.reports.kpiFacts.put({
        id, caseId: `case-${id}`, team, formId: 'case-closure-end-data', on: '2026-01-20', submittedAt: '2026-01-20T10:00:00.000Z',
        values: { closureReason: 'orderCompleted', accommodationSuitableAtEnd: suitable },
      });
    }
  }, 120_000);
  afterAll(() => system?.close());

  const q = '?from=2026-01&to=2026-01';

  it('gives a team manager the figures of their own team, in words, and audits the read', async () => {
    const r = await call('tom.manager', 'GET', `/timeliness${q}`);
    expect(r.status).toBe(200);
    expect(r.body.timescales).toEqual([{ timescaleId: 'oocdAssessment', version: 1, figures: expect.objectContaining({ fellDue: 2, onTime: 1, late: 1, overdueNow: 0, onTimePercent: 50 }) }]);
    expect(r.body.byTeam.map((t: { team: string }) => t.team)).toEqual(['north']);
    expect(r.body.standards['oocdAssessment@1']).toBe('10 working days');
    const audit = await system.modules.security.audit.search({ action: 'report.read' }, { offset: 0, limit: 10 });
    expect(audit.items.some((e) => e.recordId === 'timeliness')).toBe(true);
  });

  it('refuses another team to a team manager, and reports to a case manager', async () => {
    expect(await call('tom.manager', 'GET', `/timeliness${q}&team=south`)).toMatchObject({ status: 403, body: { error: { message: expect.stringMatching(/own teams/) } } });
    expect((await call('cara.case', 'GET', `/timeliness${q}`)).status).toBe(403);
  });

  it('gives a data officer the whole service', async () => {
    const r = await call('dan.data', 'GET', `/timeliness${q}`);
    expect(r.body.byTeam.map((t: { team: string; figures: { overdueNow: number } }) => [t.team, t.figures.overdueNow])).toEqual([['north', 0], ['south', 1]]);
  });

  it('answers bad queries with a 4xx that says what to change', async () => {
    expect(await call('tom.manager', 'GET', '/timeliness?from=January')).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/YYYY-MM/) } } });
    expect(await call('tom.manager', 'GET', '/timeliness?sort=x')).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/Unknown query parameter: sort/) } } });
    expect((await call('tom.manager', 'GET', '/timeliness?team[$ne]=x')).status).toBe(400);
    expect((await call('tom.manager', 'GET', '/timeliness?from=2026-03&to=2026-01')).status).toBe(422);
  });

  it('lets data officers and administrators rebuild the projection, nobody else', async () => {
    expect((await call('tom.manager', 'POST', '/rebuild', {})).status).toBe(403);
    const r = await call('ada.admin', 'POST', '/rebuild', {});
    expect(r.status).toBe(200);
    // No task stands behind the facts put by hand: the rebuild removes them, as it would stale rows.
    expect(r.body).toMatchObject({ tasks: 0, facts: 0, removed: 3 });
    expect((await call('dan.data', 'POST', '/rebuild', {})).body).toMatchObject({ removed: 0 });
  });

  it('keeps the projection from the running product\'s own task events (after the task queue has the task)', async () => {
    const engine = system.modules.workflow.engine;
    const { instanceKey } = await engine.startInstance('out-of-court-disposal', { caseId: 'case-live', referralReceivedAt: new Date().toISOString() });
    let facts: TaskFact[] = [];
    for (let i = 0; i < 100 && !facts.some((f) => f.elementId === 'pdat'); i++) {
      await system.modules.reports.updater.idle();
      facts = await system.modules.reports.facts.page(undefined, 50);
      if (!facts.some((f) => f.elementId === 'pdat')) await new Promise((r) => setTimeout(r, 50)); // the engine's step is still running
    }
    const pdat = facts.find((f) => f.elementId === 'pdat')!;
    expect(pdat).toMatchObject({ processId: 'out-of-court-disposal', timescaleId: 'oocdAssessment', timescaleVersion: 1, state: 'open', caseId: 'case-live' });
    expect((await engine.listUserTasks({ instanceKey, state: 'open' })).map((t) => t.key)).toContain(pdat.id);
    expect(await system.modules.reports.rebuild({ dryRun: true })).toMatchObject({ written: 0, removed: 0 });
  });

  const csv = async (who: string, path: string) => {
    const res = await fetch(`${system.url}/api/reports${path}`, { headers: { cookie: as[who].cookie, 'x-csrf-token': as[who].csrf } });
    return { status: res.status, type: res.headers.get('content-type'), disposition: res.headers.get('content-disposition'), text: await res.text() };
  };

  it('gives a team manager the key performance indicators of their own teams, with the fields that feed each in words', async () => {
    const r = await call('tom.manager', 'GET', `/kpis${q}`);
    expect(r.status).toBe(200);
    const accommodation = r.body.indicators.find((i: { id: string }) => i.id === 'accommodation');
    expect(accommodation).toMatchObject({ cohort: 1, measures: [expect.objectContaining({ id: 'start', count: 0, of: 0 }), expect.objectContaining({ id: 'end', count: 1, of: 1, percent: 100 })] });
    const words = r.body.definitions.find((d: { id: string }) => d.id === 'accommodation').sources.find((s: { formId: string }) => s.formId === 'case-closure-end-data');
    expect(words.fields).toEqual([{ path: 'accommodationSuitableAtEnd', label: 'Is the accommodation suitable for the child?' }]);
    expect(words.form).not.toBe('case-closure-end-data');
    expect(await call('tom.manager', 'GET', `/kpis${q}&team=south`)).toMatchObject({ status: 403 });
    expect((await call('dan.data', 'GET', `/kpis${q}`)).body.byTeam.map((t: { team: string }) => t.team)).toEqual(['north', 'south']);
    expect((await call('tom.manager', 'GET', '/kpis?to=2026-13')).status).toBe(400);
  });

  it('exports a table as CSV, counts and rates only, audited as a disclosure', async () => {
    const r = await csv('dan.data', `/kpis/export${q}&table=accommodation`);
    expect(r).toMatchObject({ status: 200, type: expect.stringMatching(/^text\/csv/), disposition: 'attachment; filename="kpis-accommodation-2026-01.csv"' });
    expect(r.text.split('\r\n')).toEqual([
      'Team,Cohort,Measure,Count,Out of,Per cent,Not recorded',
      'All teams,2,Suitable at the start,0,0,,2', 'All teams,2,Suitable at the end,1,2,50,0',
      'North team,1,Suitable at the start,0,0,,1', 'North team,1,Suitable at the end,1,1,100,0',
      'South team,1,Suitable at the start,0,0,,1', 'South team,1,Suitable at the end,0,1,0,0', '',
    ]);
    expect(r.text).not.toMatch(/case-k/);
    const t = await csv('tom.manager', `/timeliness/export${q}&table=people`);
    expect(t.status).toBe(200);
    expect(t.text.split('\r\n')[0]).toBe('Person,Timescale,Standard,Timescales version,Fell due,On time,Late,Working days late (total),Working days late (most),Overdue now,Due later,On time (%)');
    const audit = await system.modules.security.audit.search({ action: 'report.disclose' }, { offset: 0, limit: 10 });
    expect(audit.items.map((e) => e.recordId).sort()).toEqual(['kpis/accommodation', 'timeliness/people']);
    expect(await call('dan.data', 'GET', `/kpis/export${q}&table=children`)).toMatchObject({ status: 400, body: { error: { message: expect.stringMatching(/Choose a table/) } } });
    expect((await csv('cara.case', `/kpis/export${q}&table=accommodation`)).status).toBe(403);
  });

  it('lets data officers and administrators rebuild the KPI projection, nobody else', async () => {
    expect((await call('tom.manager', 'POST', '/kpis/rebuild', {})).status).toBe(403);
    // No submission stands behind the facts put by hand: the rebuild removes them.
    expect(await call('dan.data', 'POST', '/kpis/rebuild', {})).toMatchObject({ status: 200, body: { removed: 2 } });
  });
});
