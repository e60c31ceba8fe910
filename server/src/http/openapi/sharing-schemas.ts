// Response schemas of data sharing agreements and webhook subscriptions and deliveries, checked against the
// use cases' own types as response-schemas.ts does. The words for the pages' choices (sections, lawful bases,
// events, agreements to choose from) are put together in the routers; the contract tests check those.
import { z } from 'zod';
import type { AgreementView, getSharingAgreement } from '../../application/sharing/list-sharing-agreements';
import type { DeliveryView, listWebhookDeliveries } from '../../application/webhooks/webhook-deliveries';
import { LAWFUL_BASES, RECIPIENT_KINDS, type SharingAgreement } from '../../domain/sharing/sharing-agreement';
import { DELIVERY_STATES } from '../../domain/webhooks/webhook-delivery';
import type { SubscriptionView } from '../../domain/webhooks/webhook-subscription';
import { civilDate, describes, instant, keyed } from './schema-kit';

const status = z.enum(['in-force', 'not-yet', 'ended']).describe('Whether the agreement is in force today');
const terms = {
  partner: z.string(), recipientKind: z.enum(RECIPIENT_KINDS), purpose: z.string(), sections: z.array(z.string()), lawfulBasis: z.enum(LAWFUL_BASES),
  startDate: civilDate, endDate: civilDate, reference: z.string().optional(),
};
const changed = { revision: z.number().int(), updatedAt: instant, updatedBy: z.string() };
const agreement = describes<SharingAgreement>()(z.looseObject({ ...terms, id: z.string(), ...changed, createdAt: instant, createdBy: z.string() }));
const agreementView = describes<AgreementView>()(agreement.extend({ status }));

export const AgreementAnswer = { name: 'SharingAgreement', schema: agreement };
export const AgreementList = {
  name: 'SharingAgreementList',
  schema: z.looseObject({
    items: z.array(agreementView),
    choices: z.looseObject({ sections: z.array(keyed), lawfulBases: z.array(keyed), recipientKinds: z.array(keyed) }).describe('Words for the choices of the form'),
  }),
};
export const AgreementWithHistory = {
  name: 'SharingAgreementWithHistory',
  schema: describes<Awaited<ReturnType<typeof getSharingAgreement>>>()(z.looseObject({
    agreement: agreementView, history: z.array(z.looseObject({ ...terms, ...changed })).describe('Every version, newest first'),
  })),
};

const subscription = describes<SubscriptionView>()(z.looseObject({
  id: z.string(), name: z.string(), url: z.string(), events: z.array(z.string()), agreementId: z.string(), active: z.boolean(),
  createdAt: instant, createdBy: z.string(), updatedAt: instant,
}));
export const SubscriptionList = {
  name: 'WebhookSubscriptionList',
  schema: z.looseObject({
    items: z.array(subscription).describe('Never with their secrets'),
    events: z.array(keyed),
    agreements: z.array(z.looseObject({
      id: z.string(), partner: z.string(), purpose: z.string(), sections: z.array(z.string()), startDate: civilDate, endDate: civilDate, status,
    })).describe('The agreements a subscription may go under'),
  }),
};
export const SubscriptionMade = {
  name: 'WebhookSubscriptionMade',
  schema: describes<{ subscription: SubscriptionView; secret: string }>()(z.looseObject({
    subscription, secret: z.string().describe('The signing secret, shown this once'),
  })),
};
export const SubscriptionSaved = {
  name: 'WebhookSubscriptionSaved',
  schema: describes<{ subscription: SubscriptionView; secret?: string }>()(z.looseObject({
    subscription, secret: z.string().optional().describe('The signing secret, shown this once: when made, or given a new one'),
  })),
};

const delivery = describes<DeliveryView>()(z.looseObject({
  id: z.string(), subscriptionId: z.string(), agreementId: z.string(), eventId: z.string(), eventType: z.string(), caseId: z.string(),
  sections: z.array(z.string()).describe('The sections the payload carries'), state: z.enum(DELIVERY_STATES), attempts: z.number().int(),
  maxAttempts: z.number().int(), nextAttemptAt: instant, lastAttemptAt: instant.optional(), lastError: z.string().optional(), sentAt: instant.optional(),
  cancelReason: z.string().optional(), createdAt: instant, updatedAt: instant,
}));
export const DeliveryAnswer = { name: 'WebhookDelivery', schema: delivery };
export const DeliveryPage = {
  name: 'WebhookDeliveryPage',
  schema: describes<Awaited<ReturnType<typeof listWebhookDeliveries>>>()(z.looseObject({
    items: z.array(delivery), total: z.number().int(), offset: z.number().int(), limit: z.number().int(),
    counts: z.record(z.string(), z.number().int()).describe('Deliveries in each state, by state'),
  })),
};
