// A task completed or cancelled: its notices not yet sent are cancelled at once (the lead wires this to
// the engine's user-task.completed / user-task.cancelled events). Delivery re-checks the task anyway, so
// a notice that slips past this (event lost, race) is still cancelled before it is sent.
import type { EscalationDeps } from './escalation-deps';

export type CancelDeps = Pick<EscalationDeps, 'outbox' | 'clock'>;

export async function cancelTaskNotices(deps: CancelDeps, taskId: string): Promise<number> {
  return deps.outbox.cancelForTask(taskId, 'task-closed', deps.clock.now().toISOString());
}
