import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: user tasks with Zeebe attributes', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['simple-user-task.bpmn']); });
  afterAll(() => h.close());

  test('Given a started process, then a user task opens with assignee, candidate groups, dates, form and priority from FEEL', async () => {
    const { instanceKey, version } = await h.engine.startInstance('simple-user-task', { team: ['yot-east'], owner: 'amira', due: '2026-03-09T17:00:00Z' }, { businessKey: 'CASE-1' });
    expect(version).toBe(1);
    const [task] = await h.engine.listUserTasks({ instanceKey });
    expect(task).toMatchObject({
      elementId: 'review', name: 'Review referral', state: 'open', assignee: 'amira', candidateGroups: ['yot-east'],
      dueDate: '2026-03-09T17:00:00.000Z', followUpDate: '2026-01-05T09:00:00.000Z', formId: 'review-form', priority: 70,
      headers: { section: 'assessment' }, processId: 'simple-user-task', processVersion: 1,
    });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'active', businessKey: 'CASE-1', activeElementIds: ['review'] });
    expect(h.events.some((e) => e.type === 'user-task.created' && e.task.key === task.key)).toBe(true);
  });

  test('When the task is completed twice, then it completes once and its variables are merged into the instance', async () => {
    const { instanceKey } = await h.engine.startInstance('simple-user-task', { team: 'a, b', owner: 'x', due: '2026-03-09T17:00:00Z' });
    const key = await h.taskKey(instanceKey, 'review');
    await h.engine.completeUserTask(key, { decision: 'accept' }, { by: 'amira' });
    await h.engine.completeUserTask(key, { decision: 'reject' }, { by: 'bob' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.decision).toBe('accept');
    expect(await h.engine.getUserTask(key)).toMatchObject({ state: 'completed', completedBy: 'amira', candidateGroups: ['a', 'b'] });
    expect(h.events.filter((e) => e.type === 'user-task.completed' && e.task.key === key)).toHaveLength(1);
    expect(h.events.filter((e) => e.type === 'instance.completed' && e.instanceKey === instanceKey)).toHaveLength(1);
    expect(instance?.timeline.map((t) => `${t.elementId}:${t.event}`)).toEqual([
      'simple-user-task:activated', 'start:activated', 'start:completed', 'review:activated', 'review:completed', 'end:activated', 'end:completed', 'simple-user-task:completed',
    ]);
  });

  test('Given a missing variable in a task attribute, then an incident is raised; after setting it and resolving, the task opens', async () => {
    const { instanceKey } = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'x' });
    expect(await h.engine.listUserTasks({ instanceKey })).toHaveLength(0);
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ elementId: 'review', type: 'expression-error' });
    expect(incident.message).toMatch(/due/);
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('incident');
    await h.engine.setVariables(instanceKey, { due: '2026-04-01T00:00:00Z' });
    await h.engine.resolveIncident(incident.id);
    expect(await h.openTasks(instanceKey)).toEqual(['review']);
    expect((await h.engine.listIncidents({ instanceKey }))[0].state).toBe('resolved');
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('active');
  });

  test('When variables named fields/content/properties are passed, then the engine refuses them', async () => {
    await expect(h.engine.startInstance('simple-user-task', { content: 1 })).rejects.toMatchObject({ code: 'RESERVED_VARIABLE' });
  });

  test('When an instance is cancelled, then its open task is cancelled', async () => {
    const { instanceKey } = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'x', due: '2026-04-01T00:00:00Z' });
    await h.engine.cancelInstance(instanceKey);
    const [task] = await h.engine.listUserTasks({ instanceKey });
    expect(task.state).toBe('cancelled');
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('cancelled');
    expect(h.events.some((e) => e.type === 'instance.cancelled' && e.instanceKey === instanceKey)).toBe(true);
  });
});
