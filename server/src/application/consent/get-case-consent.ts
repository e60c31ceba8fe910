// The consent state of a case for its header and consent page (GET /api/cases/:id/consents): the records and
// standings the actor may read, and whether processing is restricted.
import type { CaseRestriction } from '../../domain/consent/case-restriction';
import type { ConsentRecord } from '../../domain/consent/consent-record';
import { consentStandings, type ConsentStanding } from '../../domain/consent/consent-state';
import { auditActor, loadVisibleCase, type Actor } from '../cases/case-access';
import { loadAnyCase, readableRecords, type ConsentDeps } from './consent-access';

export interface CaseConsentView {
  records: ConsentRecord[];
  standings: ConsentStanding[];
  restriction?: CaseRestriction;
}

/** For an actor already allowed to see the case (get-case has checked): what the header shows. */
export async function consentViewOf(deps: Pick<ConsentDeps, 'consents' | 'policy'>, actor: Actor, caseId: string): Promise<CaseConsentView> {
  const [all, restriction] = await Promise.all([deps.consents.listForCase(caseId), deps.consents.restrictionOf(caseId)]);
  const records = readableRecords(deps, actor, all);
  return { records, standings: consentStandings(records), ...(restriction?.active ? { restriction } : {}) };
}

/** The consent page's read: the case's team, or the DPO (who restricts any case); audited like a case read. */
export async function getCaseConsent(deps: Pick<ConsentDeps, 'consents' | 'policy' | 'cases' | 'audit'>, actor: Actor, caseId: string): Promise<CaseConsentView> {
  const record = deps.policy.can(actor, 'restrict-processing') ? await loadAnyCase(deps, caseId) : await loadVisibleCase(deps, actor, caseId);
  const view = await consentViewOf(deps, actor, record.id);
  await deps.audit?.record({
    actor: auditActor(actor), action: 'consent.read', recordType: 'case', recordId: record.id,
    after: { records: view.records.map((r) => r.id), restricted: !!view.restriction },
  });
  return view;
}
