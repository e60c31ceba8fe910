// The ordered steps that empty every store of a case's personal data. The order is what makes a rerun
// after a crash finish the job: each step finds its rows through something a later step deletes (tasks
// through the task rows, emails through the outbox, filters and mail text through the case record's
// name), so nothing personal is left unreachable. Engine instances go first, so no running step of the
// case's processes writes again behind the erasure.
import type { CaseRecord } from '../../domain/cases/case-record';
import type { AuditDetailsErasure } from '../../ports/audit-log.port';
import type {
  CaseRecordErasure, CaughtMailErasure, FormDataErasure, MailErasure, SavedFilterErasure, TaskRowErasure,
} from '../../ports/case-erasure.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';

export interface CaseStores {
  /**
   * `erasureLeaves`: what erasing the instances cannot delete, in words, when the engine keeps something
   * (Camunda 8 keeps instance history; its API has no deletion). Said on the erasure's result and tombstone.
   */
  engine: Pick<WorkflowEngine, 'eraseInstancesOfCase'> & { readonly erasureLeaves?: string };
  tasks: TaskRowErasure;
  outbox: MailErasure;
  caughtMail?: CaughtMailErasure;
  drafts: FormDataErasure;
  submissions: FormDataErasure;
  savedFilters: SavedFilterErasure;
  auditDetails: AuditDetailsErasure;
  cases: CaseRecordErasure;
  /** Stores other parts keep about a case (consent records, subject access requests…), erased with it. */
  others?: { eraseOfCase(caseId: string): Promise<number> }[];
}

export interface ErasedCounts {
  instances: number;
  emails: number;
  caughtMail: number;
  tasks: number;
  drafts: number;
  submissions: number;
  savedFilters: number;
  plaintextAuditEvents: number;
  /** What the erasure could not delete, in words (absent when it deleted everything). */
  notErased?: string[];
}

/** Words that identify the case in free text (emails): its reference, the child's name, NHS number. */
export function mentionsOf(caseId: string, record: CaseRecord | undefined): string[] {
  const id = record?.identity;
  return [caseId, id?.displayName, id?.nhsNumber].filter((m): m is string => typeof m === 'string' && m.trim().length > 0);
}

export type WorkStores = Omit<CaseStores, 'auditDetails' | 'cases'>;
export type WorkCounts = Omit<ErasedCounts, 'plaintextAuditEvents'>;

/**
 * Everything of a case but its record and its audit key: engine instances, mail, drafts, submissions, task
 * rows, saved filters, other parts' stores. Erasure runs it first; a reduction to a basic record
 * (reduce-case.ts) runs it too, then keeps the record's basic facts and the key.
 */
export async function eraseWorkOfCase(stores: WorkStores, caseId: string, record: CaseRecord | undefined): Promise<WorkCounts> {
  const instances = await stores.engine.eraseInstancesOfCase(caseId);
  const taskIds = await stores.tasks.taskIdsOfCase(caseId);
  const mentions = mentionsOf(caseId, record);
  // Caught mail before the outbox: the outbox entries carry the message ids that find it.
  const messageIds = await stores.outbox.messageIdsOf(taskIds, mentions);
  const caughtMail = (await stores.caughtMail?.eraseMessages(messageIds, mentions)) ?? 0;
  const emails = await stores.outbox.eraseOf(taskIds, mentions);
  // Drafts and submissions before the task rows: a task's draft is found through the task's id.
  const drafts = await stores.drafts.eraseOfCase(caseId, taskIds);
  const submissions = await stores.submissions.eraseOfCase(caseId, taskIds);
  const tasks = await stores.tasks.eraseTasksOfCase(caseId);
  const savedFilters = await stores.savedFilters.eraseNamingCase(caseId);
  for (const other of stores.others ?? []) await other.eraseOfCase(caseId);
  const leaves = stores.engine.erasureLeaves;
  return { instances, emails, caughtMail, tasks, drafts, submissions, savedFilters, ...(leaves ? { notErased: [leaves] } : {}) };
}

export async function eraseCaseStores(stores: CaseStores, caseId: string, record: CaseRecord | undefined): Promise<ErasedCounts> {
  const counts = await eraseWorkOfCase(stores, caseId, record);
  const { plaintextEvents } = await stores.auditDetails.eraseCaseDetails(caseId);
  // The case record last: until it is gone a rerun still knows the child's name to find mail by.
  await stores.cases.eraseCase(caseId);
  return { ...counts, plaintextAuditEvents: plaintextEvents };
}
