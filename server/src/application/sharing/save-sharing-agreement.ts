// The DPO makes or changes an agreement. Every version is kept (the repository's history) and the change is
// audited with what it was and what it became, so "under which terms did this event go?" has an answer.
import { randomUUID } from 'node:crypto';
import { ConflictError, NotFoundError, ValidationError } from '../../domain/errors';
import { agreementProblems, type AgreementTerms, type SharingAgreement } from '../../domain/sharing/sharing-agreement';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import { assertMayEditAgreements, type SharingActor } from './sharing-access';

export interface SaveAgreementDeps {
  agreements: SharingAgreementRepository;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
}

function check(terms: AgreementTerms): void {
  const errors = agreementProblems(terms);
  if (Object.keys(errors).length) throw new ValidationError(`The agreement needs correcting: ${Object.values(errors).join('; ')}.`, errors, 'AGREEMENT_INVALID');
}

/** What the audit keeps of an agreement: its terms, never more (they hold no personal data). */
const summary = (t: AgreementTerms) => ({
  partner: t.partner, recipientKind: t.recipientKind, purpose: t.purpose, sections: t.sections, lawfulBasis: t.lawfulBasis,
  startDate: t.startDate, endDate: t.endDate, ...(t.reference ? { reference: t.reference } : {}),
});

export async function createSharingAgreement(deps: SaveAgreementDeps, actor: SharingActor, terms: AgreementTerms): Promise<SharingAgreement> {
  assertMayEditAgreements(actor);
  check(terms);
  const at = deps.clock.now().toISOString();
  const agreement: SharingAgreement = { ...terms, id: randomUUID(), revision: 1, createdAt: at, createdBy: actor.id, updatedAt: at, updatedBy: actor.id };
  await deps.agreements.create(agreement);
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sharing.agreement-created', recordType: 'sharing-agreement', recordId: agreement.id,
    after: { ...summary(terms), revision: 1 },
  });
  return agreement;
}

export async function updateSharingAgreement(
  deps: SaveAgreementDeps, actor: SharingActor, id: string, terms: AgreementTerms, expectedRevision: number, reason: string,
): Promise<SharingAgreement> {
  assertMayEditAgreements(actor);
  const current = await deps.agreements.findById(id);
  if (!current) throw new NotFoundError('There is no such sharing agreement: choose one from the list', 'AGREEMENT_NOT_FOUND');
  if (current.revision !== expectedRevision) throw new ConflictError('Someone changed this agreement since you opened it: reload it and make your change again', 'AGREEMENT_CHANGED');
  check(terms);
  const at = deps.clock.now().toISOString();
  const next: SharingAgreement = { ...current, ...terms, revision: current.revision + 1, updatedAt: at, updatedBy: actor.id };
  if (!terms.reference) delete next.reference;
  if (!(await deps.agreements.replace(next, expectedRevision))) {
    throw new ConflictError('Someone changed this agreement since you opened it: reload it and make your change again', 'AGREEMENT_CHANGED');
  }
  await deps.audit.record({
    actor: { id: actor.id, roles: [...actor.roles] }, action: 'sharing.agreement-changed', recordType: 'sharing-agreement', recordId: id,
    before: { ...summary(current), revision: current.revision }, after: { ...summary(terms), revision: next.revision }, reason,
  });
  return next;
}
