// The OpenAPI operations of data sharing agreements and webhook subscriptions (issue 22). Agreements are the
// data protection officer's (admins read them); subscriptions and deliveries are the admins'. Both are
// decided by role in the use cases (application/sharing/sharing-access.ts), so the document says so in words.
import { z } from 'zod';
import { agreementChangeSchema, agreementTermsSchema, noQuery } from '../sharing.routes';
import { deliveriesQuery, subscriptionChangeSchema, subscriptionSchema } from '../webhooks.routes';
import { action, signedIn, type ApiResource } from './api-operation';
import {
  AgreementAnswer, AgreementList, AgreementWithHistory, DeliveryAnswer, DeliveryPage, SubscriptionList, SubscriptionMade, SubscriptionSaved,
} from './sharing-schemas';

const empty = z.strictObject({});
const admins = action('administer-users');

export const SHARING: ApiResource = {
  tag: 'Data sharing agreements', base: '/api/sharing',
  description: 'Agreements under which case data may go to a partner (the data protection officer makes them; admins read them).',
  operations: [
    { method: 'get', path: '/agreements', summary: 'List the agreements, each with whether it is in force today (DPO, admins)', access: signedIn, query: noQuery, response: AgreementList },
    { method: 'post', path: '/agreements', summary: 'Make an agreement (DPO)', access: signedIn, body: agreementTermsSchema, status: 201, response: AgreementAnswer },
    { method: 'get', path: '/agreements/:id', summary: 'Read an agreement and every version of it (DPO, admins)', access: signedIn, query: noQuery, errors: [404], response: AgreementWithHistory },
    { method: 'put', path: '/agreements/:id', summary: 'Change an agreement (DPO; a new version, with a reason)', access: signedIn, body: agreementChangeSchema, errors: [404, 409], response: AgreementAnswer },
  ],
};

export const WEBHOOKS: ApiResource = {
  tag: 'Webhooks', base: '/api/webhooks',
  description: 'Signed events to partners’ systems (docs/sharing-and-webhooks.md): subscriptions under an agreement, and their deliveries.',
  operations: [
    { method: 'get', path: '/subscriptions', summary: 'List subscriptions (never their secrets), the events and the agreements to choose from', access: admins, query: noQuery, response: SubscriptionList },
    { method: 'post', path: '/subscriptions', summary: 'Subscribe a receiver (the answer shows its secret, this once)', access: admins, body: subscriptionSchema, status: 201, response: SubscriptionMade },
    { method: 'patch', path: '/subscriptions/:id', summary: 'Switch a subscription off or on, or give it a new secret', access: admins, body: subscriptionChangeSchema, errors: [404], response: SubscriptionSaved },
    { method: 'get', path: '/deliveries', summary: 'List deliveries: sent, waiting, failing and dead letters', access: admins, query: deliveriesQuery, response: DeliveryPage },
    { method: 'post', path: '/deliveries/:id/retry', summary: 'Send a dead letter again', access: admins, body: empty, errors: [404, 409], response: DeliveryAnswer },
  ],
};
