// Subject access requests (UK GDPR Art 12(3), Art 15; ICO right of access guidance): one calendar month from
// receipt — or from identity verification when proof had to be asked for — extendable by up to two further
// months where complex or numerous, the requester told with the reasons within the first month. The SAR is
// the DPO's own work: no case, tasks offered to the dpo group.
import { MongoSarSnapshotRepository } from '../../../server/src/adapters/mongo/sar-snapshot.repository';
import { GATHERED_AUTOMATICALLY } from '../../../server/src/application/sar/gather-sar-snapshot';
import { processHarness, type ProcessHarness } from './support/process-harness';

const REQUEST = { receivedOn: '2026-11-23', requesterName: 'Alex Example', subject: { givenName: 'Alex', familyName: 'Example', dateOfBirth: '2010-05-01' } };
const IDENTITY = { requesterRelationship: 'self', childCompetent: 'yes', identityVerified: true, identityEvidence: 'passport seen' };

describe('Feature: subject access request', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());
  const start = () => h.start('subject-access-request', REQUEST);

  test('Given a request received on 23 November with identity verified on receipt, the response is due one calendar month later, and the DPO alone works it', async () => {
    const i = await start();
    const check = await h.task(i, 'verifyIdentity');
    expect([check.candidateGroups, check.dueDate]).toEqual([['dpo'], '2026-12-23T17:00:00.000Z']);
    expect((await h.vars(i)).caseId).toBeUndefined();
    await h.complete(i, 'verifyIdentity', IDENTITY);
    const gather = await h.task(i, 'gatherRecords');
    expect([gather.candidateGroups, gather.dueDate]).toEqual([['dpo'], '2026-12-23T17:00:00.000Z']);
    await h.complete(i, 'gatherRecords', { recordsGatheredOn: '2026-11-25', sarExtend: false });
    expect((await h.task(i, 'reviewRedactions')).dueDate).toBe('2026-12-23T17:00:00.000Z');
    await h.complete(i, 'reviewRedactions', { redactionsReviewed: true });
    await h.complete(i, 'approveDisclosure', { sarApproved: true });
    await h.complete(i, 'sendResponse', { responseSentOn: '2026-12-01', responseSentBy: 'secure-email' });
    // Sent: the gathered copy is kept for its own retention (subjectAccessGatheredCopy), then deleted.
    expect([await h.state(i), (await h.engine.getInstance(i))?.activeElementIds]).toEqual(['active', ['keepGatheredCopy']]);
    expect((await h.vars(i)).deadlines).toMatchObject({ sarGatheredCopy: '2027-05-30T16:00:00.000Z' }); // 17:00 in London, summer time
  });

  test('When proof of identity had to be asked for, the month runs from the day it was verified', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', { ...IDENTITY, identityVerifiedOn: '2026-11-30' });
    expect((await h.task(i, 'gatherRecords')).dueDate).toBe('2026-12-30T17:00:00.000Z');
  });

  test('An identity that cannot be verified ends the request: no records are gathered', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', { ...IDENTITY, identityVerified: false });
    expect([await h.state(i), await h.openTasks(i)]).toEqual(['completed', []]);
  });

  test('The right is the child\'s: a parent asking for a child who has competence does not proceed; for a child who lacks it, it does', async () => {
    const competent = await start();
    await h.complete(competent, 'verifyIdentity', { ...IDENTITY, requesterRelationship: 'parent-for-child', childCompetent: 'yes' });
    expect([await h.state(competent), await h.openTasks(competent)]).toEqual(['completed', []]);
    const lacking = await start();
    await h.complete(lacking, 'verifyIdentity', { ...IDENTITY, requesterRelationship: 'parent-for-child', childCompetent: 'no' });
    expect(await h.openTasks(lacking)).toEqual(['gatherRecords']);
  });

  test('A complex request is extended by two further months when the requester is told within the first month', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', IDENTITY);
    await h.complete(i, 'gatherRecords', {
      recordsGatheredOn: '2026-12-10', sarExtend: true, extensionReason: 'records across four cases and 300 submissions', requesterToldOn: '2026-12-15',
    });
    expect((await h.task(i, 'reviewRedactions')).dueDate).toBe('2027-02-23T17:00:00.000Z');
  });

  test('An extension told after the first month is not applied: the original deadline stands', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', IDENTITY);
    await h.complete(i, 'gatherRecords', { recordsGatheredOn: '2026-12-10', sarExtend: true, extensionReason: 'numerous', requesterToldOn: '2026-12-24' });
    expect((await h.task(i, 'reviewRedactions')).dueDate).toBe('2026-12-23T17:00:00.000Z');
  });

  test('A disclosure not approved goes back to the redaction review', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', IDENTITY);
    await h.complete(i, 'gatherRecords', { recordsGatheredOn: '2026-11-25', sarExtend: false });
    await h.complete(i, 'reviewRedactions', { redactionsReviewed: true });
    await h.complete(i, 'approveDisclosure', { sarApproved: false, approvalNotes: 'withhold the victim statement' });
    expect(await h.openTasks(i)).toEqual(['reviewRedactions']);
  });

  test('Records not gathered in time: the DPO is reminded before the deadline, and the manager emailed once it is overdue', async () => {
    const i = await start();
    await h.complete(i, 'verifyIdentity', IDENTITY);
    await h.at('2026-12-22T09:00:00Z');
    expect(h.emailsFor(i)).toEqual(['reminder:subjectAccessRequest']);
    await h.at('2027-01-05T09:00:00Z');
    expect(h.emailsFor(i)).toEqual(['reminder:subjectAccessRequest', 'manager:subjectAccessRequest']);
    expect(await h.openTasks(i)).toEqual(['gatherRecords']);
  });

  test('The records are gathered once when the request reaches gathering; 180 days after the response the gathered copy is deleted, the decision record kept, and the request closes', async () => {
    const snapshots = new MongoSarSnapshotRepository(h.conn);
    const i = await start();
    expect(await snapshots.head(i)).toBeUndefined(); // nothing is gathered before the identity is checked
    await h.complete(i, 'verifyIdentity', IDENTITY);
    const gathered = await snapshots.head(i);
    expect(gathered).toMatchObject({ generation: 1, gatheredAt: h.clock.now().toISOString(), gatheredBy: GATHERED_AUTOMATICALLY, matches: [], itemCount: 0 });
    expect((await h.vars(i)).sarGatheredAt).toBe(gathered!.gatheredAt);
    await h.complete(i, 'gatherRecords', { recordsGatheredOn: '2027-01-05', sarExtend: false });
    expect((await snapshots.head(i))!.generation).toBe(1); // passing through the steps never gathers again
    await h.complete(i, 'reviewRedactions', { redactionsReviewed: true });
    await h.complete(i, 'approveDisclosure', { sarApproved: true });
    await h.complete(i, 'sendResponse', { responseSentOn: '2027-01-05', responseSentBy: 'post' });
    await h.at('2027-07-03T09:00:00Z');
    expect([await h.state(i), (await snapshots.head(i))!.droppedAt]).toEqual(['active', undefined]);
    await h.at('2027-07-05T09:00:00Z'); // 180 calendar days after 5 January: 4 July
    expect(await h.state(i)).toBe('completed');
    expect(await snapshots.head(i)).toMatchObject({ droppedAt: '2027-07-05T09:00:00.000Z', droppedBecause: expect.stringContaining('retention') });
  });
});
