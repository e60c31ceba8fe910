// Transfers between youth justice services (gov.uk case management guidance, "Case responsibility": the home
// service keeps responsibility until the receiving service accepts; a host service may supervise for a set
// period). transferDecision (10 WD) is a local default: no national figure was found.
import { processHarness, type ProcessHarness } from './support/process-harness';

const REQUEST = {
  sendingService: { id: 'ag1', name: 'Northshire YJS', contact: 'duty@northshire' }, moveReason: 'family', requestReceivedOn: '2026-11-23',
  transferredWork: 'court-order', order: { id: 'o1', type: 'yro', madeOn: '2026-09-01' }, transferDecisionReasons: 'stable address confirmed',
};

describe('Feature: transfer in', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());
  const start = (caseId: string) => h.start('transfer-in', { caseId, referralReceivedAt: '2026-11-23T09:00:00Z' });

  test('The team manager decides within 10 WD (local); accepted: records requested, then a case manager allocated and the transferred YRO supervised here', async () => {
    const i = await start('ti-1');
    const decide = await h.task(i, 'decideTransferIn');
    expect([decide.candidateGroups, decide.dueDate]).toEqual([['team-managers'], '2026-12-07T17:00:00.000Z']);
    await h.complete(i, 'decideTransferIn', { ...REQUEST, transferInDecision: 'accepted' });
    await h.complete(i, 'requestRecords', { recordsRequestedOn: '2026-11-24', recordsReceivedOn: '2026-11-26', recordsReceived: ['assetplus', 'order'] });
    expect(await h.openTasks(i)).toEqual(['allocateTransferIn']);
    await h.complete(i, 'allocateTransferIn', { caseManager: 'cm1', transferredOn: '2026-11-30', firstAppointmentOn: '2026-11-30' });

    // The order's supervision starts here, part-way through the order: its forms amend the transferred order
    // item (o1), and the plan is counted from the day this service took over, not from the order's start in
    // September (which the sending service covered).
    const yro = (await h.engine.listInstances({ processId: 'yro-supervision', limit: 1000 })).items.find((x) => x.parentKey === i);
    expect(yro).toBeDefined();
    expect(await h.vars(yro!.key)).toMatchObject({ order: { id: 'o1', type: 'yro' }, orderMadeAt: '2026-09-01', transferredAt: '2026-11-30' });
    expect(await h.openTasks(yro!.key)).toEqual(['recordOrder']);
    await h.complete(yro!.key, 'recordOrder', { order: { id: 'o1', type: 'yro', madeOn: '2026-09-01', start: '2026-09-01', end: '2027-08-31', requirements: ['supervision'] } });
    const plan = await h.task(yro!.key, 'initialPlan'); // no assessment running here: the receiving service assesses and plans
    expect(plan.dueDate).toBe('2026-12-21T17:00:00.000Z'); // 15 WD from Mon 30 Nov
    expect(await h.state(i)).toBe('active'); // the transfer ends when the transferred order does
  });

  test('A transferred referral order cannot start its process mid-way (the initial panel was held): the case manager is told which process to start', async () => {
    const i = await start('ti-5');
    await h.complete(i, 'decideTransferIn', { ...REQUEST, order: { id: 'o5', type: 'referral-order', madeOn: '2026-10-01' }, transferInDecision: 'accepted' });
    await h.complete(i, 'requestRecords', { recordsRequestedOn: '2026-11-24', recordsReceivedOn: '2026-11-26', recordsReceived: ['order'] });
    await h.at('2026-11-30T09:00:00Z');
    await h.complete(i, 'allocateTransferIn', { caseManager: 'cm1', transferredOn: '2026-11-30', firstAppointmentOn: '2026-12-01' });
    const task = await h.task(i, 'startTransferredWork');
    expect([task.formId, task.candidateGroups, task.dueDate]).toEqual(['transfer-in-start-work', ['case-managers'], '2026-12-07T17:00:00.000Z']); // 5 WD (local) from allocation
    expect((await h.engine.listInstances({ processId: 'referral-order', limit: 1000 })).items.filter((x) => x.caseId === 'ti-5')).toEqual([]);
    await h.complete(i, 'startTransferredWork', { transferredWorkProcess: 'referral-order', transferredWorkStage: 'initial panel held 15 October, contract agreed' });
    expect(await h.state(i)).toBe('completed');
  });

  test('Transferred out-of-court work also goes to the case manager to start its process', async () => {
    const i = await start('ti-6');
    const { order: _transferredOrder, ...notAnOrder } = REQUEST; // out-of-court work is not an order item
    await h.complete(i, 'decideTransferIn', { ...notAnOrder, transferredWork: 'out-of-court', transferInDecision: 'accepted' });
    await h.complete(i, 'requestRecords', { recordsRequestedOn: '2026-11-24', recordsReceivedOn: '2026-11-26', recordsReceived: ['assetplus'] });
    await h.complete(i, 'allocateTransferIn', { caseManager: 'cm1', transferredOn: '2026-11-26', firstAppointmentOn: '2026-11-30' });
    expect(await h.openTasks(i)).toEqual(['startTransferredWork']);
  });

  test('Declined: nothing more here (the sending service keeps the case)', async () => {
    const i = await start('ti-2');
    await h.complete(i, 'decideTransferIn', { ...REQUEST, transferInDecision: 'declined' });
    expect(await h.state(i)).toBe('completed');
  });

  test('Host supervision is accepted work too: the records are requested', async () => {
    const i = await start('ti-3');
    await h.complete(i, 'decideTransferIn', { ...REQUEST, transferInDecision: 'host' });
    expect(await h.openTasks(i)).toEqual(['requestRecords']);
  });

  test('No decision by the deadline: the team manager is emailed', async () => {
    const i = await start('ti-4');
    await h.at('2026-12-09T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['manager:transferDecision']);
    expect(await h.openTasks(i)).toEqual(['decideTransferIn']);
  });
});

describe('Feature: transfer out', () => {
  let h: ProcessHarness;
  beforeAll(async () => { h = await processHarness('2026-11-23T09:00:00Z'); });
  afterAll(() => h.close());

  async function toDecision(caseId: string) {
    await h.cases.create({
      id: caseId, team: 'east', status: 'open', createdAt: '2026-11-01T09:00:00Z', createdBy: 'tester',
      identity: { nameKey: `child ${caseId}`, dateOfBirth: '2010-05-01', displayName: `Child ${caseId}` }, sections: {},
    }, []);
    const i = await h.start('transfer-out', { caseId });
    await h.complete(i, 'notifyReceiving', {
      receivingService: { name: 'Southshire YJS', contact: 'duty@southshire' }, moveDate: '2026-12-01', newAddressNotes: 'Southshire', receivingNotifiedOn: '2026-11-23',
    });
    await h.complete(i, 'shareRecords', { recordsSharedOn: '2026-11-24', recordsShared: ['assetplus'], sharingRoute: 'secure email' });
    return i;
  }

  test('Notify, share the records, and keep supervising until the receiving service accepts; then hand over and close the case here', async () => {
    const i = await toDecision('to-1');
    const decision = await h.task(i, 'recordReceivingDecision');
    expect(decision.dueDate).toBe('2026-12-07T17:00:00.000Z');
    await h.complete(i, 'recordReceivingDecision', { receivingDecision: 'accepted', receivingDecisionOn: '2026-11-30' });
    expect(await h.openTasks(i)).toEqual(['handover']);
    await h.complete(i, 'handover', { responsibilityPassedOn: '2026-12-01', handoverTold: ['child', 'victim-worker'] });
    expect((await h.engine.getInstance(i))?.activeElementIds).toEqual(['closeCase']);
    const [closure] = (await h.engine.listInstances({ processId: 'case-closure', limit: 100 })).items.filter((x) => x.parentKey === i);
    // the closure goes straight to the end-of-intervention data: nothing else runs on the case
    expect((await h.openTasks(closure.key)).filter((t) => ['healthData', 'endData'].includes(t))).not.toEqual([]);
  });

  test('Declined or host only: no handover, responsibility stays here', async () => {
    for (const [caseId, receivingDecision] of [['to-2', 'declined'], ['to-3', 'host']]) {
      const i = await toDecision(caseId);
      await h.complete(i, 'recordReceivingDecision', { receivingDecision, receivingDecisionOn: '2026-11-30' });
      expect([caseId, await h.state(i)]).toEqual([caseId, 'completed']);
      expect((await h.engine.listUserTasks({ instanceKey: i })).map((t) => t.elementId)).not.toContain('handover');
    }
  });

  test('No decision from the receiving service by the deadline: the team manager is emailed, supervision continues', async () => {
    const i = await toDecision('to-4');
    await h.at('2026-12-09T17:00:00Z');
    expect(h.emailsFor(i)).toEqual(['manager:transferDecision']);
    expect(await h.openTasks(i)).toEqual(['recordReceivingDecision']);
  });
});
