// Reduction of a case to a basic record ("reduce to a basic record after N years" before full deletion,
// e.g. statutory court orders: basic record after 3 years, deleted after 5). Refused while a legal hold
// covers the case. What the basic record keeps is decided in domain/retention/basic-record.ts; everything
// else of the case leaves every store through the same steps as erasure (erase-case-stores.ts: engine
// instances, mail, drafts, submissions, task rows, saved filters, consent records), then the amendment
// history goes and the record is replaced by its basic record, marked as reduced (date, rule, approver).
// The audit's per-case key is replaced: the details of the case's fuller past (values since reduced away)
// become unreadable as erasure makes them, while who read or changed the case, and when, stays in clear.
// The basic record's later events are sealed under the new key, which full erasure destroys in turn.
// Idempotent: a reduced case returns its reduction; a crash midway leaves the whole record and a rerun
// finishes (every store step finds less, and the record is replaced last).
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { CaseReduction } from '../../domain/cases/case-record';
import { basicRecordOf } from '../../domain/retention/basic-record';
import type { AuditDetailsErasure, AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { BasicRecordWriter } from '../../ports/case-erasure.port';
import type { Clock } from '../../ports/clock.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { eraseWorkOfCase, type WorkStores } from './erase-case-stores';

export interface ReduceCaseDeps {
  holds: LegalHoldChecker;
  caseReader: Pick<CaseRepository, 'findById'>;
  stores: WorkStores;
  basicRecords: BasicRecordWriter;
  audit: AuditLog;
  /** Destroys the case's audit key (a later event gets a new one). */
  auditDetails: Pick<AuditDetailsErasure, 'eraseCaseDetails'>;
  clock: Clock;
}

export interface ReduceCaseInput {
  caseId: string;
  rule: string;
  approvedBy: string;
  approvalRef?: string;
  dueAt?: string;
}

export async function reduceCase(deps: ReduceCaseDeps, input: ReduceCaseInput): Promise<CaseReduction> {
  const caseId = String(input.caseId);
  const holds = await deps.holds.holdsOnCase(caseId);
  if (holds.length) {
    const reasons = holds.map((h) => h.reason).join('; ');
    throw new ConflictError(`This case is under a legal hold and cannot be reduced to a basic record (${reasons})`, 'CASE_HELD');
  }
  const record = await deps.caseReader.findById(caseId);
  if (!record) throw new NotFoundError(`Case ${caseId} not found`, 'CASE_NOT_FOUND');
  if (record.reduction) return record.reduction; // reduced once: a second approval does nothing

  const reduction: CaseReduction = {
    reducedAt: deps.clock.now().toISOString(), rule: input.rule, approvedBy: input.approvedBy,
    ...(input.approvalRef ? { approvalRef: input.approvalRef } : {}),
    ...(input.dueAt ? { dueAt: input.dueAt } : {}),
  };
  const counts = await eraseWorkOfCase(deps.stores, caseId, record);
  const basic = basicRecordOf(record, reduction);
  const kept = Object.keys(basic.sections);
  const removed = Object.keys(record.sections).filter((s) => !kept.includes(s));
  // Written before the record is replaced, keyed: a rerun after a crash records it once. Not a 'case'
  // event, so it holds only counts and section names, readable by auditors.
  await deps.audit.record({
    actor: { id: input.approvedBy },
    action: 'case.reduced',
    recordType: 'case-reduction',
    recordId: caseId,
    after: { rule: input.rule, ...(input.approvalRef ? { approvalRef: input.approvalRef } : {}), sectionsKept: kept, sectionsRemoved: removed, ...counts },
    key: `${caseId}:case.reduced`,
  });
  await deps.auditDetails.eraseCaseDetails(caseId);
  await deps.basicRecords.reduceToBasicRecord(caseId, basic);
  return reduction;
}
