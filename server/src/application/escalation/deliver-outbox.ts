// Sends what the outbox holds. Per entry: own an attempt (unique lease) → re-check the notice → mark
// "sending" → SMTP → mark "sent". A failure schedules a retry with exponential backoff until the entry's
// attempts run out, then it is dead (visible to admins, who can retry it).
//
// Guarantee: each email is sent once, except that a crash after the SMTP server accepted a message and
// before "sent" was recorded causes ONE resend per such crash, after the lease (leaseMs) expires. The
// resend carries the same Message-ID, so receiving systems that dedupe on it show it once.
import { backoffMs } from '../../domain/escalation';
import type { OutboxEntry } from '../../domain/escalation';
import { claimAttempt } from './claim-attempt';
import type { EscalationDeps } from './escalation-deps';
import { revalidateNotice } from './revalidate-notice';

export type DeliverDeps = Pick<EscalationDeps, 'outbox' | 'mailer' | 'tasks' | 'people' | 'policies' | 'calendar' | 'clock' | 'settings' | 'restrictions'> & {
  /** Test hook: runs after the SMTP server accepted a message, before it is recorded (crash tests). */
  afterSend?: (entry: OutboxEntry) => void | Promise<void>;
};

export interface DeliveryReport {
  sent: number;
  retry: number;
  dead: number;
  cancelled: number;
  busy: number;
  /** Notices of restricted cases, looked at again after RESTRICTED_RECHECK_MS. */
  waiting?: number;
}

/** How long a notice of a restricted case waits before it is looked at again. */
export const RESTRICTED_RECHECK_MS = 60 * 60 * 1000;

export async function deliverOutbox(deps: DeliverDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { sent: 0, retry: 0, dead: 0, cancelled: 0, busy: 0 };
  const now = deps.clock.now();
  const staleBefore = new Date(now.getTime() - deps.settings.leaseMs).toISOString();
  const entries = await deps.outbox.dueForDelivery(now.toISOString(), staleBefore, deps.settings.pageSize);
  for (const entry of entries) {
    const outcome = await deliverOne(deps, entry);
    report[outcome] = (report[outcome] ?? 0) + 1;
  }
  return report;
}

async function deliverOne(deps: DeliverDeps, entry: OutboxEntry): Promise<keyof DeliveryReport> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const attempt = await claimAttempt(deps, entry, now, deps.settings.leaseMs);
  if (attempt === undefined) return 'busy';

  const verdict = await revalidateNotice(deps, entry, now);
  if (verdict.kind === 'wait') {
    // The attempt number is used up (its lease stays), so the budget of attempts grows by one: waiting
    // must not bring a notice closer to dead.
    await deps.outbox.patch(entry.id, {
      state: 'retry', attempts: attempt, maxAttempts: entry.maxAttempts + 1, updatedAt: at,
      nextAttemptAt: new Date(now.getTime() + RESTRICTED_RECHECK_MS).toISOString(),
      lastError: 'Waiting: processing of this case is restricted until the data protection officer lifts it',
    });
    return 'waiting';
  }
  if (verdict.kind === 'cancel' && verdict.reason === 'superseded') {
    await deps.outbox.supersede(entry, at);
    return 'cancelled';
  }
  if (verdict.kind === 'cancel') {
    await deps.outbox.patch(entry.id, { state: 'cancelled', cancelReason: verdict.reason, attempts: attempt - 1, updatedAt: at });
    return 'cancelled';
  }
  const mail = { ...entry, ...verdict.refresh };
  await deps.outbox.patch(entry.id, { ...verdict.refresh, state: 'sending', attempts: attempt, lastAttemptAt: at, updatedAt: at });
  try {
    await deps.mailer.send({ to: [mail.to], subject: mail.subject, text: mail.text, html: mail.html, messageId: mail.messageId });
  } catch (e) {
    const message = (e as Error).message?.slice(0, 500) ?? String(e);
    if (attempt >= entry.maxAttempts) {
      await deps.outbox.patch(entry.id, { state: 'dead', lastError: message, updatedAt: at });
      return 'dead';
    }
    const next = new Date(now.getTime() + backoffMs(attempt, deps.settings.retry)).toISOString();
    await deps.outbox.patch(entry.id, { state: 'retry', lastError: message, nextAttemptAt: next, updatedAt: at });
    return 'retry';
  }
  await deps.afterSend?.(mail);
  await deps.outbox.patch(entry.id, { state: 'sent', sentAt: deps.clock.now().toISOString(), lastError: undefined, updatedAt: at });
  return 'sent';
}
