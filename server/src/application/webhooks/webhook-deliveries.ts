// The admin page's view of the webhook outbox (deliveries, failures, dead letters) and its retry button:
// a dead letter goes back to pending with a fresh allowance of attempts; attempt numbers keep counting up,
// so its leases never clash with the earlier ones.
import { ConflictError, NotFoundError } from '../../domain/errors';
import type { DeliveryState, WebhookDelivery } from '../../domain/webhooks/webhook-delivery';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { Page, PageRequest } from '../../ports/repository.port';
import type { WebhookDeliveryRepository } from '../../ports/webhooks.port';
import { assertWebhookAdmin, type SharingActor } from '../sharing/sharing-access';

/** The admin page lists deliveries without their bodies: those hold a child's data, which admins do not see. */
export type DeliveryView = Omit<WebhookDelivery, 'body'>;
const view = ({ body: _body, ...rest }: WebhookDelivery): DeliveryView => rest;

export async function listWebhookDeliveries(
  deps: { deliveries: WebhookDeliveryRepository }, actor: SharingActor, filter: { state?: DeliveryState; subscriptionId?: string }, page: PageRequest,
): Promise<Page<DeliveryView> & { counts: Partial<Record<DeliveryState, number>> }> {
  assertWebhookAdmin(actor);
  const [found, counts] = await Promise.all([deps.deliveries.list(filter, page), deps.deliveries.countByState()]);
  return { ...found, items: found.items.map(view), counts };
}

export async function retryWebhookDelivery(
  deps: { deliveries: WebhookDeliveryRepository; clock: Clock; audit: Pick<AuditLog, 'record'>; maxAttempts: number }, actor: SharingActor, id: string,
): Promise<DeliveryView> {
  assertWebhookAdmin(actor);
  const d = await deps.deliveries.findById(id);
  if (!d) throw new NotFoundError('There is no such delivery: choose one from the list', 'DELIVERY_NOT_FOUND');
  if (d.state !== 'dead') throw new ConflictError(`Only failed deliveries can be sent again; this one is ${d.state}`, 'DELIVERY_NOT_DEAD');
  const at = deps.clock.now().toISOString();
  await deps.deliveries.patch(id, { state: 'pending', maxAttempts: d.attempts + deps.maxAttempts, nextAttemptAt: at, updatedAt: at });
  await deps.audit.record({ actor: { id: actor.id, roles: [...actor.roles] }, action: 'webhook.delivery-retried', recordType: 'webhook-delivery', recordId: id });
  return view((await deps.deliveries.findById(id))!);
}
