// One event for one subscriber, delivered through the outbox. The id `<event id>:<subscription id>` is the
// exactly-once key (a unique insert), so an engine event seen twice (a restart, a replay) queues one delivery.
//
//   pending ─► sending ─► sent
//      ▲          └─► retry ─► (pending again at nextAttemptAt) … ─► dead ─(admin retry)─► pending
//   pending/retry ─► cancelled (the agreement ended, or the subscription was switched off, before it went)
export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'retry', 'dead', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

export interface WebhookDelivery {
  id: string;
  subscriptionId: string;
  agreementId: string;
  eventId: string;
  eventType: string;
  caseId: string;
  /** The sections the payload carries: those the agreement allowed when the event was queued. */
  sections: string[];
  /** The exact body signed and sent (every retry sends the same bytes, with a fresh timestamp). */
  body: string;
  state: DeliveryState;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastAttemptAt?: string;
  /** "HTTP 500", "timed out after 10 s", "connection refused": what an admin needs to see. */
  lastError?: string;
  sentAt?: string;
  cancelReason?: string;
  createdAt: string;
  updatedAt: string;
}

export const deliveryId = (eventId: string, subscriptionId: string) => `${eventId}:${subscriptionId}`;

export const isOpenDelivery = (s: DeliveryState) => s === 'pending' || s === 'retry' || s === 'sending';
