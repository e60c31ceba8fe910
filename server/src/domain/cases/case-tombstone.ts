// What remains of an erased case: enough for reports and the audit to count it, nothing about the child.
// Design "Privacy operations and reporting": deletion means gone everywhere, yet counts must still add up.

export interface CaseTombstone {
  /** The case reference (an opaque id, not derived from the child's details). */
  caseId: string;
  /** The retention rule the erasure applied. */
  rule: string;
  /** Team and pathway (not personal): reports count erased cases by them. */
  team?: string;
  pathway?: string;
  openedAt?: string;
  closedAt?: string;
  /** When the retention rule made the case due for erasure, when known. */
  dueAt?: string;
  erasedAt: string;
  approvedBy: string;
  approvalRef?: string;
  /** 'in-progress' until every store is emptied; a rerun finishes an in-progress erasure. */
  state: 'in-progress' | 'complete';
  /** Audit events of the case written before details were encrypted: their details remain (see docs/privacy.md, "Erasable audit details"). */
  plaintextAuditEvents?: number;
  /** What the erasure could not delete, in words (e.g. the history Camunda 8 keeps); absent when it deleted everything. */
  notErased?: string[];
}
