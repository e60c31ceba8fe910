import fs from 'node:fs';
import path from 'node:path';
import { compileBpmn } from '../../../server/src/adapters/engine-embedded/deploy/bpmn-compiler';
import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, type Harness } from './support/engine-harness';

// Signals as Camunda 8.8 broadcasts them: no correlation key, nothing kept; every signal catch of the name
// open now (in every instance) and every signal start event receives it, from the API or a throw event.
describe('Feature: signal events (broadcast; boundary interrupting and not; catch; end event throw; start)', () => {
  let h: Harness;
  beforeAll(async () => { h = await engineHarness(['signals.bpmn', 'signal-start.bpmn']); });
  afterAll(() => h.close());

  const events = (instance: InstanceView | undefined, elementId: string) => instance?.timeline.filter((t) => t.elementId === elementId).map((t) => t.event);

  test('Given two reports in preparation, when the court date changes, then both get the timetable task and go on preparing', async () => {
    const a = await h.engine.startInstance('signals', { caseId: 'c-sg-1' });
    const b = await h.engine.startInstance('signals', { caseId: 'c-sg-2' });
    expect(await h.engine.broadcastSignal('court-date-changed', { newDate: '2026-04-01' })).toEqual({ reached: 2 });
    for (const { instanceKey } of [a, b]) {
      expect(await h.openTasks(instanceKey)).toEqual(['Activity_prepare', 'Activity_update']);
      expect((await h.engine.getInstance(instanceKey))?.variables.newDate).toBe('2026-04-01');
    }
    // Non-interrupting: the boundary stays open for the next change.
    expect(await h.engine.broadcastSignal('court-date-changed')).toEqual({ reached: 2 });
    expect((await h.openTasks(a.instanceKey)).filter((id) => id === 'Activity_update')).toHaveLength(2);
    await h.engine.broadcastSignal('case-closed');
    for (const { instanceKey } of [a, b]) {
      const instance = await h.engine.getInstance(instanceKey);
      expect(events(instance, 'Activity_prepare')).toEqual(['activated', 'terminated']);
      expect(events(instance, 'Event_closed')).toEqual(['activated', 'completed']);
    }
  });

  test('Given a report waiting for approval, when approved, then its signal end event starts the filing process with the signal\'s variables', async () => {
    const { instanceKey } = await h.engine.startInstance('signals', { caseId: 'c-sg-3' });
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_prepare'), {}, { by: 'u' });
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['Event_approved']);
    expect(await h.engine.broadcastSignal('report-approved')).toEqual({ reached: 1 });
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
    const filing = (await h.engine.listUserTasks({ state: 'open' })).filter((t) => t.processId === 'signal-start');
    expect(filing).toHaveLength(1);
    expect((await h.engine.getInstance(filing[0].instanceKey))?.variables).toEqual({ reportFor: 'c-sg-3' });
    // A signal is not kept: broadcast again, it reaches nothing that has already gone.
    expect(await h.engine.broadcastSignal('report-approved')).toEqual({ reached: 0 });
  });

  test('Given reports in preparation, when the court withdraws its requests, then the interrupting signal event sub-process ends each', async () => {
    const { instanceKey } = await h.engine.startInstance('signals', { caseId: 'c-sg-4' });
    // This one and the two of the first test (still updating timetables); the report filed above has ended.
    expect(await h.engine.broadcastSignal('requests-withdrawn')).toEqual({ reached: 3 });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(events(instance, 'Activity_prepare')).toEqual(['activated', 'terminated']);
    expect(events(instance, 'Event_withdrawn_end')).toEqual(['activated', 'completed']);
  });

  test('Given a signal catch whose name is an expression, then it waits for the name it evaluates to in its instance', async () => {
    const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'signals.bpmn'), 'utf8')
      .replaceAll('"signals"', '"signals-feel"')
      .replace('name="case-closed"', 'name="=&#34;case-closed-&#34; + caseId"');
    await h.engine.deploy([{ name: 'signals-feel.bpmn', content: xml }]);
    const { instanceKey } = await h.engine.startInstance('signals-feel', { caseId: 'c-sg-5' });
    expect(await h.engine.broadcastSignal('case-closed-c-sg-5')).toEqual({ reached: 1 });
    expect(events(await h.engine.getInstance(instanceKey), 'Event_closed')).toEqual(['activated', 'completed']);
  });

  test('Given a signal start event whose name is an expression, then deploy refuses it, naming the start event', async () => {
    const xml = fs.readFileSync(path.join(__dirname, 'fixtures', 'signal-start.bpmn'), 'utf8').replace('name="report-filed"', 'name="=&#34;report-filed&#34;"');
    expect((await compileBpmn('m.bpmn', xml)).problems).toContainEqual(expect.objectContaining({ elementId: 'StartEvent_filed', message: expect.stringContaining('signal start event') }));
  });

  test('Given a thrown signal whose delivery is repeated (a replayed outbox), then each catch receives it once and a catch opened since does not', async () => {
    const broadcaster = (h.engine as unknown as { signals: { broadcast(name: string, vars: object, id: string, at?: Date): Promise<{ reached: number }> } }).signals;
    const { instanceKey } = await h.engine.startInstance('signals', { caseId: 'c-sg-6' });
    const thrownAt = h.clock.now();
    const reached = (await broadcaster.broadcast('court-date-changed', {}, 'throw-1', thrownAt)).reached;
    expect(reached).toBeGreaterThan(0);
    const updates = async (key: string) => (await h.openTasks(key)).filter((id) => id === 'Activity_update').length;
    expect(await updates(instanceKey)).toBe(1);
    h.clock.advance(1000);
    const later = await h.engine.startInstance('signals', { caseId: 'c-sg-7' });
    // The same throw delivered again: the non-interrupting boundary stays open but has had this signal.
    expect(await broadcaster.broadcast('court-date-changed', {}, 'throw-1', thrownAt)).toEqual({ reached: 0 });
    expect(await updates(instanceKey)).toBe(1);
    expect(await updates(later.instanceKey)).toBe(0);
  });

  test('Given a message named like a signal subscription, then publishing it is refused', async () => {
    await expect(h.engine.publishMessage('\u0001signal:case-closed', '', {})).rejects.toMatchObject({ code: 'INVALID_MESSAGE_NAME' });
  });
});
