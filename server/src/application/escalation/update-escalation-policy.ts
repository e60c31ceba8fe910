// A manager changes the escalation policy. The change is a new version (who/when/why); the next sweep
// uses it. Notices already sent stay sent; notices not yet due follow the new timings.
import { ESCALATION_POLICY_EDITOR_ROLES, type EscalationPolicy, type EscalationPolicyVersion, applyPolicyEdit } from '../../domain/escalation';
import { ForbiddenError } from '../../domain/errors';
import type { Clock } from '../../ports/clock.port';
import type { EscalationPolicyRepository } from '../../ports/escalation-policy-repository.port';

export interface UpdateEscalationPolicyDeps {
  policies: EscalationPolicyRepository;
  clock: Clock;
}

export interface PolicyActor {
  id: string;
  roles: readonly string[];
}

export async function updateEscalationPolicy(
  deps: UpdateEscalationPolicyDeps, actor: PolicyActor, input: { policy: EscalationPolicy; reason: string },
): Promise<EscalationPolicyVersion> {
  if (!actor.roles.some((r) => ESCALATION_POLICY_EDITOR_ROLES.includes(r))) {
    throw new ForbiddenError('Only team managers and admins may change the escalation policy', 'ESCALATION_POLICY_EDIT_FORBIDDEN');
  }
  const current = await deps.policies.current();
  const next = applyPolicyEdit(current, { ...input, by: actor.id, at: deps.clock.now() });
  await deps.policies.append(next);
  return next;
}
