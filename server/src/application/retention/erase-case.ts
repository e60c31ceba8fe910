// Erasure of a case (issue 17, "Deletion means gone everywhere"; design "Privacy operations and
// reporting"): refused while a legal hold covers the case; otherwise the child's personal data leaves
// every store and a tombstone without personal data stays, so reports and the audit still count the case.
// Idempotent and resumable: the tombstone is written first ('in-progress'), each store's step finds what
// is left, and a rerun after a crash finishes; a finished erasure returns its tombstone again.
import type { CaseTombstone } from '../../domain/cases/case-tombstone';
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { TombstoneRepository } from '../../ports/case-erasure.port';
import type { Clock } from '../../ports/clock.port';
import type { LegalHoldChecker } from '../../ports/legal-hold.port';
import { eraseCaseStores, type CaseStores } from './erase-case-stores';

export type { CaseTombstone };

export interface EraseCaseDeps {
  holds: LegalHoldChecker;
  caseReader: Pick<CaseRepository, 'findById'>;
  stores: CaseStores;
  tombstones: TombstoneRepository;
  audit: AuditLog;
  clock: Clock;
}

export interface EraseCaseInput {
  caseId: string;
  /** The retention rule applied (e.g. its id and version). */
  rule: string;
  /** The data officer who approved the erasure (user id). */
  approvedBy: string;
  approvalRef?: string;
  /** When the case closed and when the rule made it due, when the caller knows (kept on the tombstone). */
  closedAt?: string;
  dueAt?: string;
}

export async function eraseCase(deps: EraseCaseDeps, input: EraseCaseInput): Promise<CaseTombstone> {
  const caseId = String(input.caseId);
  const holds = await deps.holds.holdsOnCase(caseId);
  if (holds.length) {
    const reasons = holds.map((h) => h.reason).join('; ');
    throw new ConflictError(`This case is under a legal hold and cannot be erased (${reasons})`, 'CASE_HELD');
  }
  const earlier = await deps.tombstones.get(caseId);
  if (earlier?.state === 'complete') return earlier;
  const record = await deps.caseReader.findById(caseId);
  if (!record && !earlier) throw new NotFoundError(`Case ${caseId} not found`, 'CASE_NOT_FOUND');

  // Written before anything is deleted: a crash from here on leaves a tombstone a rerun finishes.
  const tombstone: CaseTombstone = earlier ?? {
    caseId,
    rule: input.rule,
    team: record?.team,
    pathway: record?.pathway,
    openedAt: record?.createdAt,
    closedAt: input.closedAt,
    dueAt: input.dueAt,
    erasedAt: deps.clock.now().toISOString(),
    approvedBy: input.approvedBy,
    ...(input.approvalRef ? { approvalRef: input.approvalRef } : {}),
    state: 'in-progress',
  };
  if (!earlier) await deps.tombstones.save(withoutUndefined(tombstone));

  const counts = await eraseCaseStores(deps.stores, caseId, record);
  // Not a 'case' event, so its details are not sealed under the case's (now destroyed) key: they hold
  // no personal data and must stay readable. Keyed: a rerun records it once.
  await deps.audit.record({
    actor: { id: input.approvedBy },
    action: 'case.erased',
    recordType: 'case-erasure',
    recordId: caseId,
    after: { rule: tombstone.rule, ...(tombstone.approvalRef ? { approvalRef: tombstone.approvalRef } : {}), ...counts },
    key: `${caseId}:case.erased`,
  });
  const done: CaseTombstone = {
    ...tombstone, state: 'complete', plaintextAuditEvents: counts.plaintextAuditEvents, ...(counts.notErased ? { notErased: counts.notErased } : {}),
  };
  await deps.tombstones.save(withoutUndefined(done));
  return done;
}

const withoutUndefined = <T extends object>(o: T): T =>
  Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as T;
