// A subject access request works from its gathered snapshot (real FerretDB, the whole product over HTTP):
// the DPO's view and redaction saves read the snapshot by the request's key and never send a command to the
// cases or the stores gathered from; "Gather again" keeps decisions on items still held, flags new items and
// is audited; after export the snapshot is frozen (409 with the reason); erasing the person's case takes
// their data out of the snapshot, and once they were answered the request keeps no personal data.
import type { CommandStartedEvent } from 'mongodb';
import { MongoSarSnapshotRepository } from '../../../server/src/adapters/mongo/sar-snapshot.repository';
import type { CaseRecord, SectionState } from '../../../server/src/domain/cases/case-record';
import { normaliseName } from '../../../server/src/domain/cases/person-identity';
import { eraseCase } from '../../../server/src/application/retention/erase-case';
import { eraseSarDataOfCase } from '../../../server/src/application/sar/erase-sar-data-of-case';
import { caseErasureDeps } from '../../../server/src/main/modules/case-erasure';
import { demoSessions, until } from '../../support/demo-sessions';
import { filterKeys } from '../../support/monitored-connection';
import { startTestSystem } from '../../support/system';
import { testDbUri } from '../../support/test-db';

const AT = '2026-11-01T09:00:00.000Z';
const section = (values: Record<string, unknown>, fields: Record<string, string>, collections?: SectionState['collections']): SectionState =>
  ({ values, revision: 0, updatedAt: AT, updatedBy: 'cara.case', sources: {}, labels: { fields }, ...(collections ? { collections } : {}) });
const kase = (id: string, given: string, family: string, dob: string, extra: CaseRecord['sections'] = {}): CaseRecord => ({
  id, team: 'north', status: 'open', createdAt: AT, createdBy: 'cara.case',
  identity: { nameKey: `${normaliseName(given)}|${normaliseName(family)}`, dateOfBirth: dob, displayName: `${given} ${family}` },
  sections: { personal: section({ givenName: given, familyName: family, dateOfBirth: dob }, { givenName: 'Given name', familyName: 'Family name', dateOfBirth: 'Date of birth' }), ...extra },
});
/** Collections the gather reads: a view or a decision must read none of them (its own audit event is written). */
const GATHERED_FROM = ['cases', 'case_amendments', 'form_submissions', 'tasks', 'escalation_outbox', 'audit_events'];
const READS = ['find', 'aggregate', 'count', 'distinct', 'getMore'];
const collectionOf = (e: CommandStartedEvent) => (typeof e.command[e.commandName] === 'string' ? String(e.command[e.commandName]) : '');

describe('Subject access requests work from the gathered snapshot (real FerretDB)', () => {
  let system: Awaited<ReturnType<typeof startTestSystem>>;
  const api = demoSessions(() => system.url);
  const commands: CommandStartedEvent[] = [];
  const engine = () => system.modules.workflow.engine;
  const snapshots = () => new MongoSarSnapshotRepository(system.conn);

  beforeAll(async () => {
    // The product's own connection, with command monitoring on (a connection-string option).
    system = await startTestSystem({ MONGODB_URI: `${testDbUri().replace(/\/?$/, '/')}?monitorCommands=true` });
    system.conn.getClient().on('commandStarted', (e) => commands.push(e));
    await api.signIn('dee.dpo');
    const cases = system.modules.tasks.cases;
    for (const [id, given, family] of [['snap-own', 'Robin', 'Snapshot'], ['snap-two', 'Kit', 'Gather'], ['snap-three', 'Ash', 'Erase']]) {
      await cases.create(kase(id, given, family, '2010-03-04', {
        victims: section({}, {}, { victims: [{ id: 'v1', label: 'Victim 1', values: { victimName: 'Pat Other' }, sources: {} }] }),
      }), []);
    }
    // Ash Erase is also named as a victim on someone else's case: that case is still held after Ash's is erased.
    await cases.create(kase('snap-other', 'Sky', 'Other', '2009-01-01', {
      victims: section({}, {}, { victims: [{ id: 'v9', label: 'Victim 1', values: { victimName: 'Ash Erase' }, sources: {} }] }),
    }), []);
    for (let i = 0; i < 30; i++) await cases.create(kase(`snap-unrelated-${i}`, 'Alex', `Nobody${i}`, '2011-01-01'), []);
    await system.conn.collection('form_submissions').insertMany(['snap-own', 'snap-two'].map((caseId, i) => ({
      _id: `snap-sub-${i}` as never, formId: 'plan-review', version: 1, data: { reviewNotes: 'First review' }, submittedBy: 'cara.case', submittedAt: AT, caseId,
    })));
  }, 120_000);
  afterAll(() => system?.close());

  async function complete(key: string, elementId: string, variables: Record<string, unknown>) {
    const task = await until(elementId, async () => (await engine().listUserTasks({ instanceKey: key, state: 'open' })).find((t) => t.elementId === elementId));
    await engine().completeUserTask(task.key, variables, { by: 'dee.dpo' });
  }
  /** Records the request, checks the identity, and waits for the process's gather step to keep the snapshot. */
  async function gathered(givenName: string, familyName: string) {
    const key = (await api.call('dee.dpo', 'POST', '/sar', { receivedOn: '2026-11-20', requesterName: `${givenName} ${familyName}`, requesterRelationship: 'self', subject: { givenName, familyName, otherNames: [], dateOfBirth: '2010-03-04' } })).body.key as string;
    expect((await api.call('dee.dpo', 'GET', `/sar/${key}`)).body.gathered).toBeUndefined(); // nothing before the identity check
    await complete(key, 'verifyIdentity', { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport' });
    await until('gathered', async () => ((await api.call('dee.dpo', 'GET', `/sar/${key}`)).body.gathered ? true : undefined));
    return key;
  }
  /** The process moves on after the gather (its next task is created, projections written) while the test
   * reads: wait until nothing has touched the gathered-from stores for 300 ms, so what follows is the view's. */
  async function atRest() {
    for (let i = 0; i < 40; i++) {
      const seen = commands.length;
      await new Promise((r) => setTimeout(r, 300));
      if (!commands.slice(seen).some((e) => GATHERED_FROM.includes(collectionOf(e)))) return;
    }
  }
  const view = async (key: string) => (await api.call('dee.dpo', 'GET', `/sar/${key}`)).body;

  test('a view and a redaction save read the snapshot by the request key only: no command reaches the cases or any store gathered from', async () => {
    const key = await gathered('Robin', 'Snapshot');
    await atRest();
    commands.length = 0;
    const body = await view(key);
    expect(body.gathered).toMatchObject({ by: 'Automatically, when the request reached gathering', at: expect.stringMatching(/^\d{4}-\d{2}-\d{2}T/) });
    expect(body.items.find((i: { id: string }) => i.id === 'snap-own/victims/victims/v1')).toMatchObject({ source: 'Case record', thirdParty: true, decision: 'withhold' });
    const saved = await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [{ itemId: 'snap-own/victims/victims/v1', decision: 'withhold', reason: 'The victim has not agreed' }] });
    expect(saved.status).toBe(200);
    // Decisions survive a reload.
    expect((await view(key)).items.find((i: { id: string }) => i.id === 'snap-own/victims/victims/v1')).toMatchObject({ decidedByDpo: true, reason: 'The victim has not agreed' });
    const touched = commands.filter((e) => READS.includes(e.commandName) && GATHERED_FROM.includes(collectionOf(e)));
    expect(touched.map((e) => `${e.commandName} ${collectionOf(e)}`)).toEqual([]);
    const snapshotReads = commands.filter((e) => collectionOf(e).startsWith('sar_snapshot'));
    expect(snapshotReads.length).toBeGreaterThan(0);
    expect([...new Set(snapshotReads.map((e) => `${e.commandName} ${collectionOf(e)} {${filterKeys(e)}}`))]).toEqual(['find sar_snapshots {_id}', 'find sar_snapshot_items {_id}']);
  }, 120_000);

  test('gather again needs a reason, keeps decisions on items still held, drops those on items gone, flags new items, and is audited', async () => {
    const key = await gathered('Kit', 'Gather');
    const decided = await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [
      { itemId: 'snap-two/victims/victims/v1', decision: 'withhold', reason: 'The victim has not agreed' },
      { itemId: 'snap-two/submission/snap-sub-1', decision: 'disclose', reason: 'Their own review' },
    ] });
    expect(decided.status).toBe(200);
    // New information arrives and one submission is withdrawn before approval.
    await system.conn.collection('form_submissions').deleteOne({ _id: 'snap-sub-1' as never });
    await system.conn.collection('form_submissions').insertOne({ _id: 'snap-sub-new' as never, formId: 'plan-review', version: 1, data: { reviewNotes: 'A new review' }, submittedBy: 'cara.case', submittedAt: AT, caseId: 'snap-two' });
    const before = await view(key);
    expect(before.items.some((i: { id: string }) => i.id === 'snap-two/submission/snap-sub-new')).toBe(false); // the snapshot, not the cases

    const noReason = await api.call('dee.dpo', 'POST', `/sar/${key}/gather-again`, {});
    expect([noReason.status, noReason.body.errors]).toEqual([422, { reason: expect.any(String) }]);
    const hostile = await api.call('dee.dpo', 'POST', `/sar/${key}/gather-again`, { reason: 'x', extra: 1 });
    expect(hostile.status).toBe(422);
    expect((await snapshots().head(key))!.generation).toBe(1);

    const again = await api.call('dee.dpo', 'POST', `/sar/${key}/gather-again`, { reason: 'A new plan review arrived' });
    expect(again.status).toBe(200);
    expect(again.body).toMatchObject({ decisionsKept: 1, decisionsDropped: 1, gathered: { newItems: 1, by: expect.stringContaining('Dee'), previousAt: before.gathered.at } });
    const after = await view(key);
    expect(after.items.find((i: { id: string }) => i.id === 'snap-two/submission/snap-sub-new')).toMatchObject({ isNew: true, source: 'Form submission' });
    expect(after.items.find((i: { id: string }) => i.id === 'snap-two/victims/victims/v1')).toMatchObject({ isNew: false, decidedByDpo: true, reason: 'The victim has not agreed' });
    expect(after.items.some((i: { id: string }) => i.id === 'snap-two/submission/snap-sub-1')).toBe(false);
    expect(after.request.decisions.map((d: { itemId: string }) => d.itemId)).toEqual(['snap-two/victims/victims/v1']);
    const audit = await system.modules.security.audit.search({ action: 'sar.gather-again', recordId: key }, { offset: 0, limit: 5 });
    expect(audit.items.map((e) => [e.reason, e.after])).toEqual([['A new plan review arrived', expect.objectContaining({ newItems: 1, decisionsKept: 1, decisionsDropped: 1 })]]);
  }, 120_000);

  test('after approval and export the snapshot is frozen: gathering again and changing decisions are refused with the reason', async () => {
    const key = await gathered('Kit', 'Gather');
    await complete(key, 'gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await complete(key, 'reviewRedactions', { redactionsReviewed: true });
    await complete(key, 'approveDisclosure', { sarApproved: true });
    await until('approved', async () => ((await view(key)).request.approved ? true : undefined));
    const exported = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    expect((await view(key)).gathered.frozenAt).toEqual(expect.any(String));
    const refused = await api.call('dee.dpo', 'POST', `/sar/${key}/gather-again`, { reason: 'Late letter' });
    expect([refused.status, refused.body.error.code, refused.body.error.message]).toEqual([409, 'SAR_GATHER_REFUSED', expect.stringContaining('approved or exported')]);
    expect((await snapshots().head(key))!.generation).toBe(1);
  }, 120_000);

  test('a request approved before snapshots existed is gathered once at its export, and frozen by it', async () => {
    const key = await gathered('Robin', 'Snapshot');
    await complete(key, 'gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await complete(key, 'reviewRedactions', { redactionsReviewed: true });
    await complete(key, 'approveDisclosure', { sarApproved: true });
    await until('approved', async () => ((await view(key)).request.approved ? true : undefined));
    await system.conn.collection('sar_snapshots').deleteOne({ _id: key as never }); // as a request of the release before
    expect((await view(key)).gathered).toBeUndefined();
    const exported = await fetch(`${system.url}/api/sar/${key}/export`, { headers: { cookie: api.sessions.get('dee.dpo')!.cookie } });
    expect(exported.status).toBe(200);
    await exported.arrayBuffer();
    expect((await view(key)).gathered).toMatchObject({ by: expect.stringContaining('At the export'), frozenAt: expect.any(String) });
    expect((await view(key)).items.some((i: { id: string }) => i.id === 'snap-own/personal/givenName')).toBe(true);
  }, 120_000);

  test('a cancelled request\'s gathered copy is deleted at once, its decision record kept', async () => {
    const key = await gathered('Kit', 'Gather');
    await engine().cancelInstance(key); // as a manager does from the monitor
    const head = await until('dropped', async () => ((await snapshots().head(key))?.droppedAt ? snapshots().head(key) : undefined));
    expect([head!.droppedBecause, head!.itemCount > 0]).toEqual(['The request was cancelled', true]);
    expect(JSON.stringify(await system.conn.collection('sar_snapshot_items').find({ _id: { $regex: `^${key}:${head!.generation}:` } as never }).toArray())).not.toContain('Kit');
  }, 120_000);

  test('erasing the person\'s case takes their data out of the snapshot; once answered, the request keeps no personal data', async () => {
    const key = await gathered('Ash', 'Erase');
    expect((await view(key)).matches.map((m: { caseId: string; role: string }) => [m.caseId, m.role])).toEqual([['snap-three', 'subject'], ['snap-other', 'victim']]);
    await api.call('dee.dpo', 'PUT', `/sar/${key}/redactions`, { decisions: [{ itemId: 'snap-three/victims/victims/v1', decision: 'withhold', reason: 'Pat Other has not agreed' }] });
    await complete(key, 'gatherRecords', { recordsGatheredOn: '2026-11-21', sarExtend: false });
    await complete(key, 'reviewRedactions', { redactionsReviewed: true, redactionNotes: 'Ash asked about Pat' });
    await complete(key, 'approveDisclosure', { sarApproved: true });
    await complete(key, 'sendResponse', { responseSentOn: '2026-11-25', responseSentBy: 'post' });
    await until('sent', async () => ((await engine().getInstance(key))?.activeElementIds.includes('keepGatheredCopy') ? true : undefined));

    const sarEraser = { eraseOfCase: (caseId: string) => eraseSarDataOfCase({ engine: engine(), snapshots: snapshots(), audit: system.modules.security.audit, now: () => new Date() }, caseId) };
    const deps = caseErasureDeps({ ...system.modules, clock: { now: () => new Date() }, others: [sarEraser] }, { holdsOnCase: async () => [] });
    await eraseCase(deps, { caseId: 'snap-three', rule: 'test', approvedBy: 'dan.data' });

    const after = await view(key);
    expect([after.request.erased, after.request.subject.givenName, after.request.requesterName, after.items, after.matches, after.gathered.droppedBecause])
      .toEqual([expect.any(String), 'Erased', '', [], [], "The person's records were erased"]);
    // Nothing of the person or the other people named is left in the request or its snapshot.
    const instance = JSON.stringify((await engine().getInstance(key))!.variables);
    const stored = JSON.stringify([await system.conn.collection('sar_snapshots').find({}).toArray(), await system.conn.collection('sar_snapshot_items').find({}).toArray()]);
    for (const needle of ['Ash', '"Erase"', 'Pat Other', 'passport', '2010-03-04']) expect([needle, instance.includes(needle)]).toEqual([needle, false]);
    expect(stored.includes('Ash Erase')).toBe(false);
    expect(stored.includes('snap-three/')).toBe(false);
    expect((await engine().getInstance(key))!.variables.sarDecisionCounts).toEqual({ disclosed: 0, withheld: 1 });
  }, 120_000);
});
