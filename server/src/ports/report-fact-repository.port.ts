// The reporting projection's store (domain/reports/task-fact.ts) and the source rows a rebuild reads.
import type { TaskFact } from '../domain/reports/task-fact';
import type { CountCell, CountIncrements } from '../domain/reports/timeliness-counts';
import type { QueueTask } from '../domain/tasks/queue-task';

export interface ReportFactQuery {
  /** Due on or after / before these instants (the report's period). */
  dueFrom: string;
  dueBefore: string;
  /** Only these teams; absent: every team (and facts of no team). */
  teamsAny?: readonly string[];
}

/** A projection's change to one fact: store it whole, or remove the fact of this id. */
export type FactChange<F extends { id: string }> = { put: F } | { remove: string };

export interface ReportFactRepository {
  /** Idempotent: stores the fact as given, replacing what was stored under its id. */
  put(fact: TaskFact): Promise<void>;
  /** Several changes in one write, in order (the live updater's batch). */
  apply(changes: readonly FactChange<TaskFact>[]): Promise<void>;
  /** Idempotent. */
  remove(id: string): Promise<void>;
  get(id: string): Promise<TaskFact | undefined>;
  find(query: ReportFactQuery): Promise<TaskFact[]>;
  /** Keyset page over every fact by id, for the rebuild's comparison. */
  page(afterId: string | undefined, limit: number): Promise<TaskFact[]>;
  /** The timeliness counts of these London months ("YYYY-MM"), kept with every change of a fact. */
  monthCounts(months: readonly string[]): Promise<{ month: string; cells: CountCell[] }[]>;
  /** Writes what `apply` left to write later (the timeliness counts' increments); reads do it first. */
  flush(): Promise<void>;
  /** The rebuild's recount: makes the counts exactly these (every fact's); answers the months that differed. */
  recount(counts: CountIncrements, opts?: { dryRun?: boolean }): Promise<string[]>;
}

/** The task queue's rows, every state, by id: what a rebuild derives the facts from. */
export interface ReportSourceTasks {
  page(afterId: string | undefined, limit: number): Promise<QueueTask[]>;
  findById(id: string): Promise<QueueTask | undefined>;
}
