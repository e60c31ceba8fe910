// One event for one subscriber, delivered through the outbox. The id `<event id>:<subscription id>` is the
// exactly-once key (a unique insert), so an engine event seen twice (a restart, a replay) queues one delivery.
//
//   pending ─► sending ─► sent
//      ▲          └─► retry ─► (pending again at nextAttemptAt) … ─► dead ─(admin retry)─► pending
//   pending/retry ─► cancelled (the agreement ended, or the subscription was switched off, before it went)
import type { OutboxEntry } from '../escalation/outbox-entry';

export const DELIVERY_STATES = ['pending', 'sending', 'sent', 'retry', 'dead', 'cancelled'] as const;
export type DeliveryState = (typeof DELIVERY_STATES)[number];

/** The attempt bookkeeping is the mail outbox's (domain/escalation/outbox-entry.ts), field for field. */
export interface WebhookDelivery extends Pick<OutboxEntry, 'attempts' | 'maxAttempts' | 'nextAttemptAt' | 'lastAttemptAt' | 'sentAt' | 'createdAt' | 'updatedAt'> {
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
  /** "The receiver answered HTTP 500", "No answer within 10 s", "Could not connect (ECONNREFUSED)": what an admin needs to see. */
  lastError?: string;
  cancelReason?: string;
}

export const deliveryId = (eventId: string, subscriptionId: string) => `${eventId}:${subscriptionId}`;

export const isOpenDelivery = (s: DeliveryState) => s === 'pending' || s === 'retry' || s === 'sending';
