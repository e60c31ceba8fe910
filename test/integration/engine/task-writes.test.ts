// On FerretDB only a filter that is exactly {_id} is looked up by index; any other field makes it decode every
// row of the collection. The engine's task rows hold every task ever, so a live step changes a task (an
// assignment, an update) by _id alone: the instance state, under its lock, already says the task is open.
import type { Connection } from 'mongoose';
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { fixture, ManualClock, MINUTE } from '../../features/engine/support/engine-harness';
import { filterKeys, monitoredConnection } from '../../support/monitored-connection';

describe('engine task writes', () => {
  let conn: Connection;
  let close: () => Promise<void>;
  const taskWrites: string[] = [];
  /** Every engine command, started and finished, in order ("start find engine_tasks", "done find engine_tasks"). */
  const timeline: string[] = [];

  beforeAll(async () => {
    ({ conn, close } = await monitoredConnection('taskwrites', (e) => {
      if (e.command[e.commandName] === 'engine_tasks' && e.commandName !== 'insert') taskWrites.push(`${e.commandName}:${filterKeys(e)}`);
    }));
    const started = new Map<number, string>();
    conn.getClient().on('commandStarted', (e) => {
      const what = `${e.commandName} ${e.command[e.commandName]}`;
      started.set(e.requestId, what);
      timeline.push(`start ${what}`);
    });
    conn.getClient().on('commandSucceeded', (e) => timeline.push(`done ${started.get(e.requestId)}`));
  });
  afterAll(() => close());

  it('assigns, updates and completes a task by _id alone, with the same result', async () => {
    const engine = createEmbeddedEngine({ conn, clock: new ManualClock(), pollIntervalMs: 3_600_000 });
    await engine.deploy([fixture('simple-user-task.bpmn')]);
    await engine.start();
    try {
      const { instanceKey } = await engine.startInstance('simple-user-task', { team: 'case-managers', owner: null, due: '2026-03-09T17:00:00Z' });
      const [task] = await engine.listUserTasks({ instanceKey, state: 'open' });
      taskWrites.length = 0;
      expect((await engine.assignUserTask(task.key, 'amira', { by: 'amira' })).task).toMatchObject({ assignee: 'amira' });
      expect((await engine.updateUserTask(task.key, { priority: 90 }, { by: 'tom' })).task).toMatchObject({ priority: 90, assignee: 'amira' });
      await engine.completeUserTask(task.key, { reviewed: true }, { by: 'amira' });
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'completed', completedBy: 'amira', priority: 90 });
      expect(taskWrites.length).toBeGreaterThanOrEqual(3);
      expect(taskWrites.every((w) => w.endsWith(':_id'))).toBe(true);
    } finally {
      await engine.stop();
    }
  });

  it('completes a task of an instance it holds without reading the task row, and writes the step\'s rows side by side', async () => {
    const clock = new ManualClock();
    const engine = createEmbeddedEngine({ conn, clock, pollIntervalMs: 3_600_000 });
    await engine.deploy([fixture('timers.bpmn')]);
    await engine.start();
    try {
      const { instanceKey } = await engine.startInstance('timers', { waitFor: 'PT1M' });
      clock.advance(2 * MINUTE);
      await engine.runDue();
      const [task] = await engine.listUserTasks({ instanceKey, state: 'open' });
      expect(task.elementId).toBe('assess');
      timeline.length = 0;
      await engine.completeUserTask(task.key, { assessed: true }, { by: 'amira' });
      const sent = [...timeline];
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'completed', completedBy: 'amira' });
      expect((await engine.getInstance(instanceKey))?.state).toBe('completed');
      // No read of the task row: the instance, held by this process, says the task waits.
      expect(sent).not.toContain('start find engine_tasks');
      // Closing the task and cancelling its boundary timers are writes to different rows: the close and a
      // timer's delete are both sent before either is answered.
      const closeAt = sent.indexOf('start findAndModify engine_tasks');
      const firstTimerDelete = sent.indexOf('start delete engine_timers');
      const firstDone = sent.findIndex((t, i) => i > closeAt && t.startsWith('done'));
      expect(closeAt).toBeGreaterThan(-1);
      expect(firstTimerDelete).toBeGreaterThan(-1);
      expect(firstTimerDelete).toBeLessThan(firstDone);
      // A second completion of the same task changes nothing (the read decides: completed already).
      await engine.completeUserTask(task.key, { assessed: false }, { by: 'someone-else' });
      expect(await engine.getUserTask(task.key)).toMatchObject({ state: 'completed', completedBy: 'amira' });
      await expect(engine.completeUserTask(`${instanceKey}.ut999`, {}, { by: 'amira' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    } finally {
      await engine.stop();
    }
  });
});
