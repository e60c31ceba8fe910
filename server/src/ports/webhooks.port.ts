import type { DeliveryState, WebhookDelivery } from '../domain/webhooks/webhook-delivery';
import type { WebhookSubscription } from '../domain/webhooks/webhook-subscription';
import type { Page, PageRequest } from './repository.port';

export interface WebhookSubscriptionRepository {
  create(s: WebhookSubscription): Promise<void>;
  update(id: string, patch: Partial<Pick<WebhookSubscription, 'active' | 'secret' | 'updatedAt'>>): Promise<void>;
  findById(id: string): Promise<WebhookSubscription | undefined>;
  list(): Promise<WebhookSubscription[]>;
}

export type DeliveryPatch = Partial<Omit<WebhookDelivery, 'id' | 'subscriptionId' | 'eventId' | 'body' | 'createdAt'>>;

/** The outbox: unique inserts and per-attempt leases, as the mail outbox (adapters/mail/outbox.repository.ts). */
export interface WebhookDeliveryRepository {
  /** Inserts those not there yet (by id); returns the ids inserted now. */
  enqueue(deliveries: WebhookDelivery[]): Promise<string[]>;
  findById(id: string): Promise<WebhookDelivery | undefined>;
  dueForDelivery(now: string, staleBefore: string, limit: number): Promise<WebhookDelivery[]>;
  takeAttempt(d: WebhookDelivery, attempt: number, at: string): Promise<boolean>;
  attemptTakenAt(d: WebhookDelivery, attempt: number): Promise<string | undefined>;
  patch(id: string, patch: DeliveryPatch): Promise<void>;
  list(filter: { state?: DeliveryState; subscriptionId?: string }, page: PageRequest): Promise<Page<WebhookDelivery>>;
  countByState(): Promise<Partial<Record<DeliveryState, number>>>;
}

export interface WebhookRequest {
  url: string;
  headers: Record<string, string>;
  body: string;
}

/** Sends one request; resolves with the status, rejects on a network failure or time-out (its message says which). */
export interface WebhookSender {
  post(req: WebhookRequest): Promise<{ status: number }>;
}
