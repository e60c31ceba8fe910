// The whole product: a data officer starts the retention review, reads the list in the approval task and
// approves; the referral-order case closed in June 2019 (CASE+6 → due 31 March 2026) is erased everywhere
// through eraseCase, the case under the DPO's legal hold is listed as held and kept, and the audit verifies.
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const OLD = { givenName: 'Ottoline', familyName: 'Vexworth', dateOfBirth: '2002-03-14' };
const HELD = { givenName: 'Hildegard', familyName: 'Brambleby', dateOfBirth: '2002-07-21' };

describe('the retention review, end to end', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine;
  const enc = encodeURIComponent;

  async function closedReferralOrderCase(child: typeof OLD): Promise<string> {
    const created = await call('cara.case', 'POST', '/cases', { ...child, team: 'north', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    // Closed in June 2019 after a referral order: written straight to the record, as a case of that age would be.
    await system.conn.collection('cases').updateOne({ _id: created.body.id } as never, { $set: {
      status: 'closed', pathway: 'court-order',
      'sections.offending': { values: {}, revision: 1, updatedAt: '2019-05-01T10:00:00Z', updatedBy: 'x', sources: {}, collections: { orders: [{ id: 'o1', values: { type: 'referral-order' }, sources: {} }] } },
      'sections.plans': { values: { closureDate: '2019-06-10' }, revision: 1, updatedAt: '2019-06-10T10:00:00Z', updatedBy: 'x', sources: {} },
    } });
    return created.body.id as string;
  }

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['cara.case', 'dan.data', 'dee.dpo']) await signIn(u);
  }, 240_000);
  afterAll(() => system?.close());

  it('lists the 2019 referral order as due and the held case as held; on approval erases only the due one', async () => {
    const oldId = await closedReferralOrderCase(OLD);
    const heldId = await closedReferralOrderCase(HELD);
    expect((await call('dee.dpo', 'POST', '/retention/holds', { scope: 'person', caseId: heldId, reason: 'Civil claim by the family' })).status).toBe(201);
    expect((await call('cara.case', 'POST', '/retention/reviews')).status).toBe(403);

    const started = await call('dan.data', 'POST', '/retention/reviews');
    expect(started.status).toBe(201);
    const { instanceKey } = started.body;
    await engine().runDue();
    const task = await until('review task', async () => (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'reviewErasures'));
    const vars = (await engine().getInstance(instanceKey))!.variables;
    expect(vars.retentionReviewText).toContain(`Case ${oldId} — to be erased. Referral orders: rule referral-orders (CASE+6) counts from the date the case closed, 2019-06-10; due on 2026-03-31`);
    expect(vars.retentionReviewText).toContain(`Case ${heldId} — HELD AND KEPT (person hold: Civil claim by the family)`);

    const claimed = await call('dan.data', 'POST', `/tasks/${enc(task.key)}/claim`);
    expect([200, 204]).toContain(claimed.status);
    const done = await call('dan.data', 'POST', `/tasks/${enc(task.key)}/complete`, { data: { retentionApproved: 'yes', approvalNotes: 'Checked against the paper index' } });
    expect([done.status, done.status === 200 ? '' : done.text.slice(0, 300)]).toEqual([200, '']);
    const outcomes = await until('erasures run', async () => {
      await engine().runDue();
      const i = await engine().getInstance(instanceKey);
      return i?.state === 'completed' ? i.variables.erasureOutcomes : undefined;
    });
    expect(outcomes).toEqual([expect.objectContaining({ caseId: oldId, outcome: 'erased' })]);
    const tombstone = await system.conn.collection('case_tombstones').findOne({ _id: oldId } as never);
    expect(tombstone).toMatchObject({ rule: 'referral-orders', dueAt: '2026-03-31', approvedBy: expect.any(String), approvalRef: `retention-review:${instanceKey}`, state: 'complete' });

    expect((await call('cara.case', 'GET', `/cases/${enc(heldId)}`)).status).toBe(200);
    expect((await call('cara.case', 'GET', `/cases/${enc(oldId)}`)).status).toBe(404);
    const db = system.conn.db!;
    const hits: string[] = [];
    for (const { name } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc);
        if (['Ottoline', 'Vexworth'].some((n) => text.includes(n))) hits.push(`${name}: ${text.slice(0, 160)}`);
      }
    }
    expect(hits).toEqual([]);
    const audit = await call('dee.dpo', 'POST', '/audit/verify');
    expect(audit.body).toMatchObject({ ok: true });
  }, 120_000);
});
