// Sharing agreements and signed webhooks on the whole product: the DPO makes an agreement, an admin subscribes
// a receiver (a real HTTP server on loopback that checks every signature as docs/sharing-and-webhooks.md tells
// a receiver to), engine steps become events carrying only the agreement's sections, a receiver answering 500
// sees the retries and then the dead letter, an admin sends it again, an ended agreement stops delivery, and
// every event delivered is a disclosure in the audit. The clock runs from real time plus an offset the test moves.
import { createServer, type Server } from 'node:http';
import { verifyWebhook } from '../../../server/src/domain/webhooks/webhook-signature';
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

interface Received { headers: Record<string, string>; body: string; verdict: string; payload: any }

const HEALTH = 'ZQXHEALTHQZX';
const day = (offsetDays: number, from = Date.now()) => new Date(from + offsetDays * 86_400_000).toISOString().slice(0, 10);

describe('data sharing agreements and signed webhooks', () => {
  let offset = 0;
  const clock = { now: () => new Date(Date.now() + offset) };
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  let receiver: Server;
  let receiverUrl = '';
  const received: Received[] = [];
  let answer = 200;
  let secret = '';
  let agreementId = '';
  let caseId = '';
  const engine = () => system.modules.workflow.engine;
  const sharing = () => system.modules.sharing;

  beforeAll(async () => {
    receiver = createServer((req, res) => {
      let body = '';
      req.on('data', (c) => { body += c; });
      req.on('end', () => {
        const headers = req.headers as Record<string, string>;
        const v = verifyWebhook(secret, { timestamp: headers['yjs-webhook-timestamp'], signature: headers['yjs-webhook-signature'] }, body, Math.floor(clock.now().getTime() / 1000));
        received.push({ headers, body, verdict: v.ok ? 'ok' : v.reason, payload: JSON.parse(body) });
        res.statusCode = v.ok ? answer : 401;
        res.end();
      });
    });
    await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', () => r()));
    receiverUrl = `http://127.0.0.1:${(receiver.address() as { port: number }).port}/mosaic/events`;
    system = await startTestSystem({ SESSION_IDLE_MINUTES: '1440' }, { clock });
    for (const u of ['dee.dpo', 'ada.admin', 'tom.manager']) await signIn(u);
    const created = await call('tom.manager', 'POST', '/cases', { givenName: 'Shared', familyName: 'Child', dateOfBirth: '2011-02-03', team: 'north' });
    caseId = created.body.id;
    expect((await call('tom.manager', 'PATCH', `/cases/${encodeURIComponent(caseId)}/sections/health`, { changes: { note: HEALTH }, reason: 'set-up' })).status).toBe(200);
  }, 90_000);
  afterAll(async () => {
    await system?.close();
    await new Promise((r) => receiver?.close(r));
  });

  const openTask = (instanceKey: string, elementId: string) => until(elementId, async () =>
    (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t: { elementId: string }) => t.elementId === elementId)?.key);
  const deliveries = async (state?: string) => (await call('ada.admin', 'GET', `/webhooks/deliveries${state ? `?state=${state}` : ''}`)).body;
  async function referral(): Promise<string> {
    const seen = sharing().caseEventsSeen();
    const { instanceKey } = await engine().startInstance('referral-intake', { caseId, referralReceivedAt: clock.now().toISOString() });
    await until('the referral event', async () => (sharing().caseEventsSeen() > seen ? true : undefined));
    return instanceKey;
  }

  it('lets the DPO alone make and change agreements, refuses bad input and keeps every version', async () => {
    const terms = { partner: 'Northshire Children’s Social Care', recipientKind: 'social-care', purpose: 'Safeguarding and joint working', sections: ['personal', 'offending'], lawfulBasis: 'public-task', startDate: day(0), endDate: day(1) };
    expect((await call('ada.admin', 'POST', '/sharing/agreements', terms)).status).toBe(403);
    expect((await call('tom.manager', 'GET', '/sharing/agreements')).status).toBe(403);
    const bad = [
      { ...terms, partner: { $gt: '' } }, { ...terms, extra: 1 }, { ...terms, endDate: day(-5) }, { ...terms, sections: ['nonsense'] },
      { ...terms, partner: 'x'.repeat(300) }, { ...terms, startDate: '2026-13-45' }, { ...terms, lawfulBasis: 'because' }, { ...terms, sections: [] },
    ];
    for (const body of bad) {
      const r = await call('dee.dpo', 'POST', '/sharing/agreements', body);
      expect([r.status, r.body.error?.message]).toEqual([422, expect.stringMatching(/\w/)]);
    }
    const raw = await fetch(`${system.url}/api/sharing/agreements`, { method: 'POST', headers: { cookie: (await signIn('dee.dpo')).cookie, 'x-csrf-token': (await signIn('dee.dpo')).csrf, 'content-type': 'application/json' }, body: '{"partner":' });
    expect(raw.status).toBe(400);
    expect((await call('dee.dpo', 'GET', '/sharing/agreements')).body.items).toEqual([]);

    const made = await call('dee.dpo', 'POST', '/sharing/agreements', { ...terms, sections: ['personal'] });
    expect(made.status).toBe(201);
    agreementId = made.body.id;
    expect((await call('dee.dpo', 'PUT', `/sharing/agreements/${agreementId}`, { ...terms, revision: 9, reason: 'stale' })).status).toBe(409);
    const changed = await call('dee.dpo', 'PUT', `/sharing/agreements/${agreementId}`, { ...terms, revision: 1, reason: 'Offending added at review' });
    expect([changed.status, changed.body.revision, changed.body.sections]).toEqual([200, 2, ['personal', 'offending']]);
    const one = await call('ada.admin', 'GET', `/sharing/agreements/${agreementId}`);
    expect(one.body.agreement.status).toBe('in-force');
    expect(one.body.history.map((v: { revision: number }) => v.revision)).toEqual([2, 1]);
    const audit = await call('dee.dpo', 'GET', `/audit/events?recordType=sharing-agreement&recordId=${agreementId}`);
    expect(audit.body.items.map((e: { action: string }) => e.action).sort()).toEqual(['sharing.agreement-changed', 'sharing.agreement-created']);
  });

  it('lets admins subscribe a receiver under an agreement, showing the secret once, and refuses bad input', async () => {
    const sub = { name: 'Mosaic', url: receiverUrl, events: ['referral.received', 'case.opened'], agreementId };
    expect((await call('dee.dpo', 'POST', '/webhooks/subscriptions', sub)).status).toBe(403);
    for (const body of [
      { ...sub, url: 'ftp://example.org/x' }, { ...sub, url: 'https://user:pw@example.org/x' }, { ...sub, url: 'http://example.org/x' },
      { ...sub, events: ['nope'] }, { ...sub, agreementId: 'nope' }, { ...sub, agreementId: { $gt: '' } }, { ...sub, secret: 'mine' }, { ...sub, name: '' },
    ]) expect((await call('ada.admin', 'POST', '/webhooks/subscriptions', body)).status).toBe(422);
    expect((await call('ada.admin', 'GET', '/webhooks/deliveries?state=lost')).status).toBe(400);
    const made = await call('ada.admin', 'POST', '/webhooks/subscriptions', sub);
    expect(made.status).toBe(201);
    secret = made.body.secret;
    expect(secret).toMatch(/^whsec_/);
    const listed = await call('ada.admin', 'GET', '/webhooks/subscriptions');
    expect(listed.body.items).toHaveLength(1);
    expect(listed.text).not.toContain(secret);
  });

  it('delivers each event signed, carrying only the sections the agreement allows, and audits the disclosure', async () => {
    const instanceKey = await referral();
    expect(await sharing().deliverOnce()).toMatchObject({ sent: 1 });
    for (const id of ['matchPerson', 'checkSocialCare', 'allocate']) {
      const key = await openTask(instanceKey, id);
      await engine().completeUserTask(key, { pathway: 'out-of-court', lawfulBasis: 'public-task', caseManager: 'cara.case' }, { by: 'test' });
    }
    await until('case opened', async () => ((await sharing().deliverOnce()).sent ? true : undefined));
    expect(received.map((r) => [r.payload.type, r.verdict])).toEqual([['referral.received', 'ok'], ['case.opened', 'ok']]);
    for (const r of received) {
      expect(Object.keys(r.payload.sections).every((s) => ['personal', 'offending'].includes(s))).toBe(true);
      expect(r.body).not.toContain(HEALTH);
      expect(r.payload).toMatchObject({ caseId, agreement: { id: agreementId } });
      // A receiver refuses the same request replayed outside its window, or with the body changed.
      const h = { timestamp: r.headers['yjs-webhook-timestamp'], signature: r.headers['yjs-webhook-signature'] };
      expect(verifyWebhook(secret, h, r.body, Number(h.timestamp) + 301)).toEqual({ ok: false, reason: 'timestamp outside the replay window' });
      expect(verifyWebhook(secret, h, r.body.replace('Shared', 'Shamed'), Number(h.timestamp)).ok).toBe(false);
    }
    const audit = await call('dee.dpo', 'GET', `/audit/events?action=sharing.disclosed&recordId=${encodeURIComponent(caseId)}`);
    expect(audit.body.items).toHaveLength(2);
    expect(audit.body.items[0]).toMatchObject({ actor: { id: 'system:webhooks' }, sections: expect.arrayContaining(['personal']) });
  });

  it('retries a receiver answering 500 with growing back-off, then keeps a dead letter an admin can send again', async () => {
    received.length = 0;
    answer = 500;
    await referral();
    const gaps: number[] = [];
    for (let attempt = 1; attempt <= 6; attempt++) {
      const report = await sharing().deliverOnce();
      expect(report).toMatchObject(attempt < 6 ? { retry: 1 } : { dead: 1 });
      const [d] = (await deliveries()).items;
      if (attempt < 6) {
        gaps.push(Date.parse(d.nextAttemptAt) - clock.now().getTime());
        offset += Date.parse(d.nextAttemptAt) - clock.now().getTime() + 1000;
      }
    }
    expect(received.map((r) => r.verdict)).toEqual(Array(6).fill('ok'));
    expect(new Set(received.map((r) => r.headers['yjs-webhook-id'])).size).toBe(1);
    expect(gaps.map((g) => Math.round(g / 30_000))).toEqual([1, 2, 4, 8, 16]);
    const dead = await deliveries('dead');
    expect(dead.items).toHaveLength(1);
    expect(dead.items[0]).toMatchObject({ attempts: 6, lastError: 'The receiver answered HTTP 500' });
    expect(dead.items[0].body).toBeUndefined();
    expect((await call('dee.dpo', 'POST', `/webhooks/deliveries/${encodeURIComponent(dead.items[0].id)}/retry`, {})).status).toBe(403);
    answer = 200;
    expect((await call('ada.admin', 'POST', `/webhooks/deliveries/${encodeURIComponent(dead.items[0].id)}/retry`, {})).body.state).toBe('pending');
    expect(await sharing().deliverOnce()).toMatchObject({ sent: 1 });
    expect((await call('ada.admin', 'POST', `/webhooks/deliveries/${encodeURIComponent(dead.items[0].id)}/retry`, {})).status).toBe(409);
  });

  it('lets the AssetPlus share step share only under an agreement in force for the recipient, and audits it', async () => {
    const estate = await call('dee.dpo', 'POST', '/sharing/agreements', {
      partner: 'Northshire Secure Children’s Home', recipientKind: 'secure-estate', purpose: 'Placement and resettlement planning',
      sections: ['assessments', 'plans'], lawfulBasis: 'legal-obligation', startDate: day(0), endDate: day(30),
    });
    const { instanceKey } = await engine().startInstance('assetplus-assessment', { caseId, orderMadeAt: clock.now().toISOString() });
    const steps: [string, Record<string, unknown>][] = [
      ['infoGathering', { personalCircumstances: 'p', offendingHistory: 'o', assessment: { id: 'a1', reason: 'community-order', informationGatheredOn: day(0) } }],
      ['conclusions', { ratings: { id: 'a1', likelihoodOfReoffending: 'low', likelihoodRationale: 'l', roshRating: 'low', roshRationale: 'r', safetyWellbeingRating: 'low', safetyWellbeingRationale: 's', explanations: 'e', conclusionsCompletedOn: day(0) } }],
      ['planning', { contactLevel: 'standard', planTargets: [{ target: 'attend school' }], planStage: { id: 'a1', planCompletedOn: day(0) } }],
    ];
    for (const [id, variables] of steps) {
      const key = await openTask(instanceKey, id);
      await engine().completeUserTask(key, variables, { by: 'test' });
    }
    const share = await openTask(instanceKey, 'share');
    await signIn('cara.case');
    const page = await until('the share task page', async () => {
      const r = await call('cara.case', 'GET', `/tasks/${share}`);
      return r.status === 200 ? r.body : undefined;
    });
    // Offered: both agreements in force today (the social care one and the secure estate's).
    expect(page.formVariables.sharingAgreementsInForce.map((o: { value: string }) => o.value).sort()).toEqual([agreementId, estate.body.id].sort());
    const refused = [
      { shareWith: ['secure-estate'] }, // no agreement chosen
      { shareWith: ['secure-estate'], sharingAgreements: [agreementId] }, // one for social care, not the secure estate (and no assessments)
      { shareWith: ['secure-estate'], sharingAgreements: ['made-up'] },
    ];
    for (const body of refused) {
      const r = await call('cara.case', 'POST', `/tasks/${share}/complete`, { data: body });
      expect([r.status, Object.keys(r.body.error?.errors ?? r.body.errors ?? {})]).toEqual([422, expect.arrayContaining(['sharingAgreements'])]);
    }
    const done = await call('cara.case', 'POST', `/tasks/${share}/complete`, { data: { shareWith: ['secure-estate'], sharingAgreements: [estate.body.id] } });
    expect(done.status).toBe(200);
    const audit = await call('dee.dpo', 'GET', `/audit/events?action=sharing.disclosed&recordId=${encodeURIComponent(caseId)}`);
    const ours = audit.body.items.filter((e: { after?: { agreementId?: string } }) => e.after?.agreementId === estate.body.id);
    expect(ours).toEqual([expect.objectContaining({ sections: ['assessments', 'plans'], reason: 'Placement and resettlement planning' })]);
  });

  it('sends nothing once the agreement has ended, not even what was waiting', async () => {
    received.length = 0;
    answer = 500;
    await referral();
    expect(await sharing().deliverOnce()).toMatchObject({ retry: 1 });
    offset += 3 * 86_400_000; // past the agreement's end date
    await signIn('ada.admin'); // the session ended while the clock moved on
    answer = 200;
    expect(await sharing().deliverOnce()).toMatchObject({ cancelled: 1 });
    const before = (await deliveries()).total;
    expect(before).toBe(4); // two sent, the dead letter sent again, the one cancelled
    await referral();
    expect((await deliveries()).total).toBe(before);
    expect(await sharing().deliverOnce()).toMatchObject({ sent: 0 });
    expect(received).toHaveLength(1); // the one 500 before the end
    expect((await deliveries('cancelled')).items[0].cancelReason).toBe('The data sharing agreement is not in force');
  });

  it('forgets the case’s deliveries when the case is erased (their bodies hold its data)', async () => {
    expect(await sharing().eraser.eraseOfCase(caseId)).toBe(4); // the four queued above
    expect((await deliveries()).total).toBe(0);
    expect(await system.conn.collection('webhook_delivery_leases').countDocuments({})).toBe(0);
  });
});
