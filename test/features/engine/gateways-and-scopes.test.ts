import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: parallel and inclusive gateways', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['gateways.bpmn']); });
  afterAll(() => h.close());

  const complete = async (instanceKey: string, elementId: string, vars = {}) =>
    h.engine.completeUserTask(await h.taskKey(instanceKey, elementId), vars, { by: 'u' });

  test('Given a parallel fork, then both branches open and the join waits for both', async () => {
    const { instanceKey } = await h.engine.startInstance('gateways', {});
    expect(await h.openTasks(instanceKey)).toEqual(['taskA', 'taskB']);
    await complete(instanceKey, 'taskA', { needsHealth: true, needsEducation: false });
    expect(await h.openTasks(instanceKey)).toEqual(['taskB']);
    await complete(instanceKey, 'taskB');
    // inclusive fork: only the true condition is taken
    expect(await h.openTasks(instanceKey)).toEqual(['health']);
    await complete(instanceKey, 'health');
    expect(await h.openTasks(instanceKey)).toEqual(['final']);
  });

  test('Given an inclusive fork with two true conditions, then the inclusive join waits for both branches', async () => {
    const { instanceKey } = await h.engine.startInstance('gateways', { needsHealth: true, needsEducation: true });
    await complete(instanceKey, 'taskA');
    await complete(instanceKey, 'taskB');
    expect(await h.openTasks(instanceKey)).toEqual(['education', 'health']);
    await complete(instanceKey, 'education');
    expect(await h.openTasks(instanceKey)).toEqual(['health']);
    await complete(instanceKey, 'health');
    expect(await h.openTasks(instanceKey)).toEqual(['final']);
    await complete(instanceKey, 'final');
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
  });

  test('Given no true condition, then the inclusive gateway takes its default flow straight to the join', async () => {
    const { instanceKey } = await h.engine.startInstance('gateways', { needsHealth: false, needsEducation: false });
    await complete(instanceKey, 'taskA');
    await complete(instanceKey, 'taskB');
    expect(await h.openTasks(instanceKey)).toEqual(['final']);
  });
});

describe('Feature: BPMN errors, embedded sub-process and terminate end event', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await engineHarness(['errors.bpmn']);
    h.handle('check-eligibility', (job) => job.variables.eligible
      ? { kind: 'complete' }
      : { kind: 'bpmnError', code: 'NOT_ELIGIBLE', variables: { reason: 'age' } });
  });
  afterAll(() => h.close());

  test('Given a job that throws a BPMN error, then the error boundary catches it with its variables', async () => {
    const { instanceKey } = await h.engine.startInstance('errors', { eligible: false });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['closeCase']);
    expect((await h.engine.getInstance(instanceKey))?.variables.reason).toBe('age');
  });

  test('Given an error end event inside a sub-process, then the boundary on the sub-process catches it; terminate ends everything', async () => {
    const { instanceKey } = await h.engine.startInstance('errors', { eligible: true, consent: false });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['seekConsent']);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'seekConsent'), {}, { by: 'u' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.timeline.some((t) => t.elementId === 'terminate' && t.event === 'completed')).toBe(true);
  });

  test('Given consent, then the sub-process runs its task and completes normally', async () => {
    const { instanceKey } = await h.engine.startInstance('errors', { eligible: true, consent: true });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['subTask']);
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds.sort()).toEqual(['sub', 'subTask']);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'subTask'), {}, { by: 'u' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.timeline.some((t) => t.elementId === 'endOk')).toBe(true);
  });
});

describe('Feature: call activity and multi-instance', () => {
  let h: Harness;
  beforeAll(async () => {
    h = await engineHarness(['call-parent.bpmn', 'call-child.bpmn', 'multi-instance.bpmn']);
    h.handle('notify-partner', (job) => ({ kind: 'complete', variables: { receipt: `sent to ${job.variables.partner}` } }));
  });
  afterAll(() => h.close());

  test('Given a call activity, then the child gets the mapped variables and the parent continues with the mapped output when the child ends', async () => {
    const { instanceKey } = await h.engine.startInstance('call-parent', { name: 'Sam', secret: 's' });
    const childTask = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'call-child')!;
    const child = await h.engine.getInstance(childTask.instanceKey);
    expect(child).toMatchObject({ parentKey: instanceKey });
    expect(child?.variables.childName).toBe('Sam');
    await h.engine.completeUserTask(childTask.key, { greeting: 'Hello Sam', noise: 1 }, { by: 'u' });
    const parent = await h.engine.getInstance(instanceKey);
    expect(parent?.state).toBe('completed');
    expect(parent?.variables.result).toBe('Hello Sam');
    expect(parent?.variables).not.toHaveProperty('noise'); // propagateAllChildVariables=false
  });

  test('When the parent is cancelled, then the child instance is cancelled too', async () => {
    const { instanceKey } = await h.engine.startInstance('call-parent', { name: 'Ali' });
    const childTask = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'call-child')!;
    await h.engine.cancelInstance(instanceKey);
    expect((await h.engine.getInstance(childTask.instanceKey))?.state).toBe('cancelled');
    expect((await h.engine.getUserTask(childTask.key))?.state).toBe('cancelled');
  });

  test('Given a parallel multi-instance service task and a sequential multi-instance user task, then output collections keep item order', async () => {
    const { instanceKey } = await h.engine.startInstance('multi-instance', { partners: ['police', 'school', 'health'], reviewers: ['ann', 'bo'] });
    await h.engine.runDue();
    let instance = await h.engine.getInstance(instanceKey);
    expect(instance?.variables.receipts).toEqual(['sent to police', 'sent to school', 'sent to health']);
    expect(instance?.variables).not.toHaveProperty('partner');
    const first = await h.engine.listUserTasks({ instanceKey, state: 'open' });
    expect(first.map((t) => t.assignee)).toEqual(['ann']); // sequential: one at a time
    await h.engine.completeUserTask(first[0].key, { decision: 'yes' }, { by: 'ann' });
    const second = await h.engine.listUserTasks({ instanceKey, state: 'open' });
    expect(second.map((t) => t.assignee)).toEqual(['bo']);
    await h.engine.completeUserTask(second[0].key, { decision: 'no' }, { by: 'bo' });
    instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.decisions).toEqual(['yes', 'no']);
  });

  test('Given an empty input collection, then the multi-instance completes at once with an empty output', async () => {
    const { instanceKey } = await h.engine.startInstance('multi-instance', { partners: [], reviewers: [] });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.variables.receipts).toEqual([]);
  });
});
