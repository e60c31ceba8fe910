// The DPO restricts processing of a case while a person contests its accuracy (UK GDPR Art 18(1)(a)). From
// then on the case guard refuses every change by anyone else; reads go on as before.
import { ConflictError, ValidationError } from '../../domain/errors';
import { reasonErrors, type CaseRestriction } from '../../domain/consent/case-restriction';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { loadAnyCase, type ConsentDeps } from './consent-access';

export async function restrictProcessing(
  deps: Pick<ConsentDeps, 'consents' | 'cases' | 'policy' | 'clock' | 'audit'>, actor: Actor, caseId: string, reason: unknown,
): Promise<CaseRestriction> {
  requireAction(deps.policy, actor, 'restrict-processing', 'restrict processing of a case');
  const record = await loadAnyCase(deps, caseId);
  const errors = reasonErrors(reason);
  if (Object.keys(errors).length) throw new ValidationError('Say why processing is restricted', errors, 'REASON_REQUIRED');
  const current = await deps.consents.restrictionOf(record.id);
  if (current?.active) throw new ConflictError(`Processing of this case is already restricted since ${current.setAt.slice(0, 10)}`, 'ALREADY_RESTRICTED');
  const restriction: CaseRestriction = { caseId: record.id, active: true, reason: String(reason).trim(), setBy: actor.id, setAt: deps.clock.now().toISOString() };
  await deps.consents.saveRestriction(restriction);
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.restricted', recordType: 'case', recordId: record.id, reason: restriction.reason,
    after: { restricted: true, at: restriction.setAt },
  });
  return restriction;
}
