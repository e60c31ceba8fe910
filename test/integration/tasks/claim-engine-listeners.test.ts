// Claim, release and reassign tell the engine, so a process's `assigning` task listeners run; a listener
// that denies undoes the queue change and the caller gets a 409 saying why. Completing an unclaimed task
// claims it the same way first.
import fs from 'node:fs';
import path from 'node:path';
import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { startTasksCasesApi, type TasksCasesApi } from '../../support/tasks-cases-api';

const bpmn = fs.readFileSync(path.join(__dirname, '../../features/engine/fixtures/assign-listeners.bpmn'), 'utf8');

describe('claim / release / reassign run the process assigning listeners', () => {
  let api: TasksCasesApi;
  const seen: Job[] = [];
  beforeAll(async () => {
    api = await startTasksCasesApi('claimlisten', { engine: true });
    const engine = api.engine!;
    await engine.deploy([{ name: 'assign-listeners.bpmn', content: bpmn }]);
    engine.registerJobHandler('vet-assignee', async (job) => {
      seen.push(job);
      const assignee = (job.variables.userTask as { assignee?: string }).assignee;
      if (assignee === 'cm-west') return { kind: 'complete', result: { corrections: { assignee: 'cm-1' } } }; // east's duty worker covers
      return assignee === 'cm-2' ? { kind: 'complete', result: { denied: true, deniedReason: 'cm-2 is on leave this week' } } : { kind: 'complete' };
    });
    engine.registerJobHandler('note-assignment', async () => ({ kind: 'complete' }));
    engine.registerJobHandler('vet-completion', async () => ({ kind: 'complete' }));
  }, 120_000);
  afterAll(() => api.close());

  const newTask = async () => {
    const { instanceKey } = await api.engine!.startInstance('assign-listeners', {});
    const [task] = await api.engine!.listUserTasks({ instanceKey });
    expect(await api.repos.tasks.findById(task.key)).toBeDefined(); // projected into the queue
    return task.key;
  };

  it('a claim assigns the task in the engine after the listeners ran (action claim); releasing unassigns it there too', async () => {
    const id = await newTask();
    const claimed = await api.call('POST', `/tasks/${id}/claim`, 'cm');
    expect(claimed.status).toBe(200);
    expect(claimed.body.assignee).toBe('cm-1');
    expect((await api.engine!.getUserTask(id))?.assignee).toBe('cm-1');
    expect(seen.at(-1)?.variables.userTask).toMatchObject({ assignee: 'cm-1', action: 'claim', changedAttributes: ['assignee'] });

    const released = await api.call('POST', `/tasks/${id}/unclaim`, 'cm');
    expect(released.status).toBe(200);
    expect(await api.engine!.getUserTask(id)).not.toHaveProperty('assignee');
    expect(seen.at(-1)?.variables.userTask).toMatchObject({ action: 'unassign' });
  });

  it('a claim the listener denies is undone in the queue and answered 409 with the reason', async () => {
    const id = await newTask();
    const res = await api.call('POST', `/tasks/${id}/claim`, 'cm2');
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'TASK_CHANGE_DENIED', message: expect.stringMatching(/^Claiming this task was refused by the process: cm-2 is on leave this week/) });
    expect((await api.repos.tasks.findById(id))?.assignee).toBeUndefined();
    expect(await api.engine!.getUserTask(id)).not.toHaveProperty('assignee');
    expect(api.audit.filter((e) => e.recordId === id)).toEqual([]); // nothing happened, nothing audited
    // someone else can still claim it
    expect((await api.call('POST', `/tasks/${id}/claim`, 'cm')).status).toBe(200);
  });

  it('a reassignment the listener denies puts the previous assignee back', async () => {
    const id = await newTask();
    await api.call('POST', `/tasks/${id}/claim`, 'cm');
    const res = await api.call('POST', `/tasks/${id}/reassign`, 'tm', { toUserId: 'cm-2' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toContain('Reassigning this task was refused by the process');
    expect((await api.repos.tasks.findById(id))?.assignee).toBe('cm-1');
    expect((await api.engine!.getUserTask(id))?.assignee).toBe('cm-1');
    const back = await api.call('POST', `/tasks/${id}/reassign`, 'tm', { toUserId: null });
    expect(back.status).toBe(200);
    expect(await api.engine!.getUserTask(id)).not.toHaveProperty('assignee');
  });

  it('when a listener corrects the assignee, the queue follows the engine and the audit records who got it', async () => {
    const id = await newTask();
    const res = await api.call('POST', `/tasks/${id}/reassign`, 'tm', { toUserId: 'cm-west' });
    expect(res.status).toBe(200);
    expect(res.body.assignee).toBe('cm-1');
    expect((await api.repos.tasks.findById(id))?.assignee).toBe('cm-1');
    expect((await api.engine!.getUserTask(id))?.assignee).toBe('cm-1');
    expect(api.audit.filter((e) => e.recordId === id).at(-1)).toMatchObject({ action: 'task.reassign', after: { assignee: 'cm-1' } });
  });

  it('completing an unclaimed task claims it through the engine first: the assigning listeners run (action claim)', async () => {
    const id = await newTask();
    const before = seen.length;
    const res = await api.call('POST', `/tasks/${id}/complete`, 'cm', { data: {} });
    expect(res.status).toBe(200);
    expect(seen.slice(before).map((j) => j.variables.userTask)).toEqual([expect.objectContaining({ assignee: 'cm-1', action: 'claim' })]);
    await api.engine!.runDue(); // the completing listener's job
    expect(await api.engine!.getUserTask(id)).toMatchObject({ state: 'completed', assignee: 'cm-1' });
    expect(await api.repos.tasks.findById(id)).toMatchObject({ state: 'completed', completedBy: 'cm-1' });
  });

  it('a completion whose claim the listener denies stores nothing and leaves the task unclaimed', async () => {
    const id = await newTask();
    const res = await api.call('POST', `/tasks/${id}/complete`, 'cm2', { data: {} });
    expect(res.status).toBe(409);
    expect(res.body.error).toMatchObject({ code: 'TASK_CHANGE_DENIED', message: expect.stringMatching(/^Claiming this task was refused by the process: cm-2 is on leave/) });
    expect(await api.repos.tasks.findById(id)).toMatchObject({ state: 'open', assignee: undefined });
    expect(await api.repos.submissions.list({ taskId: id }, 10)).toEqual([]);
    expect((await api.engine!.getUserTask(id))?.state).toBe('open');
  });
});
