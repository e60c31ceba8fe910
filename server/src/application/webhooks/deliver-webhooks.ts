// Sends what the webhook outbox holds, as the mail outbox does (application/escalation/deliver-outbox.ts):
// own an attempt (unique lease) → check the subscription is on and its agreement still in force → mark
// "sending" → POST, signed → "sent" and the disclosure audited. A failure (network, time-out, any answer but
// 2xx) schedules a retry with exponential back-off until the attempts run out: then it is a dead letter,
// which an admin may send again. Each attempt is signed with a fresh timestamp over the same body, so a
// receiver's replay window never refuses a genuine retry.
//
// At least once: a crash after the receiver accepted and before "sent" is recorded sends the event again
// after the lease expires, with the same `Yjs-Webhook-Id`, by which a receiver drops the duplicate.
import { backoffMs, type RetryPolicy } from '../../domain/escalation';
import { inForce } from '../../domain/sharing/sharing-agreement';
import type { WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import { EVENT_ID_HEADER, SIGNATURE_HEADER, TIMESTAMP_HEADER, webhookSignature } from '../../domain/webhooks/webhook-signature';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import type { WebhookDeliveryRepository, WebhookSender, WebhookSubscriptionRepository } from '../../ports/webhooks.port';
import { claimAttempt } from '../escalation/claim-attempt';
import { recordDisclosure } from '../sharing/record-disclosure';

export interface DeliverWebhooksDeps {
  deliveries: WebhookDeliveryRepository;
  subscriptions: Pick<WebhookSubscriptionRepository, 'findById'>;
  agreements: Pick<SharingAgreementRepository, 'findById'>;
  sender: WebhookSender;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  settings: { retry: RetryPolicy; leaseMs: number; pageSize: number };
}

export interface WebhookDeliveryReport { sent: number; retry: number; dead: number; cancelled: number; busy: number }

export const WEBHOOK_ACTOR = { id: 'system:webhooks', roles: [] as string[] };

export async function deliverWebhooks(deps: DeliverWebhooksDeps): Promise<WebhookDeliveryReport> {
  const report: WebhookDeliveryReport = { sent: 0, retry: 0, dead: 0, cancelled: 0, busy: 0 };
  const now = deps.clock.now();
  const stale = new Date(now.getTime() - deps.settings.leaseMs).toISOString();
  for (const d of await deps.deliveries.dueForDelivery(now.toISOString(), stale, deps.settings.pageSize)) {
    report[await deliverOne(deps, d)] += 1;
  }
  return report;
}

async function deliverOne(deps: DeliverWebhooksDeps, d: WebhookDelivery): Promise<keyof WebhookDeliveryReport> {
  const now = deps.clock.now();
  const at = now.toISOString();
  const attempt = await claimAttempt({ outbox: deps.deliveries }, d, now, deps.settings.leaseMs);
  if (attempt === undefined) return 'busy';
  const [subscription, agreement] = await Promise.all([deps.subscriptions.findById(d.subscriptionId), deps.agreements.findById(d.agreementId)]);
  const cancelReason = !subscription || !subscription.active ? 'The subscription was switched off'
    : !agreement || !inForce(agreement, now) ? 'The data sharing agreement is not in force' : undefined;
  if (cancelReason || !subscription || !agreement) {
    await deps.deliveries.patch(d.id, { state: 'cancelled', cancelReason, attempts: attempt - 1, updatedAt: at });
    return 'cancelled';
  }
  await deps.deliveries.patch(d.id, { state: 'sending', attempts: attempt, lastAttemptAt: at, updatedAt: at });
  const timestamp = Math.floor(now.getTime() / 1000);
  let problem: string | undefined;
  try {
    const { status } = await deps.sender.post({
      url: subscription.url, body: d.body,
      headers: { [TIMESTAMP_HEADER]: String(timestamp), [SIGNATURE_HEADER]: webhookSignature(subscription.secret, timestamp, d.body), [EVENT_ID_HEADER]: d.eventId },
    });
    if (status < 200 || status > 299) problem = `The receiver answered HTTP ${status}`;
  } catch (e) {
    problem = ((e as Error).message ?? String(e)).slice(0, 300);
  }
  if (problem) {
    if (attempt >= d.maxAttempts) {
      await deps.deliveries.patch(d.id, { state: 'dead', lastError: problem, updatedAt: at });
      return 'dead';
    }
    const next = new Date(now.getTime() + backoffMs(attempt, deps.settings.retry)).toISOString();
    await deps.deliveries.patch(d.id, { state: 'retry', lastError: problem, nextAttemptAt: next, updatedAt: at });
    return 'retry';
  }
  // Audited before "sent" is written: a crash between the two sends again, and the key records it once.
  await recordDisclosure(deps.audit, {
    actor: WEBHOOK_ACTOR, caseId: d.caseId, agreement, sections: d.sections, channel: `webhook ${d.eventType} to ${subscription.name}`, key: `${d.id}:disclosed`,
  });
  await deps.deliveries.patch(d.id, { state: 'sent', sentAt: deps.clock.now().toISOString(), lastError: undefined, updatedAt: at });
  return 'sent';
}
