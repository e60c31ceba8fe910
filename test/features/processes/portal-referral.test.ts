// Feature: a referral from a police portal (issue 22). The portal sends it with a service account's token
// and an Idempotency-Key; it opens a case and starts referral & intake exactly as the referral page does.
// Sent twice, it gives one case and one intake, and the second answer repeats the first. The same child sent
// again under a new key is held for a person to decide rather than made a second record. Bad and hostile
// input is refused with reasons a portal's operators can act on, and nothing is stored.
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

describe('Feature: referrals from a portal', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  let token = '';
  let accountId = '';

  async function send(body: unknown, key: string | undefined, raw?: string) {
    const headers: Record<string, string> = { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...(key ? { 'idempotency-key': key } : {}) };
    const res = await fetch(`${system.url}/api/integration/referrals`, { method: 'POST', headers, body: raw ?? JSON.stringify(body) });
    const text = await res.text();
    return { status: res.status, body: text ? JSON.parse(text) : undefined, replayed: res.headers.get('idempotent-replayed') };
  }
  const casesOf = async (displayName: string) => system.conn.collection('cases').countDocuments({ 'identity.displayName': displayName });
  const allCases = () => system.conn.collection('cases').countDocuments();
  const referral = { givenName: 'Rory', familyName: 'Portal', dateOfBirth: '2010-06-01', referralSource: 'police', portalReference: 'PND-2026-0042' };

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['ada.admin', 'tom.manager']) await signIn(u);
    const made = await call('ada.admin', 'POST', '/admin/service-accounts', {
      name: 'Police referral portal', roles: ['court-officers'], teams: ['north'], scopes: ['referrals:create'], tokenDays: 90,
    });
    ({ token } = made.body);
    accountId = made.body.account.id;
  }, 120_000);
  afterAll(() => system?.close());

  test('the same portal referral sent twice gives one case, one intake, and the same answer', async () => {
    const first = await send(referral, 'pnd-2026-0042-a');
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ outcome: 'opened', caseId: expect.stringMatching(/^YJ-/), portalReference: 'PND-2026-0042', process: { processId: 'referral-intake' } });
    const second = await send(referral, 'pnd-2026-0042-a');
    expect([second.status, second.replayed]).toEqual([201, 'true']);
    expect(second.body).toEqual(first.body);
    expect(await casesOf('Rory Portal')).toBe(1);

    // The intake started as from the referral page: its first task waits in the team's queue, prefilled.
    const { caseId } = first.body as { caseId: string };
    const intakes = (await system.modules.workflow.engine.listInstances({ processId: 'referral-intake', limit: 100 })).items.filter((i) => i.caseId === caseId);
    expect(intakes).toHaveLength(1);
    const task = await until('the match task', async () => (await system.modules.workflow.engine.listUserTasks({ instanceKey: intakes[0]!.key, state: 'open' }))[0]);
    expect(task.elementId).toBe('matchPerson');
    const record = await call('tom.manager', 'GET', `/cases/${caseId}`);
    expect(record.body.sections.personal.values).toMatchObject({ givenName: 'Rory', familyName: 'Portal', dateOfBirth: '2010-06-01' });
    expect(record.body.sections.offending.values).toMatchObject({ referralSource: 'police' });
    expect(record.body.createdBy).toBe(accountId);
    const created = await system.modules.security.audit.search({ action: 'case.create', recordId: caseId }, { offset: 0, limit: 5 });
    expect(created.items.map((e) => e.actor.id)).toEqual([accountId]);
  });

  test('the same key with a different referral is refused; the same child under a new key is held for a person, not made twice', async () => {
    const reused = await send({ ...referral, givenName: 'Robin' }, 'pnd-2026-0042-a');
    expect([reused.status, reused.body.error.code]).toEqual([422, 'IDEMPOTENCY_KEY_REUSED']);
    const again = await send({ ...referral, givenName: 'RORY', portalReference: 'PND-2026-0043' }, 'pnd-2026-0043-b');
    expect(again.status).toBe(202);
    expect(again.body).toMatchObject({ outcome: 'held', portalReference: 'PND-2026-0043' });
    expect(JSON.stringify(again.body)).not.toContain('YJ-'); // a portal learns nothing of the records it matched
    expect(await casesOf('Rory Portal') + await casesOf('RORY Portal')).toBe(1);
    const held = await system.conn.collection('inbound_referrals').findOne({ 'held.details.portalReference': 'PND-2026-0043' });
    expect(held?.held).toMatchObject({ team: 'north', matchCaseIds: [expect.stringMatching(/^YJ-/)] });
  });

  test('a person of the team sees the held referral with its match, and joins it to the existing case once', async () => {
    const existing = (await system.conn.collection('cases').findOne({ 'identity.displayName': 'Rory Portal' }))!._id as unknown as string;
    const list = await call('tom.manager', 'GET', '/held-referrals');
    expect(list.status).toBe(200);
    const [item] = list.body.items;
    expect(item).toMatchObject({
      from: 'Police referral portal', details: { givenName: 'RORY', portalReference: 'PND-2026-0043', team: 'north' },
      matches: [{ caseId: existing, displayName: 'Rory Portal', reasons: ['name-and-date-of-birth'] }],
    });
    await signIn('sol.case'); // south: not theirs to see or decide
    expect((await call('sol.case', 'GET', '/held-referrals')).body.items).toEqual([]);
    expect((await call('sol.case', 'POST', `/held-referrals/${encodeURIComponent(item.id)}/decision`, { decision: 'new-case' })).status).toBe(404);

    const joined = await call('tom.manager', 'POST', `/held-referrals/${encodeURIComponent(item.id)}/decision`, { decision: 'join', caseId: existing });
    expect(joined.body).toEqual({ caseId: existing, decision: 'join' });
    const twice = await call('tom.manager', 'POST', `/held-referrals/${encodeURIComponent(item.id)}/decision`, { decision: 'new-case' });
    expect([twice.status, twice.body.error]).toEqual([409, { code: 'HELD_REFERRAL_DECIDED', message: 'Someone has already decided this referral: it was added to the existing case' }]);
    expect((await call('tom.manager', 'GET', '/held-referrals')).body.items).toEqual([]);
    expect(await casesOf('Rory Portal') + await casesOf('RORY Portal')).toBe(1);

    // Another Rory Portal born the same day: the person decides it is a different child, and the intake starts.
    expect((await send({ ...referral, portalReference: 'PND-2026-0044' }, 'pnd-2026-0044-c')).status).toBe(202);
    const other = (await call('tom.manager', 'GET', '/held-referrals')).body.items[0];
    const opened = await call('tom.manager', 'POST', `/held-referrals/${encodeURIComponent(other.id)}/decision`, { decision: 'new-case' });
    expect(opened.status).toBe(201);
    expect(opened.body.caseId).not.toBe(existing);
    expect(await casesOf('Rory Portal')).toBe(2);
    const intakes = (await system.modules.workflow.engine.listInstances({ processId: 'referral-intake', limit: 100 })).items.filter((i) => i.caseId === opened.body.caseId);
    expect(intakes).toHaveLength(1);

    // Sent in error: not a referral at all. A reason is required; nothing is opened; the decision is audited.
    expect((await send({ ...referral, portalReference: 'PND-2026-0045' }, 'pnd-2026-0045-d')).status).toBe(202);
    const stray = (await call('tom.manager', 'GET', '/held-referrals')).body.items[0];
    const before = await allCases();
    const noReason = await call('tom.manager', 'POST', `/held-referrals/${encodeURIComponent(stray.id)}/decision`, { decision: 'not-a-referral', reason: '  ' });
    expect([noReason.status, noReason.body.errors]).toEqual([422, { reason: 'Say why this is not a referral for the service' }]);
    const dropped = await call('tom.manager', 'POST', `/held-referrals/${encodeURIComponent(stray.id)}/decision`, { decision: 'not-a-referral', reason: 'A test message from the portal' });
    expect([dropped.status, dropped.body]).toEqual([201, { decision: 'not-a-referral' }]);
    expect(await allCases()).toBe(before);
    expect((await call('tom.manager', 'GET', '/held-referrals')).body.items).toEqual([]);
    const audited = await system.modules.security.audit.search({ action: 'referral.held-decided' }, { offset: 0, limit: 10 });
    expect(audited.items.map((e) => e.after?.decision).sort()).toEqual(['join', 'new-case', 'not-a-referral']);
    expect(audited.items.find((e) => e.after?.decision === 'not-a-referral')).toMatchObject({ actor: { roles: expect.arrayContaining(['team-managers']) }, recordId: stray.id, after: { reason: 'A test message from the portal' } });
    // Reading the list consulted the matched records: each is in its case's audit.
    expect((await system.modules.security.audit.search({ action: 'referral.held-match', recordId: existing }, { offset: 0, limit: 10 })).items.length).toBeGreaterThan(0);
  });

  test('field errors come back as data; bad and hostile input is refused with a reason and stores nothing', async () => {
    const before = await allCases();
    const invalid = await send({ givenName: '', familyName: 'X', dateOfBirth: '2030-01-01', referralSource: 'pigeon' }, 'bad-fields-0001');
    expect(invalid.status).toBe(422);
    expect(Object.keys(invalid.body.errors).sort()).toEqual(['givenName', 'referralSource']);
    const future = await send({ ...referral, givenName: 'Future', dateOfBirth: '2099-01-01' }, 'bad-fields-0002');
    expect([future.status, future.body.errors]).toEqual([422, { dateOfBirth: 'Date of birth must be today or in the past' }]);
    // Nothing opened, so the key is free for the corrected referral.
    expect((await send({ ...referral, givenName: 'Future', dateOfBirth: '2011-01-01' }, 'bad-fields-0002')).status).toBe(201);
    expect((await send(referral, undefined)).body.error.code).toBe('IDEMPOTENCY_KEY_MISSING');
    expect((await send(referral, 'short')).body.error.code).toBe('IDEMPOTENCY_KEY_INVALID');
    const operator = await send({ ...referral, givenName: { $gt: '' } }, 'hostile-0001');
    expect([operator.status, operator.body.error.message]).toEqual([422, expect.stringContaining('givenName')]);
    expect((await send({ ...referral, caseId: 'YJ-0' }, 'hostile-0002')).body.errors).toEqual({ caseId: 'Not a field of this request' });
    expect((await send({ ...referral, team: 'south' }, 'hostile-0003')).body.errors).toEqual({ team: 'You can only open cases for your own teams' });
    expect((await send(undefined, 'hostile-0004', '{"givenName": ')).status).toBe(400);
    expect((await send({ ...referral, familyName: 'x'.repeat(101) }, 'hostile-0005')).body.errors).toEqual({ familyName: expect.stringMatching(/100/) });
    expect((await send({ ...referral, familyName: 'x'.repeat(1_100_000) }, 'hostile-0006')).status).toBe(413);
    expect(await allCases()).toBe(before + 1);
  });
});
