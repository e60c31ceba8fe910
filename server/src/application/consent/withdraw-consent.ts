// Withdrawal at any time (UK GDPR Art 7(3)), recorded with who and when, and honoured: the running work of
// that purpose gets the message its process already waits for, and stops there (prevention's
// prevention-consent-withdrawn keyed by the case; victim-contact's rj-consent-withdrawn keyed by the
// victim's item id, so only that victim's RJ stops). New work is then refused by the case guard.
import { CONSENT_GIVERS, type ConsentGiver, type ConsentPurpose, type ConsentRecord } from '../../domain/consent/consent-record';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { auditActor, loadVisibleCase, type Actor } from '../cases/case-access';
import { requireConsentWrite, type ConsentDeps } from './consent-access';

/** The message each purpose's processes understand, and its correlation key (see the BPMN files). */
const WITHDRAWAL_MESSAGE: Readonly<Record<ConsentPurpose, ((r: ConsentRecord) => { name: string; key: string }) | undefined>> = {
  'prevention-work': (r) => ({ name: 'prevention-consent-withdrawn', key: r.caseId }),
  'restorative-justice': (r) => ({ name: 'rj-consent-withdrawn', key: r.subject ?? '' }),
  'agency-sharing': undefined, // no process shares on consent yet: the guard refuses new sharing work
};

export interface WithdrawInput { by: ConsentGiver; reason?: string }

export async function withdrawConsent(
  deps: ConsentDeps, actor: Actor, caseId: string, consentId: string, input: WithdrawInput,
): Promise<{ record: ConsentRecord; messagePublished?: { name: string; correlated: boolean; failed?: true } }> {
  const found = await deps.consents.findById(consentId);
  if (!found || found.caseId !== caseId) throw new NotFoundError(`No consent record ${consentId} on this case`, 'CONSENT_NOT_FOUND');
  requireConsentWrite(deps, actor, found.purpose);
  await loadVisibleCase(deps, actor, caseId);
  if (!CONSENT_GIVERS.includes(input.by)) throw new ValidationError('Say who withdrew consent', { by: `Choose one of: ${CONSENT_GIVERS.join(', ')}` }, 'CONSENT_INVALID');
  // A withdrawal is honoured even on a restricted case: restriction stops changes, never the person's right to object.
  const withdrawal = { at: deps.clock.now().toISOString(), by: input.by, recordedBy: actor.id, ...(input.reason?.trim() ? { reason: input.reason.trim() } : {}) };
  if (!(await deps.consents.withdraw(found.id, withdrawal))) throw new ConflictError('This consent was already withdrawn', 'CONSENT_ALREADY_WITHDRAWN');
  const record = { ...found, withdrawal };
  await deps.audit?.record({
    actor: auditActor(actor), action: 'consent.withdrawn', recordType: 'case', recordId: caseId, key: `${found.id}:consent.withdrawn`,
    after: { consentId: found.id, purpose: found.purpose, ...(found.subject ? { subject: found.subject } : {}), by: input.by, at: withdrawal.at },
  });
  const message = WITHDRAWAL_MESSAGE[found.purpose]?.(record);
  if (!message?.key) return { record };
  // Only instances waiting now receive it (no TTL): work that has not started yet is refused by the guard instead,
  // and a later consent given again is not cancelled by an old message.
  const variables = { consentWithdrawal: { purpose: found.purpose, by: input.by, at: withdrawal.at, consentId: found.id } };
  try {
    const r = await deps.engine.publishMessage(message.name, message.key, variables, { messageId: `${found.id}:withdrawn` });
    return { record, messagePublished: { name: message.name, correlated: r.correlated } };
  } catch {
    // The withdrawal is recorded whatever the engine does: the guard refuses the work until consent is given again.
    return { record, messagePublished: { name: message.name, correlated: false, failed: true } };
  }
}
