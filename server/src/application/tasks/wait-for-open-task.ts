// A user task opens only after the steps before it have run (a due-date job, say), which on a busy server may
// take a moment after the instance started. Callers that answer a person with "the next task" or act on it
// wait for it here, polling the stored tasks — the engine has no wait, and the job that opens the task may run
// on another server, so no in-process event would tell this one.
import type { UserTaskView, WorkflowEngine } from '../../ports/workflow-engine.port';

export interface WaitForOpenTask {
  /** How long to wait at most. */
  waitMs: number;
  /** Only a task of this element counts. */
  elementId?: string;
  /** Stop waiting as soon as the instance is no longer active (finished, cancelled, an incident): none will open. */
  whileActive?: Pick<WorkflowEngine, 'getInstance'>;
}

export async function waitForOpenTask(
  engine: Pick<WorkflowEngine, 'listUserTasks'>, instanceKey: string, opts: WaitForOpenTask,
): Promise<UserTaskView | undefined> {
  const until = Date.now() + opts.waitMs;
  for (;;) {
    const open = await engine.listUserTasks({ instanceKey, state: 'open' });
    const task = opts.elementId ? open.find((t) => t.elementId === opts.elementId) : open[0];
    if (task || Date.now() >= until) return task;
    if (opts.whileActive && (await opts.whileActive.getInstance(instanceKey))?.state !== 'active') return undefined;
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
