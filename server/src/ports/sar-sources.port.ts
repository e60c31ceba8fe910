// What a subject access request reads, across every store that holds data about a person. Reads only:
// the SAR never changes what it finds. Large sets (submissions, audit) are streamed, not loaded whole.
import type { AuditEvent } from '../domain/audit/audit-event';
import type { CaseAmendment } from '../domain/cases/case-amendment';
import type { CaseRecord } from '../domain/cases/case-record';
import type { CaseDocument } from '../domain/documents/case-document';
import type { FormSubmission } from '../domain/forms/form-version';

/** A submission as the SAR lists it: the case is the one it was gathered from. */
export type SarSubmission = Omit<FormSubmission, 'caseId'>;

export interface SarTask {
  id: string;
  name: string;
  processId: string;
  state: string;
  assignee?: string | null;
  createdAt?: string;
  completedAt?: string;
  completedBy?: string;
}

export interface SarEmail {
  id: string;
  taskId?: string;
  to: string;
  subject: string;
  text: string;
  state: string;
  createdAt?: string;
}

export interface SarSources {
  /** Every case, one at a time (the person may be a family member or victim on any of them). */
  cases(): AsyncIterable<CaseRecord>;
  amendments(caseId: string): AsyncIterable<CaseAmendment>;
  submissions(caseId: string): AsyncIterable<SarSubmission>;
  tasks(caseId: string): Promise<SarTask[]>;
  emails(taskIds: readonly string[]): Promise<SarEmail[]>;
  /** Staff names by user id ("Cara Case (cara.case)"), so the access list says who in words. */
  staffNames(): Promise<Map<string, string>>;
  /** Documents filed on the case (metadata only; the bytes are read at export). */
  documents?(caseId: string): Promise<CaseDocument[]>;
  /** Audit events about these cases (reads, writes, disclosures), oldest first. */
  auditOf(caseIds: readonly string[]): AsyncIterable<AuditEvent>;
}
