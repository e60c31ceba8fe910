// What the escalation use cases need, as ports. Each use case takes a Pick of this, so a test (or the
// composition root) passes only what that verb uses.
import type { WorkingCalendar } from '../../domain/calendar';
import { DEFAULT_ESCALATION_FALLBACK, DEFAULT_RETRY_POLICY, type FallbackTarget, parseFallbackTarget, type RetryPolicy } from '../../domain/escalation';
import type { Clock } from '../../ports/clock.port';
import type { OutboxRepository } from '../../ports/escalation-outbox.port';
import type { EscalationPolicyRepository } from '../../ports/escalation-policy-repository.port';
import type { EscalationPeopleReader, EscalationTaskReader } from '../../ports/escalation-readers.port';
import type { Mailer } from '../../ports/mailer.port';
import type { NotificationPreferenceRepository } from '../../ports/notification-preference.port';

export interface EscalationSettings {
  /** Links in emails point at PUBLIC_URL/tasks/<id>. */
  publicUrl: string;
  /** Right-hand side of generated Message-IDs (the PUBLIC_URL host). */
  mailDomain: string;
  retry: RetryPolicy;
  /** An attempt older than this with no result is presumed crashed and is taken over. */
  leaseMs: number;
  /** Tasks per keyset page in a sweep; entries per delivery batch. */
  pageSize: number;
  /** ESCALATION_FALLBACK: who gets a notice the recipient rules send to nobody. */
  fallback: FallbackTarget;
}

/** Where the escalation verbs report what an administrator must notice (the server's log). */
export interface EscalationLog {
  warn(details: Record<string, unknown>, message: string): void;
  error(details: Record<string, unknown>, message: string): void;
}

export interface EscalationDeps {
  tasks: EscalationTaskReader;
  people: EscalationPeopleReader;
  outbox: OutboxRepository;
  policies: EscalationPolicyRepository;
  preferences: NotificationPreferenceRepository;
  mailer: Mailer;
  calendar: WorkingCalendar;
  clock: Clock;
  settings: EscalationSettings;
  /** Omitted in tests that do not look at the log. */
  log?: EscalationLog;
  /**
   * Whether processing of a case is restricted (a person contests accuracy, UK GDPR Art 18): its notices
   * wait until the DPO lifts it, since nobody but the DPO may act on the case meanwhile. Omitted → never.
   */
  restrictions?: CaseRestrictionLookup;
}

export interface CaseRestrictionLookup {
  isRestricted(caseId: string): Promise<boolean>;
}

export function escalationSettings(publicUrl: string, over: Partial<EscalationSettings> = {}): EscalationSettings {
  const host = new URL(publicUrl).hostname || 'localhost';
  return {
    publicUrl, mailDomain: host, retry: DEFAULT_RETRY_POLICY, leaseMs: 120_000, pageSize: 500,
    fallback: parseFallbackTarget(DEFAULT_ESCALATION_FALLBACK), ...over,
  };
}
