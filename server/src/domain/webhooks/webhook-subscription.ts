// A subscriber: where events go, which events, and the sharing agreement they go under (which decides the
// sections a payload may carry and the days on which anything is sent at all).
import type { WebhookEventType } from './webhook-event';

export interface WebhookSubscription {
  id: string;
  name: string;
  url: string;
  events: WebhookEventType[];
  agreementId: string;
  /** The signing key, kept to sign with; shown to the admin once, when made (or rotated), never again. */
  secret: string;
  active: boolean;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
}

/** As admins see it: everything except the secret. */
export type SubscriptionView = Omit<WebhookSubscription, 'secret'>;
export const viewOfSubscription = ({ secret: _secret, ...rest }: WebhookSubscription): SubscriptionView => rest;

/**
 * https only, except loopback http (a receiver on the same machine, and the tests'); no credentials in the
 * URL (they would show on the admin page and in logs).
 */
export function webhookUrlProblem(raw: string): string | undefined {
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return 'Enter the full address, starting https://';
  }
  if (url.username || url.password) return 'Do not put a user name or password in the address; the signature authenticates each event';
  const loopback = ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname);
  if (url.protocol !== 'https:' && !(url.protocol === 'http:' && loopback)) return 'The address must start https:// (http only to this machine)';
  return undefined;
}
