// The webhook signature (docs/webhooks.md): HMAC-SHA256, keyed by the subscription's secret, over
// "<timestamp>.<body>" where timestamp is Unix seconds. Sent as
//   Yjs-Webhook-Timestamp: 1764700000
//   Yjs-Webhook-Signature: v1=<hex>
// Signing the timestamp with the body lets a receiver refuse a captured request replayed later: it checks the
// signature, then that the timestamp is within its replay window, then (optionally) the event id seen once.
import { createHmac, timingSafeEqual } from 'node:crypto';

export const TIMESTAMP_HEADER = 'yjs-webhook-timestamp';
export const SIGNATURE_HEADER = 'yjs-webhook-signature';
export const EVENT_ID_HEADER = 'yjs-webhook-id';
/** Five minutes either way, as common webhook schemes use; a receiver may choose less. */
export const DEFAULT_REPLAY_WINDOW_SECONDS = 300;

export function webhookSignature(secret: string, timestamp: number, body: string): string {
  return `v1=${createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;
}

export type VerifyResult = { ok: true } | { ok: false; reason: string };

/** What a receiver does (the tests' receiver runs exactly this): signature first, then freshness. */
export function verifyWebhook(
  secret: string, headers: { timestamp?: string; signature?: string }, body: string, nowSeconds: number, windowSeconds = DEFAULT_REPLAY_WINDOW_SECONDS,
): VerifyResult {
  if (!headers.timestamp || !/^\d{1,12}$/.test(headers.timestamp)) return { ok: false, reason: 'missing or malformed timestamp' };
  if (!headers.signature) return { ok: false, reason: 'missing signature' };
  const expected = Buffer.from(webhookSignature(secret, Number(headers.timestamp), body));
  const given = Buffer.from(headers.signature);
  if (expected.length !== given.length || !timingSafeEqual(expected, given)) return { ok: false, reason: 'signature does not match' };
  if (Math.abs(nowSeconds - Number(headers.timestamp)) > windowSeconds) return { ok: false, reason: 'timestamp outside the replay window' };
  return { ok: true };
}
