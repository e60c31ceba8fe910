import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, fixture, type Harness } from './support/engine-harness';

// Escalation events as Camunda 8.8 runs them: caught by the nearest escalation boundary or event sub-process
// up the scopes (interrupting or not); an escalation nobody catches is no incident — the thrower goes on.
describe('Feature: escalation events (throw and end; boundary and event sub-process catches; uncaught)', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['escalations.bpmn', 'escalation-child.bpmn', 'escalation-parent.bpmn']); });
  afterAll(() => h.close());

  const events = (instance: InstanceView | undefined, elementId: string) => instance?.timeline.filter((t) => t.elementId === elementId).map((t) => t.event);

  test('Given a concern raised inside the sub-process, then the non-interrupting boundary tells the manager and the support carries on', async () => {
    const { instanceKey } = await h.engine.startInstance('escalations', { route: 'concern' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_carry_on', 'Activity_tell_manager']);
    const instance = await h.engine.getInstance(instanceKey);
    expect(events(instance, 'Event_raise_concern')).toEqual(['activated', 'completed']);
    expect(events(instance, 'Activity_placement')).toEqual(['activated']);
  });

  test('Given an escalation end event, then the interrupting boundary ends the sub-process and the flow takes the boundary path', async () => {
    const { instanceKey } = await h.engine.startInstance('escalations', { route: 'breakdown' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_new_placement']);
    const instance = await h.engine.getInstance(instanceKey);
    expect(events(instance, 'Activity_breakdown')).toEqual(['activated', 'terminated']);
    expect(events(instance, 'Event_checked')).toEqual([]);
  });

  test('Given one escalation caught by the process\'s event sub-process and one nobody catches, then both throwers go on and no incident is raised', async () => {
    const { instanceKey } = await h.engine.startInstance('escalations', { route: 'urgent' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_after', 'Activity_review_urgently']);
    expect(await h.engine.listIncidents({ instanceKey, state: 'open' })).toEqual([]);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_after'), {}, { by: 'u' });
    // The triggered event sub-process holds the process open until it completes, as in Zeebe.
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('active');
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_review_urgently'), {}, { by: 'u' });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(events(instance, 'Event_nobody_listens')).toEqual(['activated', 'completed']);
  });

  test('Given a called process that escalates and does not catch it, then the caller\'s interrupting boundary catches it and the called process is cancelled', async () => {
    const { instanceKey } = await h.engine.startInstance('escalation-parent', { caseId: 'c-esc-call' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_chase']);
    const parent = await h.engine.getInstance(instanceKey);
    expect(events(parent, 'Activity_call_plan')).toEqual(['activated', 'terminated']);
    const child = (await h.engine.listUserTasks()).find((t) => t.processId === 'escalation-child')!;
    expect(child.state).toBe('cancelled');
    expect((await h.engine.getInstance(child.instanceKey))?.state).toBe('cancelled');
    expect(await h.engine.listIncidents({ state: 'open' })).toEqual([]);
  });
  test('Given a called process\'s escalation delivered to the caller again (a repeated outbox), then its non-interrupting boundary catches it once', async () => {
    const xml = fixture('escalation-parent.bpmn').content.replaceAll('"escalation-parent"', '"escalation-parent-ni"')
      .replace('<bpmn:boundaryEvent id="Event_plan_late"', '<bpmn:boundaryEvent id="Event_plan_late" cancelActivity="false"');
    await h.engine.deploy([{ name: 'escalation-parent-ni.bpmn', content: xml }]);
    const { instanceKey } = await h.engine.startInstance('escalation-parent-ni', { caseId: 'c-esc-again' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_chase']);
    const child = (await h.engine.listUserTasks({ state: 'open' })).find((t) => t.processId === 'escalation-child')!;
    const runner = (h.engine as unknown as { runner: { execute(key: string, cmd: object): Promise<boolean> } }).runner;
    const again = { kind: 'childEscalation', childKey: child.instanceKey, code: 'LATE', id: `${child.instanceKey}.e-repeat` };
    expect(await runner.execute(instanceKey, again)).toBe(true);
    expect(await runner.execute(instanceKey, again)).toBe(false);
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_chase', 'Activity_chase']);
  });
});
