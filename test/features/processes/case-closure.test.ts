import { processHarness, type ProcessHarness } from './support/process-harness';

// Closing a case: end-of-intervention data (YJB KPIs), a manager's confirmation, the case record closed,
// "intervention-ended" announced to victim contact; other running work is cancelled (plan review) or left
// to hear the end (victim contact), and anything else blocks the closure until a person deals with it.
const STAND_IN = `<?xml version="1.0" encoding="UTF-8"?>
<bpmn:definitions xmlns:bpmn="http://www.omg.org/spec/BPMN/20100524/MODEL" xmlns:zeebe="http://camunda.org/schema/zeebe/1.0" id="d" targetNamespace="t">
  <bpmn:process id="open-order-stand-in" isExecutable="true">
    <bpmn:startEvent id="s"><bpmn:outgoing>f1</bpmn:outgoing></bpmn:startEvent>
    <bpmn:intermediateCatchEvent id="w"><bpmn:incoming>f1</bpmn:incoming><bpmn:outgoing>f2</bpmn:outgoing><bpmn:messageEventDefinition messageRef="m" /></bpmn:intermediateCatchEvent>
    <bpmn:endEvent id="e"><bpmn:incoming>f2</bpmn:incoming></bpmn:endEvent>
    <bpmn:sequenceFlow id="f1" sourceRef="s" targetRef="w" /><bpmn:sequenceFlow id="f2" sourceRef="w" targetRef="e" />
  </bpmn:process>
  <bpmn:message id="m" name="order-ended"><bpmn:extensionElements><zeebe:subscription correlationKey="=caseId" /></bpmn:extensionElements></bpmn:message>
</bpmn:definitions>`;

const END_DATA = {
  closureDate: '2027-01-15', closureReason: 'orderCompleted',
  accommodationAtEnd: 'family', accommodationSuitableAtEnd: 'yes',
  eteStatusAtEnd: 'college', eteHoursOfferedAtEnd: 16, eteHoursAttendedAtEnd: 14, eteSuitableAtEnd: 'yes',
  sendNeedIdentified: 'yes', sendPlanInPlace: 'ehcp', oocdCompletedAtEnd: 'notApplicable',
};
// Health facts are a health worker's to record (case managers cannot write the Health section).
const HEALTH = { mentalHealthNeedIdentified: 'yes', mentalHealthInterventionPlanned: 'yes', mentalHealthAttending: 'yes', substanceMisuseNeedIdentified: 'no' };

describe('Feature: case closure', () => {
  let h: ProcessHarness;
  beforeAll(async () => {
    h = await processHarness('2026-11-23T09:00:00Z');
    await h.engine.deploy([{ name: 'open-order-stand-in.bpmn', content: STAND_IN }]);
  });
  afterAll(() => h.close());

  const openCase = (id: string) => h.cases.create({
    id, team: 'east', status: 'open', createdAt: '2026-11-01T09:00:00Z', createdBy: 'tester',
    identity: { nameKey: `child ${id}`, dateOfBirth: '2010-05-01', displayName: `Child ${id}` }, sections: {},
  }, []);
  const status = async (id: string) => (await h.cases.findById(id))?.status;

  test('Given a plan review and victim contact on a case, when the review closes the intervention and a manager confirms, the case is closed and victim contact hears intervention-ended', async () => {
    await openCase('cc-1');
    const victim = await h.start('victim-contact', { caseId: 'cc-1', victimId: 'v1', detailsReceivedAt: '2026-11-23T09:00:00Z', victimObjected: false, enhancedRights: false });
    // Victim contact (issue 16): RJ suitability is decided before contact; the victim wants updates only.
    await h.complete(victim, 'suitability', { victim: { id: 'v1', rjDecision: 'not-suitable', suitabilityReasons: 'victim prefers updates only' } });
    await h.complete(victim, 'contactInfo', { victimContact: { contactDate: '2026-11-24', contactMethod: 'phone', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes' } });
    const review = await h.start('plan-review', { caseId: 'cc-1' });
    await h.engine.publishMessage('significant-change', 'cc-1', { changeSummary: 'order completed early' });
    await h.at('2026-11-23T09:00:00Z');
    await h.complete(review, 'review', { reviewDate: '2026-11-23', reviewReason: 'significantChange', whatChanged: 'order complete', progress: 'good', reviewOutcome: 'close' });

    // The closure runs as the review's call: victim contact (still keeping the victim informed) does not block it.
    const closure = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'case-closure');
    expect(closure?.elementId).toBe('healthData');
    expect(closure?.candidateGroups).toEqual(['health-workers']);
    expect((await h.vars(closure!.instanceKey)).openWork).toEqual({ blocking: [], toCancel: [], awaitingEnd: ['victim-contact'] });
    await h.complete(closure!.instanceKey, 'healthData', HEALTH);
    await h.complete(closure!.instanceKey, 'endData', END_DATA);
    expect(await status('cc-1')).toBe('open'); // not before the manager confirms
    expect((await h.task(closure!.instanceKey, 'confirm')).candidateGroups).toEqual(['team-managers']);
    await h.complete(closure!.instanceKey, 'confirm', { closureDecision: 'confirm' });

    expect(await status('cc-1')).toBe('closed');
    expect(await h.state(closure!.instanceKey)).toBe('completed');
    expect(await h.state(review)).toBe('completed');
    // Victim contact waits for the end while the victim is in contact: the pending update gives way to telling them.
    expect(await h.openTasks(victim)).toEqual(['notifyEnd']);
    expect((await h.vars(victim)).closureReason).toBe('orderCompleted');
  });

  test('Closing cancels the plan review cycle, recording why on it', async () => {
    await openCase('cc-2');
    const review = await h.start('plan-review', { caseId: 'cc-2' });
    const closure = await h.start('case-closure', { caseId: 'cc-2' });
    expect((await h.vars(closure)).openWork).toEqual({ blocking: [], toCancel: ['plan-review'], awaitingEnd: [] });
    expect(await h.state(review)).toBe('active'); // nothing is cancelled before the manager confirms
    await h.complete(closure, 'healthData', HEALTH);
    await h.complete(closure, 'endData', { ...END_DATA, closureReason: 'transferredOut' });
    await h.complete(closure, 'confirm', { closureDecision: 'confirm' });
    expect(await h.state(review)).toBe('cancelled');
    expect((await h.vars(review)).cancelledAtClosure).toMatchObject({ reason: 'Case closed: transferredOut', closureInstanceKey: closure });
    expect(await status('cc-2')).toBe('closed');
  });

  test('Other open work (e.g. an order) refuses the closure until it is finished; the case manager may keep the case open', async () => {
    await openCase('cc-3');
    const order = (await h.engine.startInstance('open-order-stand-in', { caseId: 'cc-3' })).instanceKey;
    const closure = await h.start('case-closure', { caseId: 'cc-3' });
    expect(await h.openTasks(closure)).toEqual(['resolveWork']);
    expect((await h.vars(closure)).openWork).toMatchObject({ blocking: ['open-order-stand-in'] });

    await h.complete(closure, 'resolveWork', { openWorkAction: 'recheck', openWorkNotes: 'thought it had ended' });
    expect(await h.openTasks(closure)).toEqual(['resolveWork']); // still open: refused again
    await h.engine.publishMessage('order-ended', 'cc-3', {});
    expect(await h.state(order)).toBe('completed');
    await h.complete(closure, 'resolveWork', { openWorkAction: 'recheck', openWorkNotes: 'order ended' });
    expect(await h.openTasks(closure)).toEqual(['healthData']);
    await h.complete(closure, 'healthData', HEALTH);

    // A new order is made while the closure is being recorded.
    await h.engine.startInstance('open-order-stand-in', { caseId: 'cc-3' });
    await h.complete(closure, 'endData', END_DATA);
    await h.complete(closure, 'confirm', { closureDecision: 'confirm' });
    expect(await h.openTasks(closure)).toEqual(['resolveWork']); // the close step refused: work opened meanwhile
    expect((await h.vars(closure)).openWork).toMatchObject({ blocking: ['open-order-stand-in'] }); // what the form lists
    expect(await status('cc-3')).toBe('open');
    await h.complete(closure, 'resolveWork', { openWorkAction: 'withdraw', openWorkNotes: 'new order made' });
    expect(await h.state(closure)).toBe('completed');
    expect(await status('cc-3')).toBe('open');
  });

  test('Given three victims of one case, when the case closes, every victim is told: one intervention-ended per victim, keyed by the victim, kept for those contacted later', async () => {
    // Two victims recorded on the case (items of victims.victims) whose contact has not been made yet, and a
    // third in contact. Zeebe correlates a message to one subscription of a process and a buffered message is
    // consumed once, so a single message keyed by the case would reach one victim of the three.
    const item = (id: string) => ({ id, values: { victimName: `Victim ${id}` }, sources: {} });
    await h.cases.create({
      id: 'cc-5', team: 'east', status: 'open', createdAt: '2026-11-01T09:00:00Z', createdBy: 'tester',
      identity: { nameKey: 'child cc-5', dateOfBirth: '2010-05-01', displayName: 'Child cc-5' },
      sections: { victims: { values: {}, revision: 1, updatedAt: '2026-11-01T09:00:00Z', updatedBy: 'tester', sources: {}, collections: { victims: [item('va'), item('vb')] } } },
    }, []);
    const start = (victimId: string) => h.start('victim-contact', { caseId: 'cc-5', victimId, detailsReceivedAt: '2026-11-23T09:00:00Z', victimObjected: false, enhancedRights: false });
    const contact = async (i: string, id: string) => {
      await h.complete(i, 'suitability', { victim: { id, rjDecision: 'not-suitable', suitabilityReasons: 'updates only' } });
      await h.complete(i, 'contactInfo', { victimContact: { contactDate: '2026-11-24', contactMethod: 'phone', rjInformationOffered: true, contactConsent: 'yes', keepInformed: 'yes' } });
    };
    const [a, b, c] = [await start('va'), await start('vb'), await start('vc')];
    await contact(c, 'vc');
    expect(await h.openTasks(c)).toEqual(['keepInformed']);

    const closure = await h.start('case-closure', { caseId: 'cc-5' });
    await h.complete(closure, 'healthData', HEALTH);
    await h.complete(closure, 'endData', END_DATA);
    await h.complete(closure, 'confirm', { closureDecision: 'confirm' });
    expect(await status('cc-5')).toBe('closed');
    expect(await h.state(closure)).toBe('completed');
    expect(((await h.vars(closure)).victimIds as string[]).sort()).toEqual(['va', 'vb', 'vc']); // ids only, no names
    expect(await h.openTasks(c)).toEqual(['notifyEnd']); // in contact: told now

    // Contacted after the closure: each is told as soon as the contact is made.
    await contact(a, 'va');
    await contact(b, 'vb');
    expect([await h.openTasks(a), await h.openTasks(b)]).toEqual([['notifyEnd'], ['notifyEnd']]);
    expect((await h.vars(b)).closureReason).toBe('orderCompleted');
  });

  test('A manager can return the record to the case manager before closing', async () => {
    await openCase('cc-4');
    const closure = await h.start('case-closure', { caseId: 'cc-4' });
    await h.complete(closure, 'healthData', HEALTH);
    await h.complete(closure, 'endData', END_DATA);
    await h.complete(closure, 'confirm', { closureDecision: 'return', managerComments: 'hours attended missing' });
    expect(await h.openTasks(closure)).toEqual(['endData']);
    expect(await status('cc-4')).toBe('open');
  });
});
