import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: zeebe task listeners run as jobs before the task transition', () => {
  let h: Harness;
  let failCreating = false;
  beforeAll(async () => {
    h = await engineHarness(['task-listeners.bpmn']);
    h.handle('sync-task', () => (failCreating ? { kind: 'fail', message: 'queue unavailable' } : { kind: 'complete' }));
  });
  afterAll(() => h.close());

  test('Given a creating listener, then the task appears only after the listener job completed', async () => {
    const { instanceKey } = await h.engine.startInstance('task-listeners', {});
    expect(await h.engine.listUserTasks({ instanceKey })).toHaveLength(0);
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['plan']);
    const job = h.jobs.find((j) => j.instanceKey === instanceKey)!;
    expect(job.headers).toMatchObject({ listenerEventType: 'creating', section: 'plan' });
  });

  test('Given a creating listener whose job no worker has taken yet, then the instance names the job it waits on (the Monitor shows it)', async () => {
    const { instanceKey } = await h.engine.startInstance('task-listeners', {});
    expect((await h.engine.getInstance(instanceKey))?.waitingJobs).toEqual([{ elementId: 'plan', jobType: 'sync-task', listener: 'creating' }]);
    await h.engine.runDue();
    expect((await h.engine.getInstance(instanceKey))?.waitingJobs).toBeUndefined();
  });

  test('Given a completing listener, then the task completes and the instance moves on only after it ran', async () => {
    const { instanceKey } = await h.engine.startInstance('task-listeners', {});
    await h.engine.runDue();
    const key = await h.taskKey(instanceKey, 'plan');
    await h.engine.completeUserTask(key, { planned: true }, { by: 'amira' });
    expect((await h.engine.getUserTask(key))?.state).toBe('open');
    await h.engine.runDue();
    expect((await h.engine.getUserTask(key))?.state).toBe('completed');
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.planned).toBe(true);
    expect(h.jobs.filter((j) => j.instanceKey === instanceKey).map((j) => j.headers.listenerEventType)).toEqual(['creating', 'completing']);
    // The completing listener sees the task as stored (the engine reads it for listeners), not just its key.
    const completing = h.jobs.find((j) => j.instanceKey === instanceKey && j.headers.listenerEventType === 'completing')!;
    expect(completing.variables.userTask).toMatchObject({ userTaskKey: key, elementId: 'plan', instanceKey, state: 'open', action: 'complete' });
  });

  test('Given a failing listener with no retries left, then an incident is raised and no task is created', async () => {
    failCreating = true;
    const { instanceKey } = await h.engine.startInstance('task-listeners', {});
    await h.engine.runDue();
    expect(await h.engine.listUserTasks({ instanceKey })).toHaveLength(0);
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ type: 'job-failed', elementId: 'plan' });
    failCreating = false;
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['plan']);
  });
});
