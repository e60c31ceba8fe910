import type { Page, PageRequest } from './repository.port';
import type { QueueTask, TaskQuery, TaskSort } from '../domain/tasks/queue-task';

export type NewQueueTask = Omit<QueueTask, 'revision' | 'state' | 'claimedAt' | 'completedAt' | 'completedBy'>;

export interface TaskRepository {
  /**
   * Idempotent: a second call for the same id changes nothing (engine events are at-least-once). True when
   * this call inserted the row: only then may the caller act on the task (route it, tell the engine).
   */
  recordCreated(task: NewQueueTask): Promise<boolean>;
  /** Idempotent; only an open task moves to completed/cancelled. */
  recordClosed(id: string, state: 'completed' | 'cancelled', at: string, by?: string): Promise<void>;
  /** Idempotent: an open task now belongs to another version of its process (the instance was migrated; same key). */
  /** Idempotent: an open task's case moved to another team (teams merged or split). */
  recordTeam(id: string, team: string): Promise<void>;
  recordMigrated(id: string, to: { processVersion: number; elementId: string; name: string }): Promise<void>;
  findById(id: string): Promise<QueueTask | undefined>;
  /** Open and completed tasks projected without a case (before called processes inherited caseId): start-up repair. */
  withoutCase(limit: number): Promise<Pick<QueueTask, 'id' | 'instanceKey'>[]>;
  /** Idempotent: gives an open or completed task without a case its case (and the case's team). */
  recordCase(id: string, caseId: string, team: string | undefined): Promise<void>;
  /** Atomically assigns an open, unassigned task; ConflictError when someone else holds it. */
  claim(id: string, userId: string, at: string): Promise<QueueTask>;
  /** Releases the caller's own claim; ConflictError when the caller is not the assignee. */
  unclaim(id: string, userId: string): Promise<QueueTask>;
  /** Manager action: assigns regardless of the current assignee. */
  reassign(id: string, toUserId: string | undefined, at: string): Promise<QueueTask>;
  setDueDate(id: string, dueDate: string | undefined): Promise<QueueTask>;
  search(query: TaskQuery, sort: TaskSort, page: PageRequest): Promise<Page<QueueTask>>;
  /** Keyset scan of open tasks due before a moment, for escalation sweeps over large queues. */
  openDueBefore(moment: string, afterId: string | undefined, limit: number): Promise<QueueTask[]>;
}
