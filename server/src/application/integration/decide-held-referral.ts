// A person decides a held referral: it is a different child (a new case, opened and its intake started as
// any referral is, with the duplicate check confirmed), the child of an existing open case (a re-referral of
// that case, as the referral page offers), or not a referral for this service at all (sent in error, a test),
// which opens nothing and keeps the person's reason. Decided once: a second decision is a conflict.
// Held referrals are scoped like cases: by the one case-access rule on the team the referral is for.
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import type { AuditLog } from '../../ports/audit-log.port';
import { auditActor, canViewCase, requireAction, type Actor } from '../cases/case-access';
import { reReferCase, type ReReferCaseDeps } from '../cases/re-refer-case';
import type { HeldReferralDeps } from './list-held-referrals';
import { openReferralCase, type PortalReferral, type ReferralCaseDeps } from './referral-case';

export interface DecideHeldReferralInput { id: string; decision: 'new-case' | 'join' | 'not-a-referral'; caseId?: string; reason?: string }

const DECIDED_WORDS: Record<DecideHeldReferralInput['decision'], string> = {
  'new-case': 'a new case was opened for a different child', join: 'it was added to the existing case', 'not-a-referral': 'it was recorded as not a referral',
};

function checkInput(input: DecideHeldReferralInput): string | undefined {
  const reason = input.reason?.trim() || undefined;
  if (input.decision === 'join' && !input.caseId) throw new ValidationError('Choose the case', { caseId: 'Choose the existing case this referral is for' }, 'CASE_REQUIRED');
  if (input.decision === 'not-a-referral' && !reason) {
    throw new ValidationError('Say why this is not a referral', { reason: 'Say why this is not a referral for the service' }, 'REASON_REQUIRED');
  }
  return reason;
}

export async function decideHeldReferral(
  deps: HeldReferralDeps & ReferralCaseDeps & ReReferCaseDeps & { audit: Pick<AuditLog, 'record'> }, actor: Actor, input: DecideHeldReferralInput,
): Promise<{ caseId?: string; decision: string }> {
  requireAction(deps.policy, actor, 'create-case', 'decide referrals held as possible duplicates');
  const referral = await deps.referrals.findReferral(input.id);
  if (!referral?.held || !canViewCase(deps.policy, actor, { id: referral.id, team: referral.held.team })) {
    throw new NotFoundError('No held referral with this reference in your teams', 'HELD_REFERRAL_NOT_FOUND');
  }
  const reason = checkInput(input);
  const at = deps.clock.now().toISOString();
  const claimed = await deps.referrals.decide(referral.id, {
    at, by: actor.id, decision: input.decision, caseId: input.decision === 'join' ? input.caseId! : '', ...(reason ? { reason } : {}),
  });
  if (!claimed) {
    const first = (await deps.referrals.findReferral(referral.id))?.decided;
    throw new ConflictError(`Someone has already decided this referral${first ? `: ${DECIDED_WORDS[first.decision]}` : ''}`, 'HELD_REFERRAL_DECIDED');
  }
  const details = referral.held.details as unknown as PortalReferral & { team: string };
  const about = { decision: input.decision, inboundReferral: referral.id, ...(details.portalReference ? { portalReference: details.portalReference } : {}), ...(reason ? { reason } : {}) };
  if (input.decision === 'not-a-referral') {
    await deps.audit.record({ actor: auditActor(actor), action: 'referral.held-decided', recordType: 'inbound-referral', recordId: referral.id, after: about });
    return { decision: input.decision };
  }
  let caseId: string;
  try {
    if (input.decision === 'join') caseId = (await reReferCase(deps, actor, { caseId: input.caseId!, referralSource: details.referralSource })).caseId;
    else caseId = (await openReferralCase(deps, actor, details, true)).caseId;
  } catch (err) {
    await deps.referrals.undecide(referral.id);
    throw err;
  }
  if (input.decision === 'new-case') await deps.referrals.settleDecision(referral.id, caseId);
  await deps.audit.record({ actor: auditActor(actor), action: 'referral.held-decided', recordType: 'case', recordId: caseId, after: about });
  return { caseId, decision: input.decision };
}
