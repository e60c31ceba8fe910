// A disclosure in the audit log (DPA 2018 s62: disclosures are logged): which case, which sections went,
// to whom, under which agreement (and its revision) and why. Recorded against the case, so the case's
// audit tab and a subject access response list the recipients. `key` makes a retried step record it once.
import type { SharingAgreement } from '../../domain/sharing/sharing-agreement';
import type { AuditActor } from '../../domain/audit/audit-event';
import type { AuditLog } from '../../ports/audit-log.port';

export interface Disclosure {
  actor: AuditActor;
  caseId: string;
  agreement: Pick<SharingAgreement, 'id' | 'revision' | 'partner' | 'purpose' | 'lawfulBasis'>;
  sections: string[];
  /** How it went: "webhook assessment.shared", "AssetPlus share". */
  channel: string;
  key: string;
}

export async function recordDisclosure(audit: Pick<AuditLog, 'record'>, d: Disclosure): Promise<void> {
  await audit.record({
    actor: d.actor, action: 'sharing.disclosed', recordType: 'case', recordId: d.caseId, sections: d.sections, key: d.key,
    after: { agreementId: d.agreement.id, agreementRevision: d.agreement.revision, partner: d.agreement.partner, lawfulBasis: d.agreement.lawfulBasis, channel: d.channel },
    reason: d.agreement.purpose,
  });
}
