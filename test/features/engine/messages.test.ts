import { DAY, engineHarness, type Harness } from './support/engine-harness';

describe('Feature: message correlation by name and correlation key', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['messages.bpmn']); });
  afterAll(() => h.close());

  test('Given a waiting instance, when a message with the wrong key is published, then it does not match; the right key moves it on with variables', async () => {
    const { instanceKey } = await h.engine.startInstance('messages', { caseId: 'C-1' });
    expect(await h.engine.publishMessage('documents-received', 'C-2', { docs: 1 })).toMatchObject({ correlated: false });
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['waitDocs']);
    expect(await h.engine.publishMessage('documents-received', 'C-1', { docs: 3 })).toMatchObject({ correlated: true });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.variables.docs).toBe(3);
    expect(instance?.activeElementIds).toEqual(['choice']);
  });

  test('Given a message published with a TTL before anyone waits, then a later subscription consumes it once', async () => {
    const r = await h.engine.publishMessage('documents-received', 'C-3', { docs: 9 }, { ttlMs: DAY });
    expect(r).toMatchObject({ correlated: false, buffered: true });
    const first = await h.engine.startInstance('messages', { caseId: 'C-3' });
    const second = await h.engine.startInstance('messages', { caseId: 'C-3' });
    expect((await h.engine.getInstance(first.instanceKey))?.activeElementIds).toEqual(['choice']);
    expect((await h.engine.getInstance(first.instanceKey))?.variables.docs).toBe(9);
    expect((await h.engine.getInstance(second.instanceKey))?.activeElementIds).toEqual(['waitDocs']);
  });

  test('Given a buffered message whose TTL has passed, then it is not consumed', async () => {
    await h.engine.publishMessage('documents-received', 'C-4', {}, { ttlMs: 1000 });
    h.clock.advance(2000);
    const { instanceKey } = await h.engine.startInstance('messages', { caseId: 'C-4' });
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['waitDocs']);
  });

  test('When the same messageId is published twice, then the duplicate is ignored', async () => {
    const a = await h.engine.startInstance('messages', { caseId: 'C-5' });
    const b = await h.engine.startInstance('messages', { caseId: 'C-5' });
    await h.engine.publishMessage('documents-received', 'C-5', {}, { messageId: 'm-1' });
    // the first publish correlated to both waiting instances; the duplicate must not go anywhere
    const again = await h.engine.publishMessage('documents-received', 'C-5', { late: true }, { messageId: 'm-1', ttlMs: DAY });
    expect(again).toMatchObject({ duplicate: true, correlated: false });
    const c = await h.engine.startInstance('messages', { caseId: 'C-5' });
    expect((await h.engine.getInstance(c.instanceKey))?.activeElementIds).toEqual(['waitDocs']);
    for (const k of [a, b]) expect((await h.engine.getInstance(k.instanceKey))?.variables.late).toBeUndefined();
  });

  test('Given an event-based gateway, when the message arrives first then the timer is cancelled; otherwise the timer wins', async () => {
    const byMessage = await h.engine.startInstance('messages', { caseId: 'C-6' });
    const byTimer = await h.engine.startInstance('messages', { caseId: 'C-7' });
    await h.engine.publishMessage('documents-received', 'C-6');
    await h.engine.publishMessage('documents-received', 'C-7');
    await h.engine.publishMessage('referral-withdrawn', 'C-6');
    let one = await h.engine.getInstance(byMessage.instanceKey);
    expect(one?.state).toBe('completed');
    expect(one?.timeline.some((t) => t.elementId === 'endWithdrawn')).toBe(true);
    h.clock.advance(7 * DAY);
    await h.engine.runDue();
    one = await h.engine.getInstance(byMessage.instanceKey);
    expect(one?.timeline.some((t) => t.elementId === 'endTimeout')).toBe(false);
    const two = await h.engine.getInstance(byTimer.instanceKey);
    expect(two?.state).toBe('completed');
    expect(two?.timeline.some((t) => t.elementId === 'endTimeout')).toBe(true);
    expect(await h.engine.publishMessage('referral-withdrawn', 'C-7')).toMatchObject({ correlated: false });
  });
});
