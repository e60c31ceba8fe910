// On FerretDB only a filter that is exactly {_id} is looked up by index; any other field makes it decode every
// row of the collection. The engine's task rows hold every task ever, so a live step changes a task (an
// assignment, an update) by _id alone: the instance state, under its lock, already says the task is open.
import type { Connection } from 'mongoose';
import { createEmbeddedEngine } from '../../../server/src/adapters/engine-embedded/embedded-engine';
import { fixture, ManualClock } from '../../features/engine/support/engine-harness';
import { filterKeys, monitoredConnection } from '../../support/monitored-connection';

describe('engine task writes', () => {
  let conn: Connection;
  let close: () => Promise<void>;
  const taskWrites: string[] = [];

  beforeAll(async () => {
    ({ conn, close } = await monitoredConnection('taskwrites', (e) => {
      if (e.command[e.commandName] === 'engine_tasks' && e.commandName !== 'insert') taskWrites.push(`${e.commandName}:${filterKeys(e)}`);
    }));
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
});
