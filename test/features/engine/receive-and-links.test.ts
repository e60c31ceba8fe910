import { DAY, engineHarness, type Harness } from './support/engine-harness';

// Receive tasks wait for a message (with boundary events, as activities may); link events jump within a
// scope; manual and undefined tasks pass through — as Camunda 8 runs them.
describe('Feature: receive tasks, link events, manual and undefined tasks', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['receive-and-links.bpmn']); });
  afterAll(() => h.close());

  test('Given the model, when the school replies, then the token links to the recording path and ends there', async () => {
    const { instanceKey } = await h.engine.startInstance('receive-and-links', { caseId: 'c-rl-1' });
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['Activity_reply']);
    expect(await h.engine.publishMessage('school-reply', 'c-rl-1', { attending: true })).toMatchObject({ correlated: true });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ attending: true }) });
    const done = instance!.timeline.filter((t) => t.event === 'completed').map((t) => t.elementId);
    expect(done).toEqual(expect.arrayContaining(['Activity_phone', 'Activity_reply', 'Event_to_record', 'Event_record', 'Activity_note', 'Event_recorded']));
    expect(done).not.toContain('Event_chased');
  });

  test('Given no reply, when the timer on the receive task fires, then it is interrupted and the message no longer reaches it', async () => {
    const { instanceKey } = await h.engine.startInstance('receive-and-links', { caseId: 'c-rl-2' });
    h.clock.advance(10 * DAY + 1000);
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance!.timeline.some((t) => t.elementId === 'Event_chased' && t.event === 'completed')).toBe(true);
    expect(await h.engine.publishMessage('school-reply', 'c-rl-2', {})).toMatchObject({ correlated: false });
  });
});
