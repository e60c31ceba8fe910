// What erasing a case needs of each store (issue 17, "deletion means gone everywhere"). Each method is
// idempotent: a rerun after a crash finds less, or nothing, and finishes. Kept apart from the stores'
// everyday ports so their test doubles need not grow.
import type { CaseRecord } from '../domain/cases/case-record';
import type { CaseTombstone } from '../domain/cases/case-tombstone';

export interface CaseRecordErasure {
  /** Deletes the case's amendment history, then the case record itself (and what memory holds of it). */
  eraseCase(caseId: string): Promise<void>;
}

export interface BasicRecordWriter {
  /**
   * Reduction to a basic record: deletes the case's amendment history, then replaces the record with
   * `basic` (and refreshes what memory holds of it). Idempotent: a rerun writes the same record again.
   */
  reduceToBasicRecord(caseId: string, basic: CaseRecord): Promise<void>;
}

export interface TaskRowErasure {
  /** Ids of every task row of the case, open or closed. */
  taskIdsOfCase(caseId: string): Promise<string[]>;
  /** Deletes those rows and takes them out of the in-process queue and due-date indexes. */
  eraseTasksOfCase(caseId: string): Promise<number>;
}

export interface FormDataErasure {
  /** Deletes what belongs to the case or to one of its tasks (drafts, submissions). */
  eraseOfCase(caseId: string, taskIds: readonly string[]): Promise<number>;
}

export interface MailErasure {
  /**
   * Message ids of the emails planned about these tasks: notices, digests listing them, and any email
   * whose subject or text mentions one of `mentions` (a team digest names the child).
   */
  messageIdsOf(taskIds: readonly string[], mentions: readonly string[]): Promise<string[]>;
  /** Deletes those outbox entries and forgets them in memory. */
  eraseOf(taskIds: readonly string[], mentions: readonly string[]): Promise<number>;
}

export interface CaughtMailErasure {
  /** Deletes caught messages by message id, or whose subject or text mentions one of `mentions`. */
  eraseMessages(messageIds: readonly string[], mentions: readonly string[]): Promise<number>;
}

export interface SavedFilterErasure {
  /** Deletes every user's saved queue filter that names the case. */
  eraseNamingCase(caseId: string): Promise<number>;
}

export interface TombstoneRepository {
  get(caseId: string): Promise<CaseTombstone | undefined>;
  /** Stores or replaces the tombstone (it holds no personal data). */
  save(tombstone: CaseTombstone): Promise<void>;
}
