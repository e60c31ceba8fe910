// /api/webhooks — event subscriptions for partners' systems and their deliveries (admins; docs/sharing-and-webhooks.md).
//   GET   /subscriptions            subscriptions (never their secrets), the events and the agreements to choose from
//   POST  /subscriptions            subscribe (201; the answer holds the secret, shown this once)
//   PATCH /subscriptions/:id        {active?, rotateSecret?} (a rotated secret is in the answer, once)
//   GET   /deliveries               the outbox: ?state=&subscriptionId=&offset=&limit=, with counts per state
//   POST  /deliveries/:id/retry     send a dead letter again
import { Router } from 'express';
import { z } from 'zod';
import { agreementStatus } from '../domain/sharing/sharing-agreement';
import { DELIVERY_STATES } from '../domain/webhooks/webhook-delivery';
import { WEBHOOK_EVENTS, WEBHOOK_EVENT_WORDS } from '../domain/webhooks/webhook-event';
import { viewOfSubscription } from '../domain/webhooks/webhook-subscription';
import { assertWebhookAdmin } from '../application/sharing/sharing-access';
import { changeWebhookSubscription, createWebhookSubscription, type ManageSubscriptionsDeps } from '../application/webhooks/manage-webhook-subscriptions';
import { listWebhookDeliveries, retryWebhookDelivery } from '../application/webhooks/webhook-deliveries';
import type { SharingAgreementRepository } from '../ports/sharing-agreement-repository.port';
import type { WebhookDeliveryRepository } from '../ports/webhooks.port';
import { parseBody, parseQuery, requireActor, type ActorDeps } from './actor-request';
import { noQuery } from './sharing.routes';

export const subscriptionSchema = z.strictObject({
  name: z.string().trim().min(1).max(200),
  url: z.string().trim().min(1).max(2000),
  events: z.array(z.enum(WEBHOOK_EVENTS)).min(1).max(WEBHOOK_EVENTS.length),
  agreementId: z.string().min(1).max(100),
});
export const subscriptionChangeSchema = z.strictObject({ active: z.boolean().optional(), rotateSecret: z.literal(true).optional() })
  .refine((c) => c.active !== undefined || c.rotateSecret, 'Say what to change: active or rotateSecret');
export const deliveriesQuery = z.strictObject({
  state: z.enum(DELIVERY_STATES).optional(),
  subscriptionId: z.string().max(100).optional(),
  offset: z.coerce.number().int().min(0).max(1_000_000).default(0),
  limit: z.coerce.number().int().min(1).max(200).default(50),
});

export type WebhooksRouterDeps = ActorDeps & ManageSubscriptionsDeps & {
  agreements: Pick<SharingAgreementRepository, 'findById' | 'list'>;
  deliveries: WebhookDeliveryRepository;
  maxAttempts: number;
};

export function createWebhooksRouter(deps: WebhooksRouterDeps): Router {
  const router = Router();
  router.get('/subscriptions', async (req, res) => {
    const actor = requireActor(deps, req);
    parseQuery(noQuery, req.query);
    assertWebhookAdmin(actor);
    const now = deps.clock.now();
    res.json({
      items: (await deps.subscriptions.list()).map(viewOfSubscription),
      events: WEBHOOK_EVENTS.map((key) => ({ key, label: WEBHOOK_EVENT_WORDS[key] })),
      agreements: (await deps.agreements.list()).map((a) => ({ id: a.id, partner: a.partner, purpose: a.purpose, sections: a.sections, startDate: a.startDate, endDate: a.endDate, status: agreementStatus(a, now) })),
    });
  });
  router.post('/subscriptions', async (req, res) => {
    const actor = requireActor(deps, req);
    res.status(201).json(await createWebhookSubscription(deps, actor, parseBody(subscriptionSchema, req.body)));
  });
  router.patch('/subscriptions/:id', async (req, res) => {
    const actor = requireActor(deps, req);
    res.json(await changeWebhookSubscription(deps, actor, req.params.id.slice(0, 100), parseBody(subscriptionChangeSchema, req.body)));
  });
  router.get('/deliveries', async (req, res) => {
    const actor = requireActor(deps, req);
    const { state, subscriptionId, offset, limit } = parseQuery(deliveriesQuery, req.query);
    res.json(await listWebhookDeliveries(deps, actor, { ...(state ? { state } : {}), ...(subscriptionId ? { subscriptionId } : {}) }, { offset, limit }));
  });
  router.post('/deliveries/:id/retry', async (req, res) => {
    const actor = requireActor(deps, req);
    parseBody(z.strictObject({}), req.body);
    res.json(await retryWebhookDelivery(deps, actor, req.params.id.slice(0, 300)));
  });
  return router;
}
