import { DAY, engineHarness, MINUTE, type Harness } from './support/engine-harness';

describe('Feature: timers driven by the clock and persisted in the database', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await engineHarness(['timers.bpmn']);
    h.handle('send-reminder', () => ({ kind: 'complete' }));
  });
  afterAll(() => h.close());

  test('Given an intermediate timer with a FEEL duration, then nothing happens before it is due and the task opens once after', async () => {
    const { instanceKey } = await h.engine.startInstance('timers', { waitFor: 'PT30M' });
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['wait']);
    h.clock.advance(29 * MINUTE);
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual([]);
    h.clock.advance(MINUTE);
    await h.engine.runDue();
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['assess']);
    expect(await h.engine.listUserTasks({ instanceKey })).toHaveLength(1);
  });

  test('Given a non-interrupting cycle R2/PT10M on a task, then it fires exactly twice while the task stays open', async () => {
    const { instanceKey } = await h.engine.startInstance('timers', { waitFor: 'PT0S' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['assess']);
    for (let i = 0; i < 5; i++) { h.clock.advance(10 * MINUTE); await h.engine.runDue(); }
    expect(h.jobs.filter((j) => j.instanceKey === instanceKey && j.type === 'send-reminder')).toHaveLength(2);
    expect(await h.openTasks(instanceKey)).toEqual(['assess']);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'assess'), {}, { by: 'u' });
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
  });

  test('Given a 90-day interrupting boundary timer, when the engine restarts and the clock passes 90 days, then the task is cancelled and escalation opens once', async () => {
    const { instanceKey } = await h.engine.startInstance('timers', { waitFor: 'PT0S' });
    await h.engine.runDue();
    await h.engine.stop();
    await h.engine.start(); // timers live in the database, not in memory
    h.clock.advance(89 * DAY);
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['assess']);
    h.clock.advance(1 * DAY);
    await h.engine.runDue();
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['escalate']);
    const tasks = await h.engine.listUserTasks({ instanceKey });
    expect(tasks.find((t) => t.elementId === 'assess')?.state).toBe('cancelled');
    expect(tasks.find((t) => t.elementId === 'escalate')?.candidateGroups).toEqual(['managers']);
    expect(tasks).toHaveLength(2);
  });

  test('Given a timer duration that is not ISO 8601, then an incident is raised at the timer', async () => {
    const { instanceKey } = await h.engine.startInstance('timers', { waitFor: 'soon' });
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'wait' });
  });
});
