// Narrow read ports the escalation use cases need from the task queue and the user directory. Separate
// from TaskRepository/UserRepository so the sweep's bulk reads can be tuned without touching them.
import type { QueueTask } from '../domain/tasks/queue-task';
import type { User } from '../domain/users/user';

export interface EscalationTaskReader {
  findById(id: string): Promise<QueueTask | undefined>;
  /**
   * Open tasks due before `moment`, in batches, from ONE query. On FerretDB every query scans the whole
   * collection (only `_id` equality is pushed down to SQLite), so keyset pages would cost a full scan
   * each; a single cursor costs one scan and still holds only one batch in memory.
   */
  openDueBefore(moment: string, batchSize: number): AsyncIterable<QueueTask[]>;
  /** Open user tasks of one process instance (what a BPMN boundary timer escalates). */
  openByInstance(instanceKey: string): Promise<QueueTask[]>;
}

export interface EscalationPeopleReader {
  /** Active and inactive users with these ids (unknown ids are skipped). */
  findByIds(ids: string[]): Promise<User[]>;
  /** Users holding any of these roles. */
  findInRoles(roles: string[]): Promise<User[]>;
  /** The user with this username (the escalation fallback), active or not. */
  findByUsername(username: string): Promise<User | undefined>;
}
