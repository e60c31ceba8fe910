// The DPO lifts a restriction of processing (the accuracy is settled), with a reason; the case is writable
// again. The lifted restriction is kept (who set it, who lifted it, why) until the next one replaces it.
import { ConflictError, ValidationError } from '../../domain/errors';
import { reasonErrors, type CaseRestriction } from '../../domain/consent/case-restriction';
import { auditActor, requireAction, type Actor } from '../cases/case-access';
import { loadAnyCase, type ConsentDeps } from './consent-access';

export async function liftRestriction(
  deps: Pick<ConsentDeps, 'consents' | 'cases' | 'policy' | 'clock' | 'audit'>, actor: Actor, caseId: string, reason: unknown,
): Promise<CaseRestriction> {
  requireAction(deps.policy, actor, 'restrict-processing', 'lift a restriction of processing');
  const record = await loadAnyCase(deps, caseId);
  const errors = reasonErrors(reason);
  if (Object.keys(errors).length) throw new ValidationError('Say why the restriction is lifted', errors, 'REASON_REQUIRED');
  const current = await deps.consents.restrictionOf(record.id);
  if (!current?.active) throw new ConflictError('Processing of this case is not restricted', 'NOT_RESTRICTED');
  const lifted: CaseRestriction = { ...current, active: false, liftedBy: actor.id, liftedAt: deps.clock.now().toISOString(), liftReason: String(reason).trim() };
  await deps.consents.saveRestriction(lifted);
  await deps.audit?.record({
    actor: auditActor(actor), action: 'case.restriction-lifted', recordType: 'case', recordId: record.id, reason: lifted.liftReason,
    before: { restricted: true, since: current.setAt }, after: { restricted: false, at: lifted.liftedAt },
  });
  return lifted;
}
