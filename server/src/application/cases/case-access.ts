// What the case and task use cases need to know about permissions. The security module's policy table
// (server/src/domain/policies) satisfies this shape; keeping it this small means the use cases do not
// care how the table is written, and tests can pass a plain object.
import { ForbiddenError, NotFoundError } from '../../domain/errors';
import type { CaseRecord } from '../../domain/cases/case-record';
import { orderSections, type CaseSection } from '../../domain/cases/case-section';
import type { AuditLog } from '../../ports/audit-log.port';

export interface Actor {
  id: string;
  roles: readonly string[];
  teams: readonly string[];
}

export interface AccessPolicy {
  /** Actions of the policy table: 'claim', 'complete', 'reassign', 'view-cases', 'create-case', 'break-glass'… */
  can(actor: Actor, action: string): boolean;
  readableSections(actor: Actor): readonly string[];
  writableSections(actor: Actor): readonly string[];
  /** Team-based case visibility; when absent, a case is visible to members of its team. */
  canViewCase?(actor: Actor, record: Pick<CaseRecord, 'id' | 'team'>): boolean;
}

/** The security module's audit log (hash-chained); every case read/write and task action is recorded. */
export type CaseAuditSink = Pick<AuditLog, 'record'>;

export const auditActor = (actor: Actor) => ({ id: actor.id, roles: [...actor.roles] });

export const readable = (policy: AccessPolicy, actor: Actor): CaseSection[] => orderSections(policy.readableSections(actor));
export const writable = (policy: AccessPolicy, actor: Actor): CaseSection[] => orderSections(policy.writableSections(actor));

export function canViewCase(policy: AccessPolicy, actor: Actor, record: Pick<CaseRecord, 'id' | 'team'>): boolean {
  return policy.canViewCase ? policy.canViewCase(actor, record) : actor.teams.includes(record.team);
}

/**
 * Loads a case the actor may see. A case outside the actor's reach answers "not found" rather than
 * "forbidden", so case references cannot be probed.
 */
export async function loadVisibleCase(
  deps: { cases: { findById(id: string): Promise<CaseRecord | undefined> }; policy: AccessPolicy },
  actor: Actor,
  caseId: string,
): Promise<CaseRecord> {
  const record = await deps.cases.findById(caseId);
  if (!record || !canViewCase(deps.policy, actor, record)) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  return record;
}

export function requireAction(policy: AccessPolicy, actor: Actor, action: string, what: string): void {
  if (!policy.can(actor, action)) throw new ForbiddenError(`Your role does not allow you to ${what}`, 'ACTION_NOT_ALLOWED');
}
