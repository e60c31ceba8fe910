// The engine says whom a message would reach before anything is published (WorkflowEngine.messageRecipients):
// the API's message scoping judges those instances' cases first (application/monitor/publish-message.ts).
import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: whom a message would reach', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['messages.bpmn', 'start-events.bpmn']); });
  afterAll(() => h.close());

  test('Given two instances waiting on one key and one on another, then the key names exactly its waiting instances, and nothing is consumed', async () => {
    const a = await h.engine.startInstance('messages', { caseId: 'R-1' });
    const b = await h.engine.startInstance('messages', { caseId: 'R-1' });
    await h.engine.startInstance('messages', { caseId: 'R-2' });
    const r = await h.engine.messageRecipients('documents-received', 'R-1');
    expect(r).toEqual({ instanceKeys: expect.arrayContaining([a.instanceKey, b.instanceKey]), startsProcessIds: [] });
    expect(r.instanceKeys).toHaveLength(2);
    for (const k of [a, b]) expect((await h.engine.getInstance(k.instanceKey))?.activeElementIds).toEqual(['waitDocs']);
    expect(await h.engine.messageRecipients('documents-received', 'R-3')).toEqual({ instanceKeys: [], startsProcessIds: [] });
  });

  test('Given a message start event, then the message names the process it would start (and starts nothing)', async () => {
    expect(await h.engine.messageRecipients('referral-received', 'any')).toEqual({ instanceKeys: [], startsProcessIds: ['start-events'] });
    expect((await h.engine.listUserTasks()).filter((t) => t.elementId === 'triage')).toEqual([]);
  });

  test('Once an instance has taken the message, it is no longer a recipient', async () => {
    const c = await h.engine.startInstance('messages', { caseId: 'R-4' });
    expect((await h.engine.messageRecipients('documents-received', 'R-4')).instanceKeys).toEqual([c.instanceKey]);
    await h.engine.publishMessage('documents-received', 'R-4');
    expect((await h.engine.messageRecipients('documents-received', 'R-4')).instanceKeys).toEqual([]);
  });
});
