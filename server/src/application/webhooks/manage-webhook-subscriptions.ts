// Admins subscribe a partner's system to events under a sharing agreement, switch a subscription off or on,
// and rotate its secret. The secret is shown once (in the answer that made it) and never again; the audit
// records what was subscribed, never the secret.
import { randomBytes, randomUUID } from 'node:crypto';
import { NotFoundError, ValidationError } from '../../domain/errors';
import { agreementStatus } from '../../domain/sharing/sharing-agreement';
import type { WebhookEventType } from '../../domain/webhooks/webhook-event';
import { viewOfSubscription, webhookUrlProblem, type SubscriptionView, type WebhookSubscription } from '../../domain/webhooks/webhook-subscription';
import type { AuditLog } from '../../ports/audit-log.port';
import type { Clock } from '../../ports/clock.port';
import type { SharingAgreementRepository } from '../../ports/sharing-agreement-repository.port';
import type { WebhookSubscriptionRepository } from '../../ports/webhooks.port';
import { assertWebhookAdmin, type SharingActor } from '../sharing/sharing-access';

export interface ManageSubscriptionsDeps {
  subscriptions: WebhookSubscriptionRepository;
  agreements: Pick<SharingAgreementRepository, 'findById'>;
  audit: Pick<AuditLog, 'record'>;
  clock: Clock;
}

export interface NewSubscription {
  name: string;
  url: string;
  events: WebhookEventType[];
  agreementId: string;
}

const newSecret = () => `whsec_${randomBytes(32).toString('base64url')}`;
const who = (actor: SharingActor) => ({ id: actor.id, roles: [...actor.roles] });

export async function createWebhookSubscription(
  deps: ManageSubscriptionsDeps, actor: SharingActor, input: NewSubscription,
): Promise<{ subscription: SubscriptionView; secret: string }> {
  assertWebhookAdmin(actor);
  const errors: Record<string, string> = {};
  const urlProblem = webhookUrlProblem(input.url);
  if (urlProblem) errors.url = urlProblem;
  const agreement = await deps.agreements.findById(input.agreementId);
  if (!agreement) errors.agreementId = 'Choose a data sharing agreement from the list';
  else if (agreementStatus(agreement, deps.clock.now()) === 'ended') errors.agreementId = `The agreement with ${agreement.partner} has ended: nothing may be sent under it`;
  if (Object.keys(errors).length) throw new ValidationError(`The subscription needs correcting: ${Object.values(errors).join('; ')}.`, errors, 'SUBSCRIPTION_INVALID');
  const at = deps.clock.now().toISOString();
  const subscription: WebhookSubscription = {
    id: randomUUID(), name: input.name, url: input.url, events: [...new Set(input.events)], agreementId: input.agreementId,
    secret: newSecret(), active: true, createdAt: at, createdBy: actor.id, updatedAt: at,
  };
  await deps.subscriptions.create(subscription);
  await deps.audit.record({
    actor: who(actor), action: 'webhook.subscribed', recordType: 'webhook-subscription', recordId: subscription.id,
    after: { name: subscription.name, url: subscription.url, events: subscription.events, agreementId: subscription.agreementId },
  });
  return { subscription: viewOfSubscription(subscription), secret: subscription.secret };
}

export async function changeWebhookSubscription(
  deps: ManageSubscriptionsDeps, actor: SharingActor, id: string, change: { active?: boolean; rotateSecret?: boolean },
): Promise<{ subscription: SubscriptionView; secret?: string }> {
  assertWebhookAdmin(actor);
  const current = await deps.subscriptions.findById(id);
  if (!current) throw new NotFoundError('There is no such subscription: choose one from the list', 'SUBSCRIPTION_NOT_FOUND');
  const patch: Partial<WebhookSubscription> = { updatedAt: deps.clock.now().toISOString() };
  if (change.active !== undefined) patch.active = change.active;
  if (change.rotateSecret) patch.secret = newSecret();
  await deps.subscriptions.update(id, patch);
  await deps.audit.record({
    actor: who(actor), action: 'webhook.subscription-changed', recordType: 'webhook-subscription', recordId: id,
    before: { active: current.active }, after: { active: patch.active ?? current.active, secretRotated: !!change.rotateSecret },
  });
  const updated = { ...current, ...patch };
  return { subscription: viewOfSubscription(updated), ...(patch.secret ? { secret: patch.secret } : {}) };
}
