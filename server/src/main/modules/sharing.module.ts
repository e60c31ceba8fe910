// Data sharing agreements and signed outbound events (issue 22; docs/sharing-and-webhooks.md). The engine's
// events become case events for subscribers, queued in the webhook outbox under an agreement in force and
// delivered by a worker (on the work lease's holder in the shared topology, as the mail outbox is).
import type { Connection } from 'mongoose';
import type { Logger } from 'pino';
import { MongoSharingAgreementRepository } from '../../adapters/sharing/sharing-agreement.repository';
import { FetchWebhookSender } from '../../adapters/webhooks/fetch-webhook.sender';
import { MongoWebhookDeliveryRepository } from '../../adapters/webhooks/webhook-delivery.repository';
import { MongoWebhookSubscriptionRepository } from '../../adapters/webhooks/webhook-subscription.repository';
import { deliverWebhooks, type DeliverWebhooksDeps, type WebhookDeliveryReport } from '../../application/webhooks/deliver-webhooks';
import { emitWebhookEvent } from '../../application/webhooks/emit-webhook-event';
import { caseEventOf } from '../../application/webhooks/webhook-events-from-engine';
import { startWebhookWorker, type WebhookWorker } from '../../application/webhooks/webhook-worker';
import type { RetryPolicy } from '../../domain/escalation';
import { createSharingRouter } from '../../http/sharing.routes';
import { currentUser } from '../../http/session-user';
import { createWebhooksRouter } from '../../http/webhooks.routes';
import type { AuditLog } from '../../ports/audit-log.port';
import type { CaseRepository } from '../../ports/case-repository.port';
import type { Clock } from '../../ports/clock.port';
import type { WebhookSender } from '../../ports/webhooks.port';
import type { WorkflowEngine } from '../../ports/workflow-engine.port';
import type { EngineOwnership } from './engine-topology';
import type { SystemModule } from './module';

export interface SharingModuleDeps {
  conn: Connection;
  engine: Pick<WorkflowEngine, 'onEvent' | 'getInstance'>;
  cases: Pick<CaseRepository, 'findById'>;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
  logger: Logger;
  runWorker: boolean;
  ownership?: EngineOwnership;
  /** The agreements' store, when the composition root shares it with the AssetPlus share step. */
  agreements?: MongoSharingAgreementRepository;
  /** Tests: a shorter back-off, a sender of their own. */
  retry?: RetryPolicy;
  sender?: WebhookSender;
}

export interface SharingModule extends SystemModule {
  agreements: MongoSharingAgreementRepository;
  /** Case erasure removes the case's webhook deliveries (their bodies hold its data). */
  eraser: { eraseOfCase(caseId: string): Promise<number> };
  /** One delivery round now (tests; the worker does this on its schedule). */
  deliverOnce(): Promise<WebhookDeliveryReport>;
  /** Engine listeners run in the background: resolves once every event seen so far has been queued. */
  settled(): Promise<void>;
  /** How many case events (referral received, case opened…) were looked at so far, queued or not (tests wait on it). */
  caseEventsSeen(): number;
}

/** Six attempts over about half an hour (30 s, 1, 2, 4, 8 minutes between them), then a dead letter. */
export const WEBHOOK_RETRY: RetryPolicy = { maxAttempts: 6, baseDelayMs: 30_000, maxDelayMs: 3_600_000 };

export function createSharingModule(deps: SharingModuleDeps): SharingModule {
  const { conn, clock, audit, logger } = deps;
  const agreements = deps.agreements ?? new MongoSharingAgreementRepository(conn);
  const subscriptions = new MongoWebhookSubscriptionRepository(conn);
  const deliveries = new MongoWebhookDeliveryRepository(conn);
  const retry = deps.retry ?? WEBHOOK_RETRY;
  const deliverDeps: DeliverWebhooksDeps = {
    deliveries, subscriptions, agreements, audit, clock, sender: deps.sender ?? new FetchWebhookSender(),
    settings: { retry, leaseMs: 60_000, pageSize: 50 },
  };
  let worker: WebhookWorker | undefined;
  let pending: Promise<unknown> = Promise.resolve();
  let seen = 0;
  deps.engine.onEvent((e) => {
    // Off the engine's path: a slow database read here must not hold up the step that caused the event.
    pending = pending.then(async () => {
      const event = await caseEventOf({ engine: deps.engine, cases: deps.cases }, e);
      if (!event) return;
      const queued = await emitWebhookEvent({ subscriptions, agreements, deliveries, cases: deps.cases, clock, maxAttempts: retry.maxAttempts }, event);
      seen += 1;
      if (queued.length) worker?.nudge();
    }).catch((err) => logger.error({ err, event: e.type }, 'queuing a webhook event failed'));
  });
  const startWorker = () => startWebhookWorker(deliverDeps, { tickMs: 15_000, idleEveryMs: 120_000, onError: (err) => logger.error({ err }, 'webhook delivery failed') });
  const routerDeps = { agreements, subscriptions, deliveries, audit, clock, maxAttempts: retry.maxAttempts, currentActor: currentUser };
  return {
    agreements,
    eraser: { eraseOfCase: (caseId) => deliveries.eraseOfCase(caseId) },
    deliverOnce: () => deliverWebhooks(deliverDeps),
    settled: async () => { await pending; },
    caseEventsSeen: () => seen,
    apiRouters: { '/sharing': createSharingRouter(routerDeps), '/webhooks': createWebhooksRouter(routerDeps) },
    async start() {
      await Promise.all([agreements.init(), deliveries.init()]);
      if (!deps.runWorker) return;
      if (!deps.ownership) worker = startWorker();
      else deps.ownership.onOwnership(async (owning) => {
        if (owning && !worker) worker = startWorker();
        if (!owning && worker) await worker.stop().finally(() => { worker = undefined; });
      });
    },
    async stop() {
      await pending;
      await worker?.stop();
    },
  };
}
