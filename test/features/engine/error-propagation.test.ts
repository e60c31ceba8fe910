import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, type Harness } from './support/engine-harness';

describe('Feature: an uncaught BPMN error in a called child reaches the callers', () => {
  let h: Harness;
  let outcome: 'reject' | 'unknown' | 'complete' = 'reject';
  beforeAll(async () => {
    h = await engineHarness(['error-child.bpmn', 'error-parent.bpmn', 'error-grandparent.bpmn']);
    h.handle('decide-referral', () => outcome === 'complete'
      ? { kind: 'complete' }
      : { kind: 'bpmnError', code: outcome === 'reject' ? 'REFERRAL_REJECTED' : 'UNKNOWN_CODE', variables: { reason: 'out of area' } });
  });
  afterAll(() => h.close());

  const childOf = async (parentKey: string): Promise<InstanceView> => {
    const task = (await h.engine.listUserTasks()).find((t) => t.processId === 'error-child' && t.elementId === 'childWork' && t.instanceKey.startsWith(parentKey));
    return (await h.engine.getInstance(task!.instanceKey))!;
  };
  const events = (instance: InstanceView | undefined, elementId: string) => instance?.timeline.filter((t) => t.elementId === elementId).map((t) => t.event);

  test('Given an error end event in the child, then the boundary on the call activity catches it and the child is terminated', async () => {
    const { instanceKey } = await h.engine.startInstance('error-parent', { via: 'end' });
    await h.engine.runDue();
    const child = await childOf(instanceKey);
    expect(child).toMatchObject({ parentKey: instanceKey, state: 'cancelled' });
    expect((await h.engine.listUserTasks({ instanceKey: child.key }))[0].state).toBe('cancelled');
    const parent = await h.engine.getInstance(instanceKey);
    expect(await h.openTasks(instanceKey)).toEqual(['handleRejection']);
    expect(events(parent, 'callChild')).toEqual(['activated', 'terminated']);
    expect(events(parent, 'rejected')).toEqual(['activated', 'completed']);
    expect(await h.engine.listIncidents({ state: 'open' })).toEqual([]);
  });

  test('Given a job in the child that throws a BPMN error with variables, then the parent catches it and gets the variables', async () => {
    outcome = 'reject';
    const { instanceKey } = await h.engine.startInstance('error-parent', { via: 'job' });
    await h.engine.runDue();
    const parent = await h.engine.getInstance(instanceKey);
    expect(await h.openTasks(instanceKey)).toEqual(['handleRejection']);
    expect(parent?.variables.reason).toBe('out of area');
    expect((await childOf(instanceKey)).state).toBe('cancelled');
  });

  test('Given an error code no caller catches, then the incident is raised in the child where it was thrown; resolving it retries the job', async () => {
    outcome = 'unknown';
    const { instanceKey } = await h.engine.startInstance('error-parent', { via: 'job' });
    await h.engine.runDue();
    const child = await childOf(instanceKey);
    const [incident] = await h.engine.listIncidents({ instanceKey: child.key, state: 'open' });
    expect(incident).toMatchObject({ type: 'unhandled-error', elementId: 'decide', message: expect.stringContaining("'UNKNOWN_CODE'") });
    expect(await h.engine.listIncidents({ instanceKey, state: 'open' })).toEqual([]);
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['callChild']);
    expect(await h.openTasks(instanceKey)).toEqual([]); // the wrong code was not caught by 'rejected'
    expect(child.state).toBe('incident');

    outcome = 'complete';
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    await h.engine.completeUserTask(await h.taskKey(child.key, 'childWork'), {}, { by: 'u' });
    expect((await h.engine.getInstance(child.key))?.state).toBe('completed');
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
  });

  test('Given three levels, when the middle does not catch the code, then the grandparent catch-all does and both lower instances end', async () => {
    outcome = 'unknown';
    const { instanceKey } = await h.engine.startInstance('error-grandparent', { via: 'job' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['escalate']);
    const grandparent = await h.engine.getInstance(instanceKey);
    expect(events(grandparent, 'callParent')).toEqual(['activated', 'terminated']);
    expect(grandparent?.variables.escalationReason).toBe('out of area'); // the catch event's output mapping sees the error variables
    expect(grandparent?.variables).not.toHaveProperty('reason'); // … and only what it maps reaches the scope
    const child = await childOf(instanceKey);
    expect(child.state).toBe('cancelled');
    expect((await h.engine.getInstance(child.parentKey!))?.state).toBe('cancelled');
    expect(await h.engine.listIncidents({ state: 'open' })).toEqual([]);
  });

  test('Given a crash after the child saved the thrown error but before the parent heard of it, then the restart delivers it once', async () => {
    outcome = 'reject';
    // The cross-instance step fails once, exactly where a crash would leave the child's outbox pending.
    const runner = (h.engine as unknown as { runner: { crossEffects: (doc: { effects?: { type: string }[] }) => Promise<void> } }).runner;
    const real = runner.crossEffects;
    let crashed = 0;
    runner.crossEffects = async (doc) => {
      if (!crashed && doc.effects?.some((e) => e.type === 'parent.error')) { crashed++; throw new Error('simulated crash'); }
      return real(doc);
    };
    const { instanceKey } = await h.engine.startInstance('error-parent', { via: 'job' });
    await h.engine.runDue();
    expect(crashed).toBe(1);
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['callChild']);

    await h.engine.stop();
    await h.engine.start(); // replays pending outboxes
    await h.engine.runDue();
    await h.engine.stop();
    await h.engine.start(); // a second replay changes nothing
    runner.crossEffects = real;
    const tasks = await h.engine.listUserTasks({ instanceKey });
    expect(tasks.map((t) => t.elementId)).toEqual(['handleRejection']);
    expect((await childOf(instanceKey)).state).toBe('cancelled');
    expect(events(await h.engine.getInstance(instanceKey), 'rejected')).toEqual(['activated', 'completed']);
  });
});
