// Records a consent given (POST /api/cases/:id/consents, or a completed form whose field declares
// properties.consentPurpose: record-consent-from-form.ts). The evidence names the submission, so the same
// submission recorded twice keeps one record (its id derives from the evidence and the purpose/subject).
import { createHash } from 'node:crypto';
import { ValidationError } from '../../domain/errors';
import { consentInputErrors, type ConsentInput, type ConsentRecord } from '../../domain/consent/consent-record';
import { auditActor, loadVisibleCase, type Actor } from '../cases/case-access';
import { requireConsentWrite, type ConsentDeps } from './consent-access';

export function consentIdOf(caseId: string, input: Pick<ConsentInput, 'purpose' | 'subject' | 'evidence'>): string {
  const h = createHash('sha256').update([caseId, input.purpose, (input.subject ?? '').trim().toLowerCase(), input.evidence.trim()].join('\u0000'));
  return `consent-${h.digest('hex').slice(0, 24)}`;
}

export async function recordConsent(
  deps: Pick<ConsentDeps, 'consents' | 'cases' | 'policy' | 'clock' | 'audit' | 'caseGuard'>, actor: Actor, caseId: string, input: ConsentInput,
): Promise<{ record: ConsentRecord; created: boolean }> {
  requireConsentWrite(deps, actor, input.purpose);
  const record = await loadVisibleCase(deps, actor, caseId);
  await deps.caseGuard?.assertMayChange(actor, record.id, 'record consent');
  return storeConsent(deps, actor.id, auditActor(actor), record.id, input);
}

/** The checks and the write shared by the route and the form hook (which has checked access already). */
export async function storeConsent(
  deps: Pick<ConsentDeps, 'consents' | 'clock' | 'audit'>, recordedBy: string, actor: { id: string; roles: string[] }, caseId: string, input: ConsentInput,
): Promise<{ record: ConsentRecord; created: boolean }> {
  const now = deps.clock.now().toISOString();
  const errors = consentInputErrors(input, now.slice(0, 10));
  if (Object.keys(errors).length) throw new ValidationError('The consent record needs correcting', errors, 'CONSENT_INVALID');
  const subject = input.subject?.trim();
  const record: ConsentRecord = {
    id: consentIdOf(caseId, input), caseId, purpose: input.purpose, ...(subject ? { subject } : {}), basis: 'consent',
    givenBy: input.givenBy, givenOn: input.givenOn, evidence: input.evidence.trim(), privacyNoticeVersion: input.privacyNoticeVersion.trim(),
    recordedBy, recordedAt: now,
  };
  const created = await deps.consents.create(record);
  const stored = created ? record : ((await deps.consents.findById(record.id)) ?? record);
  // Recorded again on a retry, once by its key: an audit lost to a failure after the insert is written then.
  await deps.audit?.record({
    actor, action: 'consent.recorded', recordType: 'case', recordId: caseId, key: `${stored.id}:consent.recorded`,
    after: { consentId: stored.id, purpose: stored.purpose, ...(stored.subject ? { subject: stored.subject } : {}), givenBy: stored.givenBy, evidence: stored.evidence },
  });
  return { record: stored, created };
}
