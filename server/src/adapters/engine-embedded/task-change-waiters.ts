// Callers of assignUserTask / updateUserTask wait, like Zeebe's command response, until the task listeners
// have let the change through or denied it. The outcome is read from the effects each saved instance step
// produces (task.update / task.denied carry the request id), so this holds no state the outbox does not.
import type { Effect } from './runtime/instance-state';

export type ChangeOutcome = { kind: 'applied' } | { kind: 'denied'; reason: string } | { kind: 'pending' } | { kind: 'closed'; state: 'completed' | 'cancelled' };

interface Waiter { instanceKey: string; taskKey: string; settle(outcome: ChangeOutcome): void }

export class TaskChangeWaiters {
  private readonly waiters = new Map<string, Waiter>();

  /** Registers before the command runs, so an outcome produced by the command itself is not missed. */
  expect(requestId: string, instanceKey: string, taskKey: string): { wait(timeoutMs: number): Promise<ChangeOutcome>; dispose(): void } {
    let settle!: (o: ChangeOutcome) => void;
    const outcome = new Promise<ChangeOutcome>((resolve) => { settle = resolve; });
    this.waiters.set(requestId, { instanceKey, taskKey, settle });
    return {
      wait: (timeoutMs) => {
        let timer: NodeJS.Timeout | undefined;
        // A listener whose worker runs elsewhere (or not at all) leaves the change pending, not failed.
        const timeout = new Promise<ChangeOutcome>((resolve) => { timer = setTimeout(() => resolve({ kind: 'pending' }), timeoutMs); });
        return Promise.race([outcome, timeout]).finally(() => clearTimeout(timer));
      },
      dispose: () => { this.waiters.delete(requestId); },
    };
  }

  /** Called with the effects of every saved step of an instance. */
  observe(instanceKey: string, effects: Effect[]): void {
    if (!this.waiters.size) return;
    for (const e of effects) {
      if (e.type === 'task.update' && e.requestId) this.waiters.get(e.requestId)?.settle({ kind: 'applied' });
      if (e.type === 'task.denied' && e.requestId) this.waiters.get(e.requestId)?.settle({ kind: 'denied', reason: e.reason });
      if (e.type === 'task.close') {
        // Cancelled (the instance, or an interrupting event) while its listeners ran: nothing left to change.
        for (const w of this.waiters.values()) if (w.instanceKey === instanceKey && w.taskKey === e.taskKey) w.settle({ kind: 'closed', state: e.state });
      }
      if (e.type === 'incident.raise') {
        // A listener job ran out of retries: the change waits for an operator to resolve the incident.
        const taskKey = `${instanceKey}.u${e.tokenId}`;
        for (const w of this.waiters.values()) if (w.instanceKey === instanceKey && w.taskKey === taskKey) w.settle({ kind: 'pending' });
      }
    }
  }
}
