// Erasure of a case through the whole product (issue 17, "Deletion means gone everywhere"): a child's case
// is worked through the HTTP routes (referral tasks, a draft, a submission, a saved filter naming the case,
// audit reads, an escalation email caught by the real SMTP catcher), then erased — first cut short by a
// simulated crash, then run again — and every collection of the database is searched for the child's name,
// date of birth and NHS number: none holds them; what stays is a tombstone without them, and the audit
// chain still verifies. A case under a legal hold is refused and left whole.
import { eraseCase } from '../../../server/src/application/retention/erase-case';
import { caseErasureDeps } from '../../../server/src/main/modules/case-erasure';
import type { LegalHoldChecker } from '../../../server/src/ports/legal-hold.port';
import { demoSessions, until } from '../../support/demo-sessions';
import { startTestSystem } from '../../support/system';

const CHILD = { givenName: 'Zebedee', familyName: 'Quux', dateOfBirth: '2010-02-13', nhsNumber: '9434765919' };
const NEEDLES = ['Zebedee', 'Quux', '2010-02-13', '9434765919'];

describe('erasing a case removes the child from every store', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const { call, signIn, sessions } = demoSessions(() => system.url);
  const engine = () => system.modules.workflow.engine;
  const held = new Set<string>();
  const holds: LegalHoldChecker = { holdsOnCase: async (id) => (held.has(id) ? [{ id: 'h1', scope: 'case', reason: 'Civil claim pending' }] : []) };
  const deps = () => caseErasureDeps({ ...system.modules, clock: { now: () => new Date() }, others: system.modules.otherCaseStores }, holds);
  const enc = encodeURIComponent;
  const openTask = (instanceKey: string, elementId: string) => until(elementId, async () =>
    (await engine().listUserTasks({ instanceKey, state: 'open' })).find((t) => t.elementId === elementId)?.key);

  /** Every document of every collection, as text (binary data, such as a stored file's bytes, decoded), that mentions one of `needles`. */
  async function whereTheChildIs(needles = NEEDLES): Promise<string[]> {
    const db = system.conn.db!;
    const hits: string[] = [];
    const decoded = function (this: Record<string, unknown>, key: string, value: unknown) {
      const raw = this[key] as { _bsontype?: string; buffer?: Uint8Array } | undefined;
      return raw?._bsontype === 'Binary' && raw.buffer ? Buffer.from(raw.buffer).toString('latin1') : value;
    };
    for (const { name } of await db.listCollections().toArray()) {
      for (const doc of await db.collection(name).find({}).toArray()) {
        const text = JSON.stringify(doc, decoded);
        if (needles.some((n) => text.includes(n))) hits.push(`${name}: ${text.slice(0, 200)}`);
      }
    }
    return hits;
  }

  async function openCase(child: typeof CHILD): Promise<{ caseId: string; instanceKey: string }> {
    const created = await call('cara.case', 'POST', '/cases', { ...child, team: 'north', confirmedNotDuplicate: true });
    expect(created.status).toBe(201);
    const received = new Date(Date.now() - 30 * 86_400_000).toISOString(); // backdated: its tasks are late
    const started = await call('cara.case', 'POST', `/cases/${enc(created.body.id)}/processes`, { processId: 'referral-intake', variables: { referralReceivedAt: received } });
    expect(started.status).toBe(201);
    await engine().runDue();
    return { caseId: created.body.id, instanceKey: started.body.instanceKey };
  }

  beforeAll(async () => {
    system = await startTestSystem({ ESCALATION_FALLBACK: 'hana.head' });
    for (const u of ['cara.case', 'ada.admin', 'dee.dpo']) await signIn(u);
  }, 240_000);
  afterAll(() => system?.close());

  it('work on the case leaves the child in many stores; erasure (crash, then rerun) leaves only a tombstone', async () => {
    const { caseId, instanceKey } = await openCase(CHILD);
    const match = await openTask(instanceKey, 'matchPerson');
    const { nhsNumber: _nhs, ...named } = CHILD;
    const person = { matchOutcome: 'new', personId: 'new', ...named, referralSource: 'police', matchNotes: 'Zebedee Quux, NHS 9434765919, new to us' };
    expect((await call('cara.case', 'POST', '/drafts', { formId: 'referral-person-match', taskId: match, caseId, data: { matchNotes: 'Zebedee Quux (draft)' } })).status).toBe(201);
    const done = await call('cara.case', 'POST', `/tasks/${enc(match)}/complete`, { data: person });
    expect([done.status, done.status === 200 ? '' : done.text.slice(0, 400)]).toEqual([200, '']);
    await engine().runDue();
    const social = await openTask(instanceKey, 'checkSocialCare');
    expect((await call('cara.case', 'POST', '/drafts', { formId: 'referral-social-care-check', taskId: social, data: { socialWorker: 'worker of Zebedee Quux' } })).status).toBe(201);
    expect((await call('cara.case', 'PUT', `/tasks/filters/${enc('Zebedee Quux work')}`, { queue: 'team', filters: { caseId } })).status).toBe(200);
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}`)).status).toBe(200);
    // A document filed on the case: its name and its bytes name the child.
    const letter = await fetch(`${system.url}/api/cases/${enc(caseId)}/documents?section=education&name=${enc('Zebedee Quux school letter.txt')}&category=letter`, {
      method: 'POST', headers: { cookie: sessions.get('cara.case')!.cookie, 'x-csrf-token': sessions.get('cara.case')!.csrf, 'content-type': 'application/octet-stream' },
      body: 'Exclusion meeting for Zebedee Quux (born 13 February 2010), NHS 9434765919.',
    });
    expect(letter.status).toBe(201);
    await engine().runDue();
    await engine().runDue();
    await system.modules.escalation.runOnce(); // overdue tasks: notices planned and delivered to the catcher
    const mailAbout = async () => ((await call('ada.admin', 'GET', '/escalation/caught-mail?limit=100')).body.items as { text: string }[])
      .filter((m) => m.text.includes(enc(instanceKey)) || m.text.includes(instanceKey));
    expect((await mailAbout()).length).toBeGreaterThan(0); // the escalation emails about its late tasks
    const audit = await call('dee.dpo', 'GET', `/audit/events?recordId=${enc(caseId)}&limit=100`);
    expect(audit.status).toBe(200);
    type Ev = { seq: number; action: string; after?: { formId?: string }; detailsErased?: boolean };
    const write = (audit.body.items as Ev[]).find((e) => e.action === 'case.write')!;
    expect(write.after?.formId).toBe('referral-person-match'); // readable while the case exists
    const stored = await system.conn.db!.collection('audit_events').findOne({ seq: write.seq });
    expect([stored?.after, typeof stored?.sealed?.data]).toEqual([undefined, 'string']); // stored as ciphertext
    const before = await whereTheChildIs();
    expect([...new Set(before.map((h) => h.split(':')[0]))].sort()).toEqual(
      ['case_amendments', 'case_document_chunks', 'case_documents', 'cases', 'engine_instances', 'form_drafts', 'form_submissions', 'saved_task_filters'],
    );

    // A crash midway: the submissions step fails once. Part is gone, the rest is still reachable.
    const crashing = deps();
    crashing.stores.submissions = { eraseOfCase: async () => { throw new Error('simulated crash'); } };
    await expect(eraseCase(crashing, { caseId, rule: 'referral-order-6y', approvedBy: 'dan.data', approvalRef: 'RR-1' })).rejects.toThrow('simulated crash');
    expect((await engine().listUserTasks({ instanceKey })).length).toBe(0);
    expect(await system.conn.db!.collection('case_tombstones').findOne({ _id: caseId as never })).toMatchObject({ state: 'in-progress' });
    const left = [...new Set((await whereTheChildIs()).map((h) => h.split(':')[0]))].sort();
    expect(left).toEqual(['case_amendments', 'case_document_chunks', 'case_documents', 'cases', 'form_submissions', 'saved_task_filters']); // reachable through the case

    const tombstone = await eraseCase(deps(), { caseId, rule: 'referral-order-6y', approvedBy: 'dan.data', approvalRef: 'RR-1' });
    expect(tombstone).toMatchObject({ caseId, rule: 'referral-order-6y', approvedBy: 'dan.data', approvalRef: 'RR-1', state: 'complete', team: 'north' });
    expect(await whereTheChildIs()).toEqual([]);
    expect(await system.conn.db!.collection('case_document_chunks').countDocuments({})).toBe(0); // the file's bytes too
    // Nothing of its process instance is left either, but the audit's record of who did what (task keys).
    expect((await whereTheChildIs([instanceKey])).filter((h) => !h.startsWith('audit_events:'))).toEqual([]);
    expect(JSON.stringify(await system.conn.db!.collection('case_tombstones').findOne({ _id: caseId as never }))).not.toMatch(/Zebedee|Quux|2010-02-13|9434765919/);
    expect((await call('cara.case', 'GET', `/cases/${enc(caseId)}`)).status).toBe(404);
    expect((await call('cara.case', 'GET', '/tasks/filters')).body.items).toEqual([]);
    const after = await call('dee.dpo', 'GET', `/audit/events?recordId=${enc(caseId)}&limit=100`);
    expect(after.body.items.length).toBeGreaterThanOrEqual(audit.body.items.length); // the events stay, counted
    const erasedWrite = (after.body.items as Ev[]).find((e) => e.seq === write.seq);
    expect([erasedWrite?.detailsErased, erasedWrite?.after]).toEqual([true, undefined]); // the key is gone
    expect((await call('dee.dpo', 'POST', '/audit/verify')).body).toMatchObject({ ok: true });
    expect(await mailAbout()).toEqual([]);
    expect(await system.conn.db!.collection('escalation_outbox').countDocuments({ taskId: { $regex: `^${instanceKey}` } })).toBe(0);
    // Run again: the finished erasure answers with its tombstone.
    expect(await eraseCase(deps(), { caseId, rule: 'other', approvedBy: 'someone' })).toEqual(tombstone);
  }, 240_000);

  it('a case under a legal hold is refused and left whole', async () => {
    const child = { givenName: 'Hilda', familyName: 'Heldcase', dateOfBirth: '2011-05-06', nhsNumber: '9434765870' };
    const { caseId, instanceKey } = await openCase(child);
    held.add(caseId);
    await expect(eraseCase(deps(), { caseId, rule: 'referral-order-6y', approvedBy: 'dan.data' })).rejects.toMatchObject({ code: 'CASE_HELD' });
    const record = await call('cara.case', 'GET', `/cases/${enc(caseId)}`);
    expect(record.status).toBe(200);
    expect(record.body.displayName ?? JSON.stringify(record.body)).toContain('Hilda');
    expect((await engine().listUserTasks({ instanceKey, state: 'open' })).length).toBeGreaterThan(0);
    expect(await system.conn.db!.collection('case_tombstones').findOne({ _id: caseId as never })).toBeNull();
  }, 120_000);
});
