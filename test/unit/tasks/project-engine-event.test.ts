// A replayed "task created" event (reconciliation announces every open task a server has not seen: all of
// them after a restart, another server's when gaining the lease) must not route the task to the case's
// allocated worker again: by then it may have been released, reassigned or claimed by someone else.
import { projectEngineEvent, type ProjectEngineEventDeps } from '../../../server/src/application/tasks/project-engine-event';
import type { TaskRepository } from '../../../server/src/ports/task-repository.port';
import type { UserTaskView } from '../../../server/src/ports/workflow-engine.port';

const task: UserTaskView = {
  key: 't-1', instanceKey: 'i-1', processId: 'referral-intake', processVersion: 1, elementId: 'assess', name: 'Assess',
  candidateGroups: ['case-managers'], candidateUsers: [], priority: 50, headers: {}, createdAt: '2026-11-03T09:00:00.000Z', state: 'open',
};

function deps() {
  const rows = new Set<string>();
  const told: string[] = [];
  const d: ProjectEngineEventDeps = {
    // As the Mongo repository does: the first call inserts, a replay clashes on _id and changes nothing.
    tasks: { recordCreated: async (t) => (rows.has(t.id) ? false : (rows.add(t.id), true)) } as Pick<TaskRepository, 'recordCreated'> as TaskRepository,
    engine: { getInstance: async () => undefined },
    now: () => new Date('2026-11-03T09:00:00.000Z'),
    allocatedWorkerFor: async () => 'u-allocated',
    assignLater: (taskId, worker) => told.push(`${taskId}→${worker}`),
  };
  return { d, told };
}

describe('projecting a created task', () => {
  it('routes a new task to the allocated worker once, and not again when the event is replayed', async () => {
    const { d, told } = deps();
    await projectEngineEvent(d, { type: 'user-task.created', task });
    await projectEngineEvent(d, { type: 'user-task.created', task });
    expect(told).toEqual(['t-1→u-allocated']);
  });
});
