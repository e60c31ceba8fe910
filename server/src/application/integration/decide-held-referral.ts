// A person decides a held referral: it is a different child (a new case, opened and its intake started as
// any referral is, with the duplicate check confirmed) or the child of an existing open case (a
// re-referral of that case, as the referral page offers). Decided once: a second decision is a conflict.
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { reReferCase, type ReReferCaseDeps } from '../cases/re-refer-case';
import type { HeldReferralDeps } from './list-held-referrals';
import { openReferralCase, type PortalReferral, type ReferralCaseDeps } from './referral-case';

export interface DecideHeldReferralInput { id: string; decision: 'new-case' | 'join'; caseId?: string }

export async function decideHeldReferral(
  deps: HeldReferralDeps & ReferralCaseDeps & ReReferCaseDeps & { audit: Pick<AuditLog, 'record'> }, actor: Actor, input: DecideHeldReferralInput,
): Promise<{ caseId: string; decision: string }> {
  requireAction(deps.policy, actor, 'create-case', 'decide referrals held as possible duplicates');
  const referral = await deps.referrals.findReferral(input.id);
  if (!referral?.held || !actor.teams.includes(referral.held.team)) throw new NotFoundError('No held referral with this reference in your teams', 'HELD_REFERRAL_NOT_FOUND');
  if (input.decision === 'join' && !input.caseId) throw new ValidationError('Choose the case', { caseId: 'Choose the existing case this referral is for' }, 'CASE_REQUIRED');
  const at = deps.clock.now().toISOString();
  const claimed = await deps.referrals.decide(referral.id, { at, by: actor.id, decision: input.decision, caseId: input.caseId ?? '' });
  if (!claimed) throw new ConflictError('Someone has already decided this referral', 'HELD_REFERRAL_DECIDED');
  const details = referral.held.details as unknown as PortalReferral & { team: string };
  let caseId: string;
  try {
    if (input.decision === 'join') caseId = (await reReferCase(deps, actor, { caseId: input.caseId!, referralSource: details.referralSource })).caseId;
    else caseId = (await openReferralCase(deps, actor, details, true)).caseId;
  } catch (err) {
    await deps.referrals.undecide(referral.id);
    throw err;
  }
  if (input.decision === 'new-case') await deps.referrals.settleDecision(referral.id, caseId);
  await deps.audit.record({
    actor: auditActor(actor), action: 'referral.held-decided', recordType: 'case', recordId: caseId,
    after: { decision: input.decision, inboundReferral: referral.id, ...(details.portalReference ? { portalReference: details.portalReference } : {}) },
  });
  return { caseId, decision: input.decision };
}
