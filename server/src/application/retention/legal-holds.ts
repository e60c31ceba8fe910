// Placing and lifting legal holds, audited. A person hold takes the identity keys of the case it is placed
// from, so it covers every case of that person, including ones created later under the same keys.
import { randomUUID } from 'node:crypto';
import { ConflictError, ForbiddenError, NotFoundError, ValidationError } from '../../domain/errors';
import { can } from '../../domain/policies/policies';
import { type LegalHold, validateHoldInput } from '../../domain/retention';
import { type Actor, type RetentionDeps, todayOf } from './retention-deps';

type Deps = Pick<RetentionDeps, 'holds' | 'cases' | 'audit' | 'clock'>;

function mayHold(actor: Actor): void {
  if (!can(actor, 'manage-legal-holds')) throw new ForbiddenError('Only data officers and the DPO may place or lift legal holds', 'LEGAL_HOLD_FORBIDDEN');
}
const auditActor = (a: Actor) => ({ id: a.id, ...(a.username ? { username: a.username } : {}), roles: [...a.roles] });

export async function placeLegalHold(deps: Deps, actor: Actor, input: { scope: unknown; caseId?: unknown; reason: unknown; until?: unknown }): Promise<LegalHold> {
  mayHold(actor);
  const errors = validateHoldInput({ scope: input.scope, caseId: input.caseId, reason: input.reason, until: input.until }, todayOf(deps.clock));
  if (Object.keys(errors).length) throw new ValidationError('The legal hold is not valid', errors);
  const scope = input.scope as LegalHold['scope'];
  const caseId = input.caseId as string;
  let target: Partial<LegalHold> = {};
  if (scope !== 'all') {
    const facts = await deps.cases.caseFacts(caseId);
    if (!facts) throw new NotFoundError(`No case ${caseId}`, 'CASE_NOT_FOUND');
    if (scope === 'case') target = { caseId };
    else {
      if (!facts.nameKey || !facts.dateOfBirth) throw new ValidationError('The case has no name and date of birth to find the person by', { caseId: 'Hold this case instead' });
      target = { person: { nameKey: facts.nameKey, dateOfBirth: facts.dateOfBirth, ...(facts.nhsNumber ? { nhsNumber: facts.nhsNumber } : {}) }, personCaseId: caseId };
    }
  }
  const hold: LegalHold = {
    id: randomUUID(), scope, ...target, reason: (input.reason as string).trim(), placedBy: actor.id, since: deps.clock.now().toISOString(),
    ...(typeof input.until === 'string' && input.until ? { until: input.until } : {}),
  };
  await deps.holds.insert(hold);
  await deps.audit.record({
    actor: auditActor(actor), action: 'retention.hold-placed', recordType: scope === 'all' ? 'legal-hold' : 'case',
    recordId: scope === 'all' ? hold.id : caseId, after: { holdId: hold.id, scope, ...(hold.until ? { until: hold.until } : {}) }, reason: hold.reason,
  });
  return hold;
}

export async function liftLegalHold(deps: Deps, actor: Actor, input: { holdId: string; reason: unknown }): Promise<LegalHold> {
  mayHold(actor);
  if (typeof input.reason !== 'string' || input.reason.trim().length < 5 || input.reason.length > 1000) {
    throw new ValidationError('Say why the hold is lifted', { reason: 'Say why the hold is lifted (5 to 1000 characters)' });
  }
  const hold = await deps.holds.findById(input.holdId);
  if (!hold) throw new NotFoundError(`No legal hold ${input.holdId}`, 'LEGAL_HOLD_NOT_FOUND');
  const lift = { liftedAt: deps.clock.now().toISOString(), liftedBy: actor.id, liftReason: input.reason.trim() };
  if (!(await deps.holds.lift(hold.id, lift))) throw new ConflictError('This hold was already lifted', 'LEGAL_HOLD_LIFTED');
  await deps.audit.record({
    actor: auditActor(actor), action: 'retention.hold-lifted', recordType: hold.scope === 'all' ? 'legal-hold' : 'case',
    recordId: hold.caseId ?? hold.personCaseId ?? hold.id, before: { holdId: hold.id, scope: hold.scope, placedBy: hold.placedBy, since: hold.since },
    reason: lift.liftReason,
  });
  return { ...hold, ...lift };
}
