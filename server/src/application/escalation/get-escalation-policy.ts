import type { EscalationPolicyVersion } from '../../domain/escalation';
import type { EscalationPolicyRepository } from '../../ports/escalation-policy-repository.port';

export interface GetEscalationPolicyDeps {
  policies: EscalationPolicyRepository;
}

/** Any signed-in user may read the policy: people should know when they will be reminded and escalated. */
export async function getEscalationPolicy(deps: GetEscalationPolicyDeps): Promise<EscalationPolicyVersion> {
  return deps.policies.current();
}

/** Every version, newest first, with who changed it, when and why. */
export async function getEscalationPolicyHistory(deps: GetEscalationPolicyDeps): Promise<EscalationPolicyVersion[]> {
  return deps.policies.history();
}
