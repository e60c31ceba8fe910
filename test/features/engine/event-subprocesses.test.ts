import type { InstanceView } from '../../../server/src/ports/workflow-engine.port';
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { openTestDb } from '../../support/test-db';
import { DAY, engineHarness, fixture, ManualClock, type Harness } from './support/engine-harness';

// Event sub-processes as Camunda 8.8 runs them: armed while their scope is active; an interrupting one ends
// the rest of its scope, a non-interrupting one runs beside it; error starts catch from inside the scope.
describe('Feature: event sub-processes (message, timer, error; interrupting and not; in the process and in a sub-process)', () => {
  let h: Harness;
  let records: 'locked' | 'open' = 'open';
  beforeAll(async () => {
    h = await engineHarness(['event-subprocesses.bpmn']);
    h.handle('check-records', () => (records === 'locked' ? { kind: 'bpmnError', code: 'RECORDS_LOCKED', variables: { lockedBy: 'police' } } : { kind: 'complete', variables: { recordsChecked: true } }));
    h.handle('send-reminder', () => ({ kind: 'complete', variables: { reminded: true } }));
  });
  afterAll(() => h.close());

  const events = (instance: InstanceView | undefined, elementId: string) => instance?.timeline.filter((t) => t.elementId === elementId).map((t) => t.event);

  test('Given the assessment waits, when two days pass, then the non-interrupting reminder runs once beside it and the assessment goes on', async () => {
    records = 'open';
    const { instanceKey } = await h.engine.startInstance('event-subprocesses', { caseId: 'c-es-1' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_assess']);
    h.clock.advance(2 * DAY + 1000);
    await h.engine.runDue();
    h.clock.advance(3 * DAY);
    await h.engine.runDue();
    const instance = await h.engine.getInstance(instanceKey);
    expect(events(instance, 'Activity_send_reminder')).toEqual(['activated', 'completed']);
    expect(instance?.variables).toMatchObject({ reminded: true, recordsChecked: true });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_assess']);
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_assess'), {}, { by: 'u' });
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
    // The instance ended: its event sub-processes are disarmed, so the message reaches nothing.
    expect(await h.engine.publishMessage('referral-withdrawn', 'c-es-1', {})).toMatchObject({ correlated: false });
  });

  test('Given the assessment waits, when the referral is withdrawn, then the interrupting event sub-process ends the rest and the reminder never fires', async () => {
    records = 'open';
    const { instanceKey } = await h.engine.startInstance('event-subprocesses', { caseId: 'c-es-2' });
    await h.engine.runDue();
    expect(await h.engine.messageRecipients('referral-withdrawn', 'c-es-2')).toMatchObject({ instanceKeys: [instanceKey] });
    expect(await h.engine.publishMessage('referral-withdrawn', 'c-es-2', { withdrawnBy: 'court' })).toMatchObject({ correlated: true });
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance).toMatchObject({ state: 'completed', variables: expect.objectContaining({ withdrawnBy: 'court' }) });
    expect(events(instance, 'Activity_assess')).toEqual(['activated', 'terminated']);
    expect(events(instance, 'Activity_withdrawn')).toEqual(['activated', 'completed']);
    expect((await h.engine.listUserTasks({ instanceKey }))[0].state).toBe('cancelled');
    h.clock.advance(3 * DAY);
    await h.engine.runDue();
    expect(events(await h.engine.getInstance(instanceKey), 'Activity_send_reminder')).toEqual([]);
  });

  test('Given records are locked, when the check throws the error, then the sub-process\'s error event sub-process catches it inside the scope and the flow goes on after it', async () => {
    records = 'locked';
    const { instanceKey } = await h.engine.startInstance('event-subprocesses', { caseId: 'c-es-3' });
    await h.engine.runDue();
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_ask_access']);
    let instance = await h.engine.getInstance(instanceKey);
    expect(events(instance, 'Activity_check_records')).toEqual(['activated', 'terminated']);
    expect(instance?.variables.lockedBy).toBe('police');
    await h.engine.completeUserTask(await h.taskKey(instanceKey, 'Activity_ask_access'), {}, { by: 'u' });
    expect(await h.openTasks(instanceKey)).toEqual(['Activity_assess']);
    instance = await h.engine.getInstance(instanceKey);
    expect(events(instance, 'Activity_checks')).toEqual(['activated', 'completed']);
    expect(await h.engine.listIncidents({ instanceKey, state: 'open' })).toEqual([]);
  });
});

describe('Feature: the process\'s event sub-processes survive a restart (they are saved with the instance)', () => {
  test('Given an instance waiting, when the engine restarts, then its reminder timer and withdrawal message still start their event sub-processes', async () => {
    const db = await openTestDb('engine');
    const clock = new ManualClock();
    const options = { conn: db.conn, clock, pollIntervalMs: 3_600_000, defaultBackoffMs: 1000 };
    const first = createEmbeddedEngine(options);
    await first.deploy([fixture('event-subprocesses.bpmn')]);
    await first.start();
    first.registerJobHandler('check-records', async () => ({ kind: 'complete' }));
    const { instanceKey } = await first.startInstance('event-subprocesses', { caseId: 'c-es-r' });
    await first.runDue();
    await first.stop();

    const second = createEmbeddedEngine(options);
    const reminders: string[] = [];
    second.registerJobHandler('send-reminder', async (job) => { reminders.push(job.instanceKey); return { kind: 'complete' }; });
    await second.start();
    try {
      clock.advance(2 * DAY + 1000);
      await second.runDue();
      expect(reminders).toEqual([instanceKey]);
      expect(await second.publishMessage('referral-withdrawn', 'c-es-r', {})).toMatchObject({ correlated: true });
      expect((await second.getInstance(instanceKey))?.state).toBe('completed');
    } finally {
      await second.stop();
      await db.drop();
    }
  });
});
