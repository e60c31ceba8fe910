import type { CancelReason, OutboxEntry, OutboxKind, OutboxState } from '../domain/escalation';
import type { Page, PageRequest } from './repository.port';

export type NewOutboxEntry = Omit<
  OutboxEntry,
  'state' | 'generation' | 'attempts' | 'maxAttempts' | 'nextAttemptAt' | 'createdAt' | 'updatedAt'
> & { state: 'pending' | 'held' };

export type OutboxPatch = Partial<Omit<OutboxEntry, 'id' | 'kind' | 'createdAt'>>;

export interface OutboxFilter {
  state?: OutboxState;
  kind?: OutboxKind;
  taskId?: string;
  recipientId?: string;
}

/**
 * The email outbox. Exactly-once rests on unique inserts only (FerretDB applies conditional updates
 * non-atomically): entry ids are the once-ever keys and each delivery attempt owns a unique lease.
 */
export interface OutboxRepository {
  /** Inserts the entries whose ids are new; ids already present are left alone. Returns the ids inserted. */
  enqueue(entries: NewOutboxEntry[], at: string, maxAttempts: number): Promise<string[]>;
  findById(id: string): Promise<OutboxEntry | undefined>;
  /** Pending/retry entries due by `now`, and "sending" entries whose attempt started before `staleBefore`. */
  dueForDelivery(now: string, staleBefore: string, limit: number): Promise<OutboxEntry[]>;
  /**
   * Takes attempt number `attempt` of this entry generation. True for exactly one caller, ever: the lease
   * is a unique insert. A crash after taking it leaves the entry "sending" until the lease goes stale.
   */
  takeAttempt(entry: OutboxEntry, attempt: number, at: string): Promise<boolean>;
  /** When the lease of that attempt was taken, if it was. */
  attemptTakenAt(entry: OutboxEntry, attempt: number): Promise<string | undefined>;
  patch(id: string, patch: OutboxPatch): Promise<void>;
  /**
   * A notice no longer right for its task (reassigned, re-dated): archived as cancelled under
   * `<id>~<generation>` and its key freed, so the sweep may plan that notice again when it is due.
   */
  supersede(entry: OutboxEntry, at: string): Promise<void>;
  /** Cancels every not-yet-sent notice of a task (pending, retry, held). Returns how many. */
  cancelForTask(taskId: string, reason: CancelReason, at: string): Promise<number>;
  held(limit: number): Promise<OutboxEntry[]>;
  list(filter: OutboxFilter, page: PageRequest): Promise<Page<OutboxEntry>>;
  countByState(): Promise<Partial<Record<OutboxState, number>>>;
}
