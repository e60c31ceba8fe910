// Posts a signed event with Node's fetch. Redirects are not followed (a signed request re-sent somewhere the
// admin never chose would carry the child's data there); a slow receiver is cut off after timeoutMs.
import type { WebhookRequest, WebhookSender } from '../../ports/webhooks.port';

export class FetchWebhookSender implements WebhookSender {
  constructor(private readonly timeoutMs = 10_000) {}

  async post(req: WebhookRequest): Promise<{ status: number }> {
    try {
      const res = await fetch(req.url, {
        method: 'POST', headers: { 'content-type': 'application/json', ...req.headers }, body: req.body,
        redirect: 'manual', signal: AbortSignal.timeout(this.timeoutMs),
      });
      await res.arrayBuffer().catch(() => undefined); // free the socket
      return { status: res.status };
    } catch (e) {
      const err = e as Error & { cause?: { code?: string } };
      if (err.name === 'TimeoutError') throw new Error(`No answer within ${Math.round(this.timeoutMs / 1000)} s`);
      throw new Error(err.cause?.code ? `Could not connect (${err.cause.code})` : err.message);
    }
  }
}
