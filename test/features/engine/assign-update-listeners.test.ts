import { ConflictError, ValidationError } from '../../../server/src/domain/errors';
import type { Job, JobOutcome } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, type Harness } from './support/engine-harness';

type UserTaskVar = { assignee?: string; priority: number; dueDate?: string; candidateGroups: string[]; changedAttributes: string[]; action: string; userTaskKey: string };
const userTask = (job: Job) => job.variables.userTask as UserTaskVar;

describe('Feature: assigning and updating task listeners run before the change takes effect', () => {
  let h: Harness;
  let updateFails = false;
  const rowAssigneeSeenByLastListener: (string | undefined)[] = [];
  beforeAll(async () => {
    h = await engineHarness(['assign-listeners.bpmn', 'simple-user-task.bpmn']);
    h.handle('vet-assignee', (job): JobOutcome => {
      const t = userTask(job);
      if (t.assignee === 'blocked') return { kind: 'complete', result: { denied: true, deniedReason: 'not in the youth justice team' } };
      if (t.assignee === 'bob') return { kind: 'complete', result: { corrections: { assignee: 'robert', priority: 90 } } };
      if (t.assignee === 'typo') return { kind: 'complete', result: { corrections: { dueDate: 'soon' } } };
      return { kind: 'complete' };
    });
    h.handle('note-assignment', async (job) => {
      rowAssigneeSeenByLastListener.push((await h.engine.getUserTask(userTask(job).userTaskKey))?.assignee);
      return { kind: 'complete' };
    });
    h.handle('vet-update', (job): JobOutcome => {
      if (updateFails) return { kind: 'fail', message: 'calendar service down' };
      return userTask(job).priority > 95 ? { kind: 'complete', result: { denied: true, deniedReason: 'priority above 95 needs a manager' } } : { kind: 'complete' };
    });
    h.handle('vet-completion', (job) => (job.variables.planned === true ? { kind: 'complete' } : { kind: 'complete', result: { denied: true } }));
  });
  afterAll(() => h.close());

  const newTask = async () => {
    const { instanceKey } = await h.engine.startInstance('assign-listeners', {});
    return { instanceKey, key: await h.taskKey(instanceKey, 'plan') };
  };
  const jobsOf = (taskKey: string, type?: string) => h.jobs.filter((j) => userTask(j)?.userTaskKey === taskKey && (!type || j.type === type));
  const eventsOf = (taskKey: string, type: string) => h.events.filter((e) => e.type === type && 'task' in e && e.task.key === taskKey);

  test('Given two assigning listeners, then they run in order with the new assignee, and only then the task is assigned and the event emitted', async () => {
    const { key } = await newTask();
    const result = await h.engine.assignUserTask(key, 'amira', { by: 'amira', action: 'claim' });
    expect(result).toMatchObject({ status: 'applied', task: { assignee: 'amira' } });
    expect(jobsOf(key).map((j) => j.type)).toEqual(['vet-assignee', 'note-assignment']);
    expect(userTask(jobsOf(key)[0])).toMatchObject({ assignee: 'amira', changedAttributes: ['assignee'], action: 'claim' });
    expect(jobsOf(key)[0].headers.listenerEventType).toBe('assigning');
    expect(rowAssigneeSeenByLastListener[0]).toBeUndefined(); // while the listeners ran, the task was not yet assigned
    expect((await h.engine.getUserTask(key))?.assignee).toBe('amira');
    expect(eventsOf(key, 'user-task.assigned')).toEqual([expect.objectContaining({ changedAttributes: ['assignee'], by: 'amira', task: expect.objectContaining({ assignee: 'amira' }) })]);
  });

  test('Given a listener that denies, then the assignment does not happen, later listeners do not run, and the caller gets a conflict with the reason', async () => {
    const { key } = await newTask();
    await h.engine.assignUserTask(key, 'amira', { by: 'amira' });
    const denied = h.engine.assignUserTask(key, 'blocked', { by: 'tm' });
    await expect(denied).rejects.toBeInstanceOf(ConflictError);
    await expect(denied).rejects.toMatchObject({ code: 'TASK_CHANGE_DENIED', message: expect.stringContaining('not in the youth justice team') });
    expect((await h.engine.getUserTask(key))?.assignee).toBe('amira');
    expect(jobsOf(key).map((j) => `${j.type}:${userTask(j).assignee}`)).toEqual(['vet-assignee:amira', 'note-assignment:amira', 'vet-assignee:blocked']);
    // events are at-least-once (a replayed outbox repeats one), so look at what was assigned, not how often
    expect(eventsOf(key, 'user-task.assigned').map((e) => 'task' in e && e.task.assignee)).not.toContain('blocked');
    // the task is usable again straight after a denial
    await expect(h.engine.assignUserTask(key, 'sam', { by: 'tm' })).resolves.toMatchObject({ status: 'applied', task: { assignee: 'sam' } });
  });

  test('Given a listener that corrects the change, then later listeners and the task see the corrected values', async () => {
    const { key } = await newTask();
    const result = await h.engine.assignUserTask(key, 'bob', { by: 'bob' });
    expect(result.task).toMatchObject({ assignee: 'robert', priority: 90 });
    expect(userTask(jobsOf(key, 'note-assignment')[0])).toMatchObject({ assignee: 'robert', priority: 90, changedAttributes: ['assignee', 'priority'] });
    expect(eventsOf(key, 'user-task.assigned')[0]).toMatchObject({ changedAttributes: ['assignee', 'priority'] });
  });

  test('Given corrections the engine cannot apply, then the listener job gets an incident and nothing changes', async () => {
    const { instanceKey, key } = await newTask();
    const result = await h.engine.assignUserTask(key, 'typo', { by: 'x' });
    expect(result.status).toBe('pending');
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ type: 'job-failed', elementId: 'plan', message: expect.stringContaining('dueDate') });
    expect((await h.engine.getUserTask(key))?.assignee).toBeUndefined();
  });

  test('When the task is unassigned (null), then the listeners see action unassign and the assignee is removed', async () => {
    const { key } = await newTask();
    await h.engine.assignUserTask(key, 'amira', { by: 'amira' });
    const result = await h.engine.assignUserTask(key, null, { by: 'amira' });
    expect(result.task).not.toHaveProperty('assignee');
    expect(userTask(jobsOf(key, 'vet-assignee')[1])).toMatchObject({ action: 'unassign', changedAttributes: ['assignee'] });
    expect(userTask(jobsOf(key, 'vet-assignee')[1])).not.toHaveProperty('assignee');
    expect(eventsOf(key, 'user-task.assigned').at(-1)).toMatchObject({ task: expect.not.objectContaining({ assignee: expect.anything() }) });
  });

  test('Given an updating listener, then an update of dates, priority and candidates runs it first and emits user-task.updated', async () => {
    const { key } = await newTask();
    const result = await h.engine.updateUserTask(key, { dueDate: '2026-04-01T17:00:00Z', priority: 70, candidateGroups: ['team-managers'] }, { by: 'tm' });
    expect(result.task).toMatchObject({ dueDate: '2026-04-01T17:00:00.000Z', priority: 70, candidateGroups: ['team-managers'] });
    expect(userTask(jobsOf(key, 'vet-update')[0])).toMatchObject({ action: 'update', changedAttributes: ['dueDate', 'priority', 'candidateGroups'], priority: 70 });
    expect(eventsOf(key, 'user-task.updated')[0]).toMatchObject({ changedAttributes: ['dueDate', 'priority', 'candidateGroups'] });
    await expect(h.engine.updateUserTask(key, { priority: 99 }, { by: 'tm' })).rejects.toMatchObject({ code: 'TASK_CHANGE_DENIED' });
    expect((await h.engine.getUserTask(key))?.priority).toBe(70);
  });

  test('Given an updating listener job that fails with no retries left, then an incident holds the change; the task is busy; resolving retries it', async () => {
    const { instanceKey, key } = await newTask();
    updateFails = true;
    const result = await h.engine.updateUserTask(key, { priority: 10 }, { by: 'tm' });
    expect(result.status).toBe('pending');
    const [incident] = await h.engine.listIncidents({ instanceKey, state: 'open' });
    expect(incident).toMatchObject({ type: 'job-failed', elementId: 'plan', message: 'calendar service down' });
    expect((await h.engine.getUserTask(key))?.priority).toBe(50);
    await expect(h.engine.assignUserTask(key, 'amira', { by: 'amira' })).rejects.toMatchObject({ code: 'TASK_BUSY' });

    updateFails = false;
    await h.engine.resolveIncident(incident.id);
    await h.engine.runDue();
    expect((await h.engine.getUserTask(key))?.priority).toBe(10);
    const retried = jobsOf(key, 'vet-update');
    expect(retried).toHaveLength(2);
    expect(userTask(retried[1])).toMatchObject({ priority: 10, changedAttributes: ['priority'] }); // the retry still carries userTask
    expect(eventsOf(key, 'user-task.updated').map((e) => 'task' in e && e.task.priority)).toContain(10);
  });

  test('Given a completing listener that denies, then the task stays open and can be completed again', async () => {
    const { instanceKey, key } = await newTask();
    await h.engine.completeUserTask(key, { planned: false }, { by: 'amira' });
    await h.engine.runDue();
    expect((await h.engine.getUserTask(key))?.state).toBe('open');
    expect((await h.engine.getInstance(instanceKey))?.activeElementIds).toEqual(['plan']);
    await h.engine.completeUserTask(key, { planned: true }, { by: 'amira' });
    await h.engine.runDue();
    expect((await h.engine.getUserTask(key))?.state).toBe('completed');
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('completed');
    expect(userTask(jobsOf(key, 'vet-completion')[0])).toMatchObject({ action: 'complete', candidateGroups: ['case-managers'] });
  });

  test('Given a task without listeners, then assign and update apply at once; bad changes are refused as validation errors', async () => {
    const { instanceKey } = await h.engine.startInstance('simple-user-task', { team: 'a', owner: 'o', due: '2026-05-01T00:00:00Z' });
    const key = await h.taskKey(instanceKey, 'review');
    await expect(h.engine.assignUserTask(key, 'amira', { by: 'amira' })).resolves.toMatchObject({ status: 'applied', task: { assignee: 'amira' } });
    await expect(h.engine.updateUserTask(key, { followUpDate: null }, { by: 'amira' })).resolves.toMatchObject({ status: 'applied' });
    expect(await h.engine.getUserTask(key)).not.toHaveProperty('followUpDate');
    await expect(h.engine.updateUserTask(key, { priority: 101 }, { by: 'x' })).rejects.toBeInstanceOf(ValidationError);
    await expect(h.engine.updateUserTask(key, { assignee: 'x' } as never, { by: 'x' })).rejects.toMatchObject({ code: 'INVALID_TASK_CHANGE' });
    await expect(h.engine.assignUserTask('nope', 'x', { by: 'x' })).rejects.toMatchObject({ code: 'TASK_NOT_FOUND' });
    await h.engine.completeUserTask(key, {}, { by: 'amira' });
    await expect(h.engine.assignUserTask(key, 'sam', { by: 'x' })).rejects.toMatchObject({ code: 'TASK_CLOSED' });
  });
});
