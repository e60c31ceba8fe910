// The escalation sweep's task reads answered from the task repository's in-process queue index (open
// tasks by due date, see task-due-index.ts) instead of the tasks collection.
//
// Why: on the embedded database (FerretDB 1.24/SQLite) "open tasks due before T" is a full scan, ~20 s
// over 100k open tasks, four times the sweep's budget. The index exists only where it can be trusted:
// one server process per DATA_DIR, every task write going through MongoTaskRepository. Until it has
// been loaded (start-up), and for anything it does not hold (closed tasks), the database answers.
import type { QueueTask } from '../../domain/tasks/queue-task';
import type { EscalationTaskReader } from '../../ports/escalation-readers.port';
import type { TaskQueueIndex } from './task-queue-index';

export class IndexedEscalationTaskReader implements EscalationTaskReader {
  /**
   * @param index the repository's queue index (`MongoTaskRepository.queues`)
   * @param fallback the database reader, for before the index is loaded and for closed tasks
   */
  constructor(
    private readonly index: Pick<TaskQueueIndex, 'isLoaded' | 'due'>,
    private readonly fallback: EscalationTaskReader,
  ) {}

  /**
   * An open task comes from the index; a closed or unknown one from the database, so revalidating a
   * notice still sees a completion (the index keeps open tasks only, and a recent history of others).
   */
  async findById(id: string): Promise<QueueTask | undefined> {
    const open = this.index.isLoaded ? this.index.due.get(id) : undefined;
    return open ?? this.fallback.findById(id);
  }

  async *openDueBefore(moment: string, batchSize: number): AsyncIterable<QueueTask[]> {
    if (!this.index.isLoaded) {
      yield* this.fallback.openDueBefore(moment, batchSize);
      return;
    }
    // A snapshot taken now, like the database cursor's single scan: tasks that close or move while the
    // sweep awaits between batches are settled by the notice's revalidation before sending.
    const rows = this.index.due.dueBefore(moment);
    for (let i = 0; i < rows.length; i += batchSize) yield rows.slice(i, i + batchSize);
  }

  async openByInstance(instanceKey: string): Promise<QueueTask[]> {
    return this.index.isLoaded ? this.index.due.ofInstance(instanceKey) : this.fallback.openByInstance(instanceKey);
  }
}
