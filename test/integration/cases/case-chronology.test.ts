// The chronology in the whole product (composition root, real sessions, the real audit log and engine,
// demo users): one timeline of a case in words, filtered by kind, without what the reader may not see;
// another team's case only with a break-glass reason (flagged); every read audited.
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

interface Entry { at: string; kind: string; title: string; detail?: string; section?: string; by?: string; link?: string }

describe('GET /api/cases/:id/chronology', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  let caseId: string;
  const chronology = async (who: string, query = '') => call(who, 'GET', `/cases/${caseId}/chronology${query}`);

  beforeAll(async () => {
    system = await startTestSystem({ SEED_DEMO_USERS: 'true' });
    for (const u of ['cara.case', 'helen.health', 'sol.case', 'dee.dpo']) await signIn(u);
    caseId = (await call('cara.case', 'POST', '/cases', { givenName: 'Rowan', familyName: 'Ashby', dateOfBirth: '2011-03-14', team: 'north' })).body.id;
    expect((await call('cara.case', 'PATCH', `/cases/${caseId}/sections/personal`, { changes: { dateOfBirth: '2011-03-15' }, reason: 'Birth certificate seen' })).status).toBe(200);
    expect((await call('helen.health', 'PATCH', `/cases/${caseId}/sections/health`, { changes: { camhs: 'SECRET-HEALTH-NOTE' }, reason: 'SECRET-HEALTH-REASON' })).status).toBe(200);
    expect((await call('cara.case', 'POST', `/cases/${caseId}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: '2026-11-24T09:00:00.000Z' } })).status).toBe(201);
  }, 120_000); // the whole product starts: slow on a busy machine
  afterAll(() => system.close());

  it('tells the case manager what happened in words, newest first, with people by name', async () => {
    const items = await until('the intake step in the chronology', async () => {
      const r = await chronology('cara.case');
      return (r.body.items as Entry[]).some((e) => e.kind === 'milestone' && e.title.startsWith('Step started:')) ? r.body.items as Entry[] : undefined;
    });
    const ats = items.map((e) => e.at);
    expect(ats).toEqual([...ats].sort().reverse());
    expect(items).toContainEqual(expect.objectContaining({ kind: 'referral', title: 'Referral received and case opened', by: 'Cara Case' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'amendment', title: 'Personal corrected: Date of birth', detail: 'Reason: Birth certificate seen', by: 'Cara Case', section: 'personal' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'milestone', title: expect.stringMatching(/ started$/) }));
    const step = items.find((e) => e.title.startsWith('Step started:'))!;
    expect(step.link).toMatch(/^\/tasks\//);
    // No raw ids for people: every `by` is a name.
    for (const e of items) if (e.by) expect(e.by).not.toMatch(/^[0-9a-f]{24}$/);
  });

  it('leaves out entries of sections the reader may not see: the health correction reaches the health worker only', async () => {
    const cara = await chronology('cara.case');
    expect(cara.text).not.toContain('SECRET-HEALTH');
    expect((cara.body.items as Entry[]).some((e) => e.section === 'health')).toBe(false);
    const helen = await chronology('helen.health', '?kind=amendment');
    expect(helen.body.items).toContainEqual(expect.objectContaining({ kind: 'amendment', section: 'health', title: 'Health corrected: Camhs', detail: 'Reason: SECRET-HEALTH-REASON', by: 'Helen Health' }));
  });

  it('filters by kind and counts each kind', async () => {
    const r = await chronology('cara.case', '?kind=amendment');
    expect(r.status).toBe(200);
    expect((r.body.items as Entry[]).map((e) => e.kind)).toEqual(['amendment']);
    expect(r.body).toMatchObject({ total: 1, page: 1, pageSize: 50 });
    expect(r.body.kinds).toMatchObject({ referral: 1, amendment: 1 });
    expect(r.body.kinds.milestone).toBeGreaterThanOrEqual(2);
  });

  it('refuses another team without a break-glass reason; with one, answers, flags it, and the team sees who opened it', async () => {
    const refused = await chronology('sol.case');
    expect([refused.status, refused.body.error.code]).toEqual([403, 'BREAK_GLASS_REASON_REQUIRED']);
    const opened = await chronology('sol.case', `?reason=${encodeURIComponent('Child arrested in our area overnight')}`);
    expect(opened.status).toBe(200);
    const access = (await chronology('cara.case', '?kind=access')).body.items as Entry[];
    expect(access).toEqual([expect.objectContaining({ kind: 'access', title: 'Chronology read from outside the team (break glass)', by: 'Sol Case' })]);
    expect(access[0].detail).toBeUndefined(); // the audit's own detail is the DPO's to read
  });

  it('audits every read; the DPO (view-audit) sees the break-glass reason and the restriction in the timeline', async () => {
    expect((await call('dee.dpo', 'PUT', `/cases/${caseId}/restriction`, { reason: 'Child contests the date of birth' })).status).toBe(200);
    const dpo = await chronology('dee.dpo');
    expect(dpo.status).toBe(200);
    const items = dpo.body.items as Entry[];
    expect(items).toContainEqual(expect.objectContaining({ kind: 'access', by: 'Sol Case', detail: 'Reason given: Child arrested in our area overnight' }));
    expect(items).toContainEqual(expect.objectContaining({ kind: 'consent', title: 'Processing restricted', detail: 'Reason: Child contests the date of birth', by: 'Dee Protection' }));
    const events = (await call('dee.dpo', 'GET', `/audit/events?recordId=${caseId}&action=case.read-chronology&limit=100`)).body.items as { actor: { id: string }; flagged?: boolean; reason?: string }[];
    expect(events.length).toBeGreaterThanOrEqual(6);
    expect(events.filter((e) => e.flagged).map((e) => e.reason)).toContain('Child arrested in our area overnight');
  });

  it('holds a correction of a known field to its form\'s rules (an option the form does not offer is refused, nothing stored)', async () => {
    const other = (await call('cara.case', 'POST', '/cases', { givenName: 'Kit', familyName: 'Vale', dateOfBirth: '2012-01-02', team: 'north' })).body.id; // not restricted
    const bad = await call('cara.case', 'PATCH', `/cases/${other}/sections/personal`, { changes: { matchOutcome: 'maybe' }, reason: 'Checked' });
    expect([bad.status, Object.keys(bad.body.errors)]).toEqual([422, ['matchOutcome']]);
    const record = await call('cara.case', 'GET', `/cases/${other}`);
    expect(record.body.sections.personal.values.matchOutcome).toBeUndefined();
    const good = await call('cara.case', 'PATCH', `/cases/${other}/sections/personal`, { changes: { matchOutcome: 'new' }, reason: 'Checked' });
    expect(good.status).toBe(200);
    const field = (good.body.words.sections.personal.fields as { key: string; label: string; value: { text: string } }[]).find((f) => f.key === 'matchOutcome')!;
    expect(field.label).not.toBe('matchOutcome');
    expect(field.value.text).not.toBe('new'); // the option's label, not its value
  });

  it('rejects unknown kinds, unknown parameters and operators, and a case nobody may see', async () => {
    for (const q of ['?kind=everything', '?page=0', '?sort=at', '?%24where=1']) {
      const r = await chronology('cara.case', q);
      expect(r.status).toBeGreaterThanOrEqual(400);
      expect(r.status).toBeLessThan(500);
    }
    const missing = await call('cara.case', 'GET', '/cases/000000000000000000000000/chronology');
    expect(missing.status).toBe(404);
  });
});
