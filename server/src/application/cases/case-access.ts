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

/** What the correction reach needs to know of a case's restriction (application/consent/case-guard.ts). */
export interface RestrictionLookup {
  activeRestriction(caseId: string): Promise<{ reason: string; setAt: string } | undefined>;
}

/**
 * The one reach past the teams for changing a case: the DPO (the role with restrict-processing) reaches a
 * case of any team while its processing is restricted, to check and correct the data whose accuracy a person
 * contests (UK GDPR Arts 16 and 18(1)(a); the PIA's "data can be amended when inaccurate"). Only then — an
 * unrestricted case of another team stays "not found" to the DPO — and only in the sections the DPO may write,
 * with the amendment's reason; each read and write so made is audited and flagged. Returns the audit's words.
 */
export async function restrictionCorrection(
  deps: { policy: AccessPolicy; caseGuard?: RestrictionLookup }, actor: Actor, caseId: string,
): Promise<string | undefined> {
  if (!deps.caseGuard || !deps.policy.can(actor, 'restrict-processing')) return undefined;
  const restriction = await deps.caseGuard.activeRestriction(caseId);
  return restriction && `Correction while processing is restricted (since ${restriction.setAt.slice(0, 10)}: ${restriction.reason.trim()})`;
}

/** A case of the actor's teams, or one the DPO may correct (restrictionCorrection); else not found. */
export async function loadCaseToChange(
  deps: { cases: { findById(id: string): Promise<CaseRecord | undefined> }; policy: AccessPolicy; caseGuard?: RestrictionLookup },
  actor: Actor, caseId: string,
): Promise<{ record: CaseRecord; correction?: string }> {
  const record = await deps.cases.findById(caseId);
  if (record && canViewCase(deps.policy, actor, record)) return { record };
  const correction = record ? await restrictionCorrection(deps, actor, record.id) : undefined;
  if (!record || !correction) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
  return { record, correction };
}

/**
 * THE rule of case scoping (design.md, Security & audit): how an actor may reach a case.
 * - 'team': the case belongs to one of the actor's teams (managers are members of the teams they manage);
 *   they may see it and act on it.
 * - 'break-glass': another team's case, opened by a role with the break-glass action giving a reason;
 *   read only, audited and flagged. Acting on another team's work never crosses teams.
 * - 'unscoped': no case (a process started without a caseId), or a caseId that is no case of this service;
 *   such work goes by candidate group alone.
 * - 'none': another team's case and no (allowed) reason.
 */
export type CaseReach = 'team' | 'break-glass' | 'unscoped' | 'none';

export function reachOfCase(
  policy: AccessPolicy, actor: Actor, record: Pick<CaseRecord, 'id' | 'team'> | undefined, reason?: string,
): CaseReach {
  if (!record) return 'unscoped';
  if (canViewCase(policy, actor, record)) return 'team';
  return reason?.trim() && policy.can(actor, 'break-glass') ? 'break-glass' : 'none';
}

/** What the rule needs: the policy, and the team of a case (CaseRepository.labelsOf, kept in memory). */
export interface CaseScopeDeps {
  policy: AccessPolicy;
  cases: { labelsOf(ids: readonly string[]): Promise<{ id: string; team: string }[]> };
}

/** The reach of an actor over the case with this id (undefined: work without a case). */
export async function caseReach(deps: CaseScopeDeps, actor: Actor, caseId: string | undefined, reason?: string): Promise<CaseReach> {
  if (!caseId) return 'unscoped';
  const [label] = await deps.cases.labelsOf([caseId]);
  return reachOfCase(deps.policy, actor, label, reason);
}

/** May the actor act on (claim, complete, reassign, draft, message, cancel…) work of this case? Never across teams. */
export async function mayActOnCase(deps: CaseScopeDeps, actor: Actor, caseId: string | undefined): Promise<boolean> {
  const reach = await caseReach(deps, actor, caseId);
  return reach === 'team' || reach === 'unscoped';
}

/** May the actor see work of this case? Their teams', or another team's with a break-glass reason. */
export async function mayViewCase(deps: CaseScopeDeps, actor: Actor, caseId: string | undefined, reason?: string): Promise<boolean> {
  return (await caseReach(deps, actor, caseId, reason)) !== 'none';
}

export function requireAction(policy: AccessPolicy, actor: Actor, action: string, what: string): void {
  if (!policy.can(actor, action)) throw new ForbiddenError(`Your role does not allow you to ${what}`, 'ACTION_NOT_ALLOWED');
}
