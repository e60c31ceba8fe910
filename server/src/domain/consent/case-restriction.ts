// Restriction of processing (UK GDPR Art 18(1)(a)): while a person contests the accuracy of their data the
// case is kept but not changed, except by the data protection officer who checks and corrects it. Reads go
// on (and are audited as always). The restriction is set and lifted with a reason, each audited.
import type { FieldErrors } from '../errors';

export interface CaseRestriction {
  caseId: string;
  active: boolean;
  reason: string;
  setBy: string;
  setAt: string;
  liftedBy?: string;
  liftedAt?: string;
  liftReason?: string;
}

/** The role that may change a restricted case, and set or lift a restriction (domain.md roles). */
export const RESTRICTION_EXEMPT_ROLE = 'dpo';

export function reasonErrors(reason: unknown): FieldErrors {
  if (typeof reason !== 'string' || reason.trim().length < 5) return { reason: 'Give the reason (at least 5 characters): e.g. what accuracy is contested and by whom' };
  if (reason.length > 2000) return { reason: 'Keep the reason to 2,000 characters or fewer' };
  return {};
}

/** May this actor change the case while this restriction stands? Only the DPO. */
export function mayWriteRestricted(restriction: CaseRestriction | undefined, roles: readonly string[]): boolean {
  return !restriction?.active || roles.includes(RESTRICTION_EXEMPT_ROLE);
}

export function restrictedMessage(restriction: CaseRestriction, what: string): string {
  return `You cannot ${what}: processing of this case is restricted since ${restriction.setAt.slice(0, 10)} (${restriction.reason.trim()}). `
    + 'The case is read-only until the data protection officer lifts the restriction.';
}
