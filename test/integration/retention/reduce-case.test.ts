// Reduction to a basic record through the whole product (issue 17; processes/retention-schedule.json:
// statutory court orders are reduced to a basic record 3 years after closure and deleted after 5): a
// court-order case closed about four years ago, worked through the referral process (a submission, a draft,
// amendments) and with a health section, is listed for reduction by the retention review, approved by a
// data officer and reduced — its health section, submissions, drafts, amendment history and process
// instance gone, its name, date of birth, orders and closure date kept, marked as reduced — while a held
// case is listed as held and kept whole. The audit verifies; a second review does not list it again; and
// its later erasure still removes the child from every store.
import { eraseCase } from '../../../server/src/application/retention/erase-case';
import { caseErasureDeps } from '../../../server/src/main/modules/case-erasure';
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const CHILD = { givenName: 'Perpetua', familyName: 'Quillfeather', dateOfBirth: '2006-08-19' };
const HELD = { givenName: 'Barnaby', familyName: 'Heldwood', dateOfBirth: '2006-09-20' };
// Markers in the health section, the drafts, the submission, an order's details: none of them is a basic fact.
const MARK = 'Xq7-reduced';
const HELD_MARK = 'Xq7-held';

describe('reducing a court-order case to a basic record', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn } = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine;
  const enc = encodeURIComponent;
  const closedOn = `${new Date().getUTCFullYear() - 4}-06-01`; // between 3.5 and 4.5 years ago: past 3, before 5

  async function collectionsHolding(needle: string): Promise<string[]> {
    const db = system.conn.db!;
    const hits = new Set<string>();
    for (const { name } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(name).find({}).toArray()) if (JSON.stringify(doc).includes(needle)) hits.add(name);
    }
    return [...hits].sort();
  }

  async function workedCourtOrderCase(child: typeof CHILD, MARK: string): Promise<{ caseId: string; instanceKey: string }> {
    const created = await call('cara.case', 'POST', '/cases', { ...child, team: 'north', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    const caseId = created.body.id as string;
    const started = await call('cara.case', 'POST', `/cases/${enc(caseId)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: new Date().toISOString() } });
    expect(started.status).toBe(201);
    const { instanceKey } = started.body;
    await engine().runDue();
    const match = await until('matchPerson', async () => (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'matchPerson')?.key);
    expect((await call('cara.case', 'POST', '/drafts', { formId: 'referral-person-match', taskId: match, caseId, data: { matchNotes: `${MARK} draft` } })).status).toBe(201);
    const done = await call('cara.case', 'POST', `/tasks/${enc(match)}/complete`, { data: { matchOutcome: 'new', personId: 'new', ...child, referralSource: 'police', matchNotes: `${MARK} notes` } });
    expect([done.status, done.status === 200 ? '' : done.text.slice(0, 300)]).toEqual([200, '']);
    await engine().runDue();
    const social = await until('checkSocialCare', async () => (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'checkSocialCare')?.key);
    expect((await call('cara.case', 'POST', '/drafts', { formId: 'referral-social-care-check', taskId: social, data: { socialWorker: `${MARK} worker` } })).status).toBe(201);
    // A youth rehabilitation order, a health section, closed about four years ago: written straight to the record.
    await system.conn.collection('cases').updateOne({ _id: caseId } as never, { $set: {
      status: 'closed', pathway: 'court-order',
      'sections.offending': { values: { pathway: 'court-order' }, revision: 1, updatedAt: `${closedOn}T09:00:00Z`, updatedBy: 'x', sources: {},
        collections: { orders: [{ id: 'o1', values: { type: 'yro', madeOn: '2021-01-10', end: '2022-01-10', requirementDetails: `${MARK} curfew address` }, sources: {} }] } },
      'sections.health': { values: { healthNotes: `${MARK} inhaler` }, revision: 1, updatedAt: `${closedOn}T09:00:00Z`, updatedBy: 'x', sources: {} },
      'sections.plans': { values: { closureDate: closedOn, closureNotes: `${MARK} moved away` }, revision: 1, updatedAt: `${closedOn}T10:00:00Z`, updatedBy: 'x', sources: {} },
    } });
    return { caseId, instanceKey };
  }

  beforeAll(async () => {
    system = await startTestSystem();
    for (const u of ['cara.case', 'dan.data', 'dee.dpo']) await signIn(u);
  }, 240_000);
  afterAll(() => system?.close());

  it('lists the case for reduction, reduces it on approval keeping only the basic facts; the held case is kept; erasure later still works', async () => {
    const { caseId, instanceKey: caseInstance } = await workedCourtOrderCase(CHILD, MARK);
    const held = await workedCourtOrderCase(HELD, HELD_MARK);
    expect((await call('dee.dpo', 'POST', '/retention/holds', { scope: 'case', caseId: held.caseId, reason: 'Complaint under investigation' })).status).toBe(201);
    expect(await collectionsHolding(MARK)).toEqual(expect.arrayContaining(['cases', 'form_drafts', 'form_submissions']));

    type Ev = { seq: number; action: string; after?: { formId?: string }; detailsErased?: boolean };
    const events = async () => (await call('dee.dpo', 'GET', `/audit/events?recordId=${enc(caseId)}&limit=100`)).body.items as Ev[];
    const write = (await events()).find((e) => e.action === 'case.write' && e.after?.formId)!;
    expect(write.detailsErased).toBeUndefined(); // readable before the reduction

    const started = await call('dan.data', 'POST', '/retention/reviews');
    expect(started.status).toBe(201);
    const { instanceKey } = started.body;
    await engine().runDue();
    const task = await until('review task', async () => (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === 'reviewErasures'));
    const vars = (await engine().getInstance(instanceKey))!.variables;
    const y = Number(closedOn.slice(0, 4));
    expect(vars.retentionReviewText).toContain(`Case ${caseId} — to be reduced to a basic record. Statutory court orders: rule court-orders (CASE+5) counts from the date the case closed, ${closedOn}; basic record due on ${y + 3}-06-01, deletion due on ${y + 5}-06-01`);
    expect(vars.retentionReviewText).toContain(`Case ${held.caseId} — HELD AND KEPT (case hold: Complaint under investigation)`);

    expect([200, 204]).toContain((await call('dan.data', 'POST', `/tasks/${enc(task.key)}/claim`)).status);
    const done = await call('dan.data', 'POST', `/tasks/${enc(task.key)}/complete`, { data: { retentionApproved: 'yes' } });
    expect([done.status, done.status === 200 ? '' : done.text.slice(0, 300)]).toEqual([200, '']);
    const finished = await until('reductions run', async () => {
      await engine().runDue();
      const i = await engine().getInstance(instanceKey);
      return i?.state === 'completed' ? i.variables : undefined;
    });
    expect(finished.reductionOutcomes).toEqual([expect.objectContaining({ caseId, outcome: 'reduced' })]);

    // The basic record: name, date of birth, reference, the order's type and dates, the closure date; marked.
    const basic = await system.conn.collection('cases').findOne({ _id: caseId } as never);
    expect(Object.keys(basic!.sections).sort()).toEqual(['offending', 'personal', 'plans']);
    expect(basic!.sections.personal.values).toEqual(CHILD);
    expect(basic!.sections.offending.collections.orders).toEqual([{ id: 'o1', values: { type: 'yro', madeOn: '2021-01-10', end: '2022-01-10' }, sources: {} }]);
    expect(basic!.sections.plans.values).toEqual({ closureDate: closedOn });
    expect(basic!.reduction).toMatchObject({ rule: 'court-orders', approvedBy: expect.any(String), approvalRef: `retention-review:${instanceKey}`, dueAt: `${y + 3}-06-01` });
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}`)).status).toBe(200);
    // Its health section, submissions, drafts, amendment history and process instance are gone from every store.
    expect(await collectionsHolding(MARK)).toEqual([]);
    expect(await collectionsHolding(CHILD.familyName)).toEqual(['cases']);
    for (const c of ['form_submissions', 'form_drafts', 'case_amendments', 'tasks']) {
      expect([c, await system.conn.collection(c).countDocuments({ caseId })]).toEqual([c, 0]);
    }
    expect(await engine().getInstance(caseInstance)).toBeUndefined();
    // The audit keeps who wrote and read the case, and when; the values of its fuller past are gone with the
    // case's old key. Its later events are readable under the new key. The chain still verifies.
    const reducedWrite = (await events()).find((e) => e.seq === write.seq)!;
    expect([reducedWrite.action, reducedWrite.detailsErased, reducedWrite.after]).toEqual(['case.write', true, undefined]);
    expect(JSON.stringify(await events())).not.toContain(MARK);
    expect((await call('cara.case', 'PATCH', `/cases/${enc(caseId)}/sections/plans`, { values: { closureDate: closedOn }, reason: 'Checked after reduction' })).status).toBeLessThan(500);
    const later = (await events()).filter((e) => e.seq > write.seq && !e.detailsErased && e.action !== 'case.reduced');
    expect(later.length).toBeGreaterThan(0);
    expect((await call('dee.dpo', 'POST', '/audit/verify')).body).toMatchObject({ ok: true });
    // The held case is whole: its health section, its submission and its running work.
    const heldRecord = await system.conn.collection('cases').findOne({ _id: held.caseId } as never);
    expect([heldRecord!.sections.health?.values.healthNotes, heldRecord!.reduction]).toEqual([`${HELD_MARK} inhaler`, undefined]);
    expect(await collectionsHolding(HELD_MARK)).toEqual(expect.arrayContaining(['case_amendments', 'cases', 'form_drafts', 'form_submissions']));
    expect(await system.conn.collection('form_submissions').countDocuments({ caseId: held.caseId })).toBeGreaterThan(0);
    expect((await engine().listUserTasks({ instanceKey: held.instanceKey, state: 'open' })).length).toBeGreaterThan(0);

    // Reduced once: the next dry run does not list it again.
    const again = await call('dan.data', 'GET', '/retention/dry-run');
    expect((again.body.reduce as { caseId: string }[]).map((i) => i.caseId)).not.toContain(caseId);

    // Its erasure, when due, still removes the child from every store; the audit still verifies.
    const deps = caseErasureDeps({ ...system.modules, clock: { now: () => new Date() } }, { holdsOnCase: async () => [] });
    const tombstone = await eraseCase(deps, { caseId, rule: 'court-orders', approvedBy: 'dan.data', approvalRef: 'RR-later' });
    expect(tombstone).toMatchObject({ caseId, state: 'complete' });
    expect(await collectionsHolding(CHILD.familyName)).toEqual([]);
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}`)).status).toBe(404);
    expect((await call('dee.dpo', 'POST', '/audit/verify')).body).toMatchObject({ ok: true });
  }, 240_000);
});
