import type { Job } from '../../../server/src/ports/workflow-engine.port';
import { engineHarness, type Harness } from './support/engine-harness';

const userTaskOf = (job: Job) => job.variables.userTask as { userTaskKey: string; action: string; elementId: string };

describe('Feature: canceling task listeners run as jobs when a task is cancelled', () => {
  let h: Harness;
  let partnerDown = false;
  let releaseAssign: () => void = () => undefined;
  beforeAll(async () => {
    h = await engineHarness(['cancel-listeners.bpmn']);
    h.handle('note-cancel', () => ({ kind: 'complete' }));
    h.handle('tell-partner', () => (partnerDown ? { kind: 'fail', message: 'partner system down', retries: 0 } : { kind: 'complete' }));
    h.handle('slow-assign', () => new Promise((resolve) => { releaseAssign = () => resolve({ kind: 'complete' }); }));
  });
  afterAll(() => h.close());

  const cancelJobs = (taskKey: string) => h.jobs.filter((j) => j.headers.listenerEventType === 'canceling' && userTaskOf(j).userTaskKey === taskKey);
  /** Starts an instance, cancels it, runs what is due; checks instance and task were cancelled and the listeners ran. */
  const cancelled = async (caseId: string) => {
    const { instanceKey } = await h.engine.startInstance('cancel-listeners', { caseId });
    const key = await h.taskKey(instanceKey, 'review');
    await h.engine.cancelInstance(instanceKey);
    await h.engine.runDue();
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('cancelled');
    expect((await h.engine.getUserTask(key))?.state).toBe('cancelled');
    expect(cancelJobs(key).map((j) => j.type)).toEqual(['note-cancel', 'tell-partner']);
    return instanceKey;
  };

  test('Given a message interrupts the task, then the task is cancelled, each canceling listener runs once with the task, and the flow goes on', async () => {
    const { instanceKey } = await h.engine.startInstance('cancel-listeners', { caseId: 'C-1' });
    const key = await h.taskKey(instanceKey, 'review');
    await h.engine.publishMessage('referral-withdrawn', 'C-1', { reason: 'moved area' });
    await h.engine.runDue();
    await h.engine.runDue();
    expect((await h.engine.getUserTask(key))?.state).toBe('cancelled');
    const instance = await h.engine.getInstance(instanceKey);
    expect(instance?.state).toBe('completed');
    expect(instance?.timeline.some((t) => t.elementId === 'withdrawnEnd' && t.event === 'completed')).toBe(true);
    const jobs = cancelJobs(key);
    expect(jobs.map((j) => j.type)).toEqual(['note-cancel', 'tell-partner']);
    expect(userTaskOf(jobs[0])).toMatchObject({ userTaskKey: key, action: 'cancel', elementId: 'review' });
    expect(jobs[0].variables.caseId).toBe('C-1');
    expect(jobs[0].headers.section).toBe('referral');
    await h.engine.runDue();
    expect(cancelJobs(key)).toHaveLength(2); // once each
    expect(await h.engine.listIncidents({ instanceKey })).toEqual([]);
  });

  test('Given the instance is cancelled, then its open task is cancelled and the canceling listeners run after it ended', async () => {
    await cancelled('C-2');
  });

  test('Given a task is being assigned (its assigning listener still running) when the instance is cancelled, then the task is cancelled too', async () => {
    const { instanceKey } = await h.engine.startInstance('cancel-listeners', { caseId: 'C-3' });
    const key = await h.taskKey(instanceKey, 'review');
    const assigning = h.engine.assignUserTask(key, 'amira', { by: 'amira' }).catch((e) => e);
    while (!h.jobs.some((j) => j.type === 'slow-assign' && userTaskOf(j).userTaskKey === key)) await new Promise((r) => setTimeout(r, 10));
    await h.engine.cancelInstance(instanceKey); // while the assigning listener runs
    releaseAssign();
    expect(await assigning).toMatchObject({ code: 'TASK_CLOSED' }); // told at once, not after the 10 s wait
    await h.engine.runDue();
    expect((await h.engine.getInstance(instanceKey))?.state).toBe('cancelled');
    expect((await h.engine.getUserTask(key))?.state).toBe('cancelled');
    expect(cancelJobs(key)).toHaveLength(2);
  });

  test('Given a canceling listener fails with no retries left, then the cancellation stands and no incident is raised on the ended instance', async () => {
    partnerDown = true;
    try {
      const instanceKey = await cancelled('C-4');
      expect(await h.engine.listIncidents({ instanceKey })).toEqual([]);
    } finally {
      partnerDown = false;
    }
  });
});
