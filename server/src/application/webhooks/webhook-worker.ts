// Delivers the webhook outbox on a schedule, as the escalation worker delivers mail: often while work is
// known to wait (something was queued, or a retry or a busy delivery will come due), otherwise an idle look
// every couple of minutes (another server may have queued). On FerretDB each look scans the deliveries.
import { deliverWebhooks, type DeliverWebhooksDeps } from './deliver-webhooks';

export interface WebhookWorker {
  nudge(): void;
  stop(): Promise<void>;
}

export function startWebhookWorker(
  deps: DeliverWebhooksDeps, o: { tickMs: number; idleEveryMs: number; onError(err: unknown): void },
): WebhookWorker {
  let waiting = true;
  let last = 0;
  let stopped = false;
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> = Promise.resolve();
  const tick = async () => {
    const now = deps.clock.now().getTime();
    if (!waiting && now - last < o.idleEveryMs) return;
    last = now;
    try {
      const r = await deliverWebhooks(deps);
      waiting = r.sent + r.retry + r.busy + r.cancelled + r.dead > 0;
    } catch (err) {
      o.onError(err);
    }
  };
  const loop = () => {
    if (stopped) return;
    running = tick().finally(() => {
      if (!stopped) timer = setTimeout(loop, o.tickMs).unref(); // never keeps the process alive alone
    });
  };
  timer = setTimeout(loop, o.tickMs).unref();
  return {
    nudge: () => { waiting = true; },
    async stop() {
      stopped = true;
      clearTimeout(timer);
      await running;
    },
  };
}
