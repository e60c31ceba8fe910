// Referrals a portal sent for a child who may already be known, held for a person of the team to decide.
// Each comes with the matches as the referral page would show them to this person (names for their teams'
// records; for another team's, only that it exists). Scoped by the case-access rule on the referral's team;
// each matched case shown is audited as consulted (as a search match is), so the read is in its audit.
import type { DuplicateMatch } from '../cases/find-duplicates';
import { findDuplicates } from '../cases/find-duplicates';
import { auditActor, canViewCase, requireAction, type AccessPolicy, type Actor, type CaseAuditSink } from '../cases/case-access';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { InboundReferralStore, ServiceAccountRepository } from '../../ports/service-account-repository.port';
import { identityOfReferral, type PortalReferral } from './referral-case';

export interface HeldReferralView {
  id: string;
  receivedAt: string;
  /** The system that sent it, by its name. */
  from: string;
  details: PortalReferral & { team: string };
  matches: DuplicateMatch[];
}

export interface HeldReferralDeps {
  referrals: InboundReferralStore;
  accounts: Pick<ServiceAccountRepository, 'findAccount'>;
  cases: CaseRepository;
  policy: AccessPolicy;
  audit: CaseAuditSink;
}

export async function listHeldReferrals(deps: HeldReferralDeps, actor: Actor): Promise<{ items: HeldReferralView[] }> {
  requireAction(deps.policy, actor, 'create-case', 'decide referrals held as possible duplicates');
  const held = (await deps.referrals.listHeld(actor.teams)).filter((r) => canViewCase(deps.policy, actor, { id: r.id, team: r.held!.team }));
  const names = new Map<string, string>();
  const items = [];
  for (const r of held) {
    const details = r.held!.details as unknown as HeldReferralView['details'];
    if (!names.has(r.accountId)) names.set(r.accountId, (await deps.accounts.findAccount(r.accountId))?.name ?? 'A removed service account');
    const matches = await findDuplicates(deps, actor, identityOfReferral(details));
    items.push({ id: r.id, receivedAt: r.receivedAt, from: names.get(r.accountId)!, details, matches });
    // Another team's record shows only its team: nothing of it is consulted, so only the names shown are audited.
    await Promise.all(matches.filter((m) => m.caseId).map((m) => deps.audit.record({
      actor: auditActor(actor), action: 'referral.held-match', recordType: 'case', recordId: m.caseId, after: { inboundReferral: r.id },
    })));
  }
  return { items };
}
