// Referrals a portal sent for a child who may already be known, held for a person of the team to decide.
// Each comes with the matches as the referral page would show them to this person (names for their teams'
// records; for another team's, only that it exists).
import type { DuplicateMatch } from '../cases/find-duplicates';
import { findDuplicates } from '../cases/find-duplicates';
import { requireAction, type AccessPolicy, type Actor } from '../cases/case-access';
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
}

export async function listHeldReferrals(deps: HeldReferralDeps, actor: Actor): Promise<{ items: HeldReferralView[] }> {
  requireAction(deps.policy, actor, 'create-case', 'decide referrals held as possible duplicates');
  const held = await deps.referrals.listHeld(actor.teams);
  const names = new Map<string, string>();
  const items = [];
  for (const r of held) {
    const details = r.held!.details as unknown as HeldReferralView['details'];
    if (!names.has(r.accountId)) names.set(r.accountId, (await deps.accounts.findAccount(r.accountId))?.name ?? 'A removed service account');
    items.push({ id: r.id, receivedAt: r.receivedAt, from: names.get(r.accountId)!, details, matches: await findDuplicates(deps, actor, identityOfReferral(details)) });
  }
  return { items };
}
