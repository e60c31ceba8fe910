// The projection's engine listener returns before anything is written (the engine awaits its listeners, and
// a completion waits for the engine), coalesces repeated events of one task, and survives a failed write.
import { createReportFactUpdater } from '../../../server/src/application/reports/report-fact-updater';
import type { TaskFact } from '../../../server/src/domain/reports/task-fact';
import type { QueueTask } from '../../../server/src/domain/tasks/queue-task';
import type { EngineEvent, UserTaskView } from '../../../server/src/ports/workflow-engine.port';

const row = (id: string): QueueTask => ({
  id, instanceKey: 'i', processId: 'p', processVersion: 1, elementId: 'e', name: 'T', candidateGroups: [], candidateUsers: [],
  revision: 0, priority: 50, state: 'completed', createdAt: '2026-05-01T09:00:00.000Z', dueDate: '2026-05-08T16:00:00.000Z',
  completedAt: '2026-05-07T10:00:00.000Z', completedBy: 'ann',
});
const event = (type: 'user-task.created' | 'user-task.completed', key: string): EngineEvent => ({ type, task: { key } as UserTaskView });

describe('report fact updater', () => {
  it('notes the task and writes its fact afterwards, once for repeated events', async () => {
    const written: TaskFact[] = [];
    let reads = 0;
    const updater = createReportFactUpdater({
      source: { findById: async (id) => (reads++, row(id)) },
      facts: { get: async () => undefined, apply: async (changes) => { for (const c of changes) if ('put' in c) written.push(c.put); } },
      classify: { deadlineSources: async () => ({ dueNames: { e: ['x'] }, writers: {} }), instance: async () => ({ variables: { timescalesVersion: 1 }, timeline: [] }), isTimescale: async () => true },
      onError: () => undefined,
    });
    expect(updater.onEvent(event('user-task.created', 't1'))).toBeUndefined();
    updater.onEvent(event('user-task.completed', 't1'));
    expect(written).toEqual([]); // nothing on the event's own path
    await updater.idle();
    expect(reads).toBe(1);
    expect(written.map((f) => [f.id, f.timescaleId, f.worker])).toEqual([['t1', 'x', 'ann']]);
  });

  it('logs a failed write and carries on with the next task', async () => {
    const errors: string[] = [];
    const written: string[] = [];
    const updater = createReportFactUpdater({
      source: { findById: async (id) => row(id) },
      facts: {
        get: async () => undefined,
        // A batch holding the bad fact fails whole, as one bulk write would.
        apply: async (changes) => {
          if (changes.some((c) => 'put' in c && c.put.id === 'bad')) throw new Error('down');
          for (const c of changes) if ('put' in c) written.push(c.put.id);
        },
      },
      classify: { deadlineSources: async () => ({ dueNames: { e: ['x'] }, writers: {} }), instance: async () => ({ variables: { timescalesVersion: 1 }, timeline: [] }), isTimescale: async () => true },
      onError: (_e, id) => errors.push(id),
    });
    updater.onEvent(event('user-task.completed', 'bad'));
    updater.onEvent(event('user-task.completed', 'good'));
    await updater.idle();
    expect([errors, written]).toEqual([['bad'], ['good']]);
  });
});
