// The audit log as use cases see it. AuditLog is what every other use case needs (record and move on);
// AuditTrail is the DPO's side: search and verify.
import type { AuditEvent, AuditEventInput, ChainReport } from '../domain/audit/audit-event';
import type { Page, PageRequest } from './repository.port';

export interface AuditLog {
  /** Appends an event at the end of the chain; resolves once it is stored. */
  record(event: AuditEventInput): Promise<AuditEvent>;
}

export interface AuditQuery {
  actorId?: string;
  /** Exact action, or a prefix ending in "." (e.g. "auth.") for a family of actions. */
  action?: string;
  recordType?: string;
  recordId?: string;
  section?: string;
  flagged?: boolean;
  from?: Date;
  to?: Date;
}

export interface AuditTrail {
  /** Newest first. */
  search(query: AuditQuery, page: PageRequest): Promise<Page<AuditEvent>>;
  /** Re-computes every hash from the first event. */
  verify(): Promise<ChainReport>;
  /** A case's flagged events (break glass, restricted corrections), newest first — without a log search. */
  flaggedOfCase(caseId: string, limit: number): Promise<AuditEvent[]>;
}

/** Erasure's side: makes a case's audit details unreadable while the chain still verifies. */
export interface AuditDetailsErasure {
  /**
   * Destroys the case's details key. Returns how many of its events hold details in clear (written
   * before details were encrypted): those cannot be changed without breaking the chain and remain.
   */
  eraseCaseDetails(caseId: string): Promise<{ plaintextEvents: number }>;
}
