import type { EscalationPolicyVersion } from '../domain/escalation';

/** Versioned escalation policy: immutable, append-only, the highest version is current. */
export interface EscalationPolicyRepository {
  /** Version 1 (the shipped defaults) is stored the first time anything is read. */
  current(): Promise<EscalationPolicyVersion>;
  history(): Promise<EscalationPolicyVersion[]>;
  /** ConflictError when another edit took that version number first. */
  append(next: EscalationPolicyVersion): Promise<void>;
}
