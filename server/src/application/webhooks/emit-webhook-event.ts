// An event happened to a case: queue one delivery per active subscription to it whose agreement is in force
// today, carrying only the sections that agreement allows (read from the case record now, so the payload is
// what was true when it happened). Nothing is queued for a subscription whose agreement has not started or
// has ended; delivery checks the agreement again before each attempt.
import { allowedSections, inForce } from '../../domain/sharing/sharing-agreement';
import { deliveryId, type WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { WebhookEventType, WebhookPayload } from '../../domain/webhooks/webhook-event';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import type { WebhookDeliveryRepository, WebhookSubscriptionRepository } from '../../ports/webhooks.port';

export interface EmitDeps {
  subscriptions: Pick<WebhookSubscriptionRepository, 'list'>;
  agreements: Pick<SharingAgreementRepository, 'findById'>;
  deliveries: Pick<WebhookDeliveryRepository, 'enqueue'>;
  cases: Pick<CaseRepository, 'findById'>;
  clock: Clock;
  maxAttempts: number;
}

export interface CaseEvent {
  /** Stable for the same happening (derived from the engine's task or instance key), so a replay queues nothing new. */
  id: string;
  type: WebhookEventType;
  caseId: string;
}

export async function emitWebhookEvent(deps: EmitDeps, event: CaseEvent): Promise<string[]> {
  const subscribed = (await deps.subscriptions.list()).filter((s) => s.active && s.events.includes(event.type));
  if (!subscribed.length) return [];
  const record = await deps.cases.findById(event.caseId);
  if (!record) return [];
  const now = deps.clock.now();
  const at = now.toISOString();
  const deliveries: WebhookDelivery[] = [];
  for (const s of subscribed) {
    const agreement = await deps.agreements.findById(s.agreementId);
    if (!agreement || !inForce(agreement, now)) continue;
    const sections = allowedSections(Object.keys(record.sections), agreement.sections);
    const payload: WebhookPayload = {
      id: event.id, type: event.type, occurredAt: at, caseId: record.id,
      agreement: { id: agreement.id, ...(agreement.reference ? { reference: agreement.reference } : {}) },
      sections: Object.fromEntries(sections.map((k) => [k, { ...record.sections[k]?.values, ...record.sections[k]?.collections }])),
    };
    deliveries.push({
      id: deliveryId(event.id, s.id), subscriptionId: s.id, agreementId: agreement.id, eventId: event.id, eventType: event.type,
      caseId: record.id, sections, body: JSON.stringify(payload), state: 'pending', attempts: 0, maxAttempts: deps.maxAttempts,
      nextAttemptAt: at, createdAt: at, updatedAt: at,
    });
  }
  return deps.deliveries.enqueue(deliveries);
}
