// The outbox entries not yet final (pending, retry, held, sending), kept in memory by the sole server. The
// outbox keeps every email ever planned, and on FerretDB its filtered queries decode all of it: the delivery
// poll (every 15 s while work waits, else every 2 minutes) and every task completion's "cancel its notices"
// grew with the service's whole history. From this index both are answered with `_id` reads of the entries
// concerned. It may hold stale values (a write it did not see), never miss a live entry that this process
// wrote, and the repository re-checks every candidate against the stored entry.
import type { OutboxState } from '../../domain/escalation';

export const LIVE: OutboxState[] = ['pending', 'retry', 'held', 'sending'];
/** Not yet sent and not being sent: what closing their task cancels. */
export const OPEN: OutboxState[] = ['pending', 'retry', 'held'];

export interface LiveFields { taskId?: string; state: OutboxState; nextAttemptAt?: Date | string | number; lastAttemptAt?: Date | string | number }
interface Live { taskId?: string; state: OutboxState; next: number; last: number }

const ms = (d: Date | string | number | undefined) => (d === undefined ? 0 : new Date(d).getTime());

/** What the delivery poll picks: pending/retry entries due by now, and sending ones whose attempt went stale. */
export const isDueForDelivery = (e: LiveFields, now: Date, staleBefore: Date): boolean =>
  ((e.state === 'pending' || e.state === 'retry') && ms(e.nextAttemptAt) <= now.getTime())
  || (e.state === 'sending' && e.lastAttemptAt !== undefined && ms(e.lastAttemptAt) <= staleBefore.getTime());

export class LiveNotices {
  private readonly entries = new Map<string, Live>();
  private readonly byTask = new Map<string, Set<string>>();

  has(id: string): boolean {
    return this.entries.has(id);
  }

  /** Records an entry's current fields (a new entry, or a change to a known one); a final state removes it. */
  put(id: string, fields: Partial<LiveFields>): void {
    const known = this.entries.get(id);
    const state = fields.state ?? known?.state;
    if (!state || !LIVE.includes(state)) return this.remove(id);
    const taskId = fields.taskId ?? known?.taskId;
    this.entries.set(id, {
      taskId, state,
      next: fields.nextAttemptAt !== undefined ? ms(fields.nextAttemptAt) : known?.next ?? 0,
      last: fields.lastAttemptAt !== undefined ? ms(fields.lastAttemptAt) : known?.last ?? 0,
    });
    if (taskId) {
      let ids = this.byTask.get(taskId);
      if (!ids) this.byTask.set(taskId, (ids = new Set()));
      ids.add(id);
    }
  }

  remove(id: string): void {
    const e = this.entries.get(id);
    if (!e) return;
    this.entries.delete(id);
    const ids = e.taskId ? this.byTask.get(e.taskId) : undefined;
    ids?.delete(id);
    if (ids && !ids.size) this.byTask.delete(e.taskId!);
  }

  /** Entries of a task that closing it cancels. */
  openOfTask(taskId: string): string[] {
    return [...(this.byTask.get(taskId) ?? [])].filter((id) => OPEN.includes(this.entries.get(id)!.state));
  }

  /** What the delivery poll selects: due pending/retry entries and stale sending ones, by next attempt, then id. */
  dueForDelivery(now: Date, staleBefore: Date, limit: number): string[] {
    const due: [number, string][] = [];
    for (const [id, e] of this.entries) {
      if (isDueForDelivery({ state: e.state, nextAttemptAt: e.next, lastAttemptAt: e.last }, now, staleBefore)) due.push([e.next, id]);
    }
    return due.sort((a, b) => a[0] - b[0] || (a[1] < b[1] ? -1 : a[1] > b[1] ? 1 : 0)).slice(0, limit).map(([, id]) => id);
  }
}
