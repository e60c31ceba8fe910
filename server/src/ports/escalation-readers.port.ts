// Narrow read ports the escalation use cases need from the task queue and the user directory. Separate
// from TaskRepository/UserRepository so the sweep's bulk reads can be tuned without touching them.
import type { QueueTask } from '../domain/tasks/queue-task';
import type { User } from '../domain/users/user';

export interface EscalationTaskReader {
  findById(id: string): Promise<QueueTask | undefined>;
  /** Keyset page of open tasks due before `moment`, ordered by id. */
  openDueBefore(moment: string, afterId: string | undefined, limit: number): Promise<QueueTask[]>;
  /** Open user tasks of one process instance (what a BPMN boundary timer escalates). */
  openByInstance(instanceKey: string): Promise<QueueTask[]>;
}

export interface EscalationPeopleReader {
  /** Active and inactive users with these ids (unknown ids are skipped). */
  findByIds(ids: string[]): Promise<User[]>;
  /** Users holding any of these roles. */
  findInRoles(roles: string[]): Promise<User[]>;
}
