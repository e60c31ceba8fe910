// Calls to /api/sharing (data sharing agreements: the DPO makes them, admins read them) and /api/webhooks
// (admins: subscriptions and their deliveries). A subscription's secret arrives once, in the answer that made
// or rotated it; the page shows it then and keeps it nowhere.
import type {
  AgreementChangeRequest, AgreementTermsRequest, SharingAgreementBody, SharingAgreementListBody, SubscriptionChangeRequest, SubscriptionRequest,
  WebhookDeliveryBody, WebhookDeliveryPageBody, WebhookSubscriptionListBody, WebhookSubscriptionMadeBody, WebhookSubscriptionSavedBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** Agreements, subscriptions and deliveries as the API's schemas describe them (server/src/http/openapi/sharing-schemas.ts). */
export type AgreementsDto = SharingAgreementListBody;
export type AgreementDto = AgreementsDto['items'][number];
export type AgreementStatus = AgreementDto['status'];
/** The agreement form's values: the request's terms, with no kind of recipient or lawful basis chosen yet (''). */
export type AgreementTermsDto = Omit<AgreementTermsRequest, 'recipientKind' | 'lawfulBasis'> & {
  recipientKind: AgreementTermsRequest['recipientKind'] | ''; lawfulBasis: AgreementTermsRequest['lawfulBasis'] | '';
};
export type Choice = AgreementsDto['choices']['sections'][number];
export type SubscriptionsDto = WebhookSubscriptionListBody;
export type SubscriptionDto = SubscriptionsDto['items'][number];
export type DeliveriesDto = WebhookDeliveryPageBody;
export type DeliveryDto = WebhookDeliveryBody;

const agreement = (id: string) => `/api/sharing/agreements/${encodeURIComponent(id)}`;

export const sharingApi = {
  agreements: () => apiFetch<AgreementsDto>('GET', '/api/sharing/agreements'),
  createAgreement: (body: AgreementTermsRequest) => apiFetch<SharingAgreementBody>('POST', '/api/sharing/agreements', body),
  changeAgreement: (id: string, body: AgreementChangeRequest) => apiFetch<SharingAgreementBody>('PUT', agreement(id), body),
  subscriptions: () => apiFetch<SubscriptionsDto>('GET', '/api/webhooks/subscriptions'),
  subscribe: (body: SubscriptionRequest) =>
    apiFetch<WebhookSubscriptionMadeBody>('POST', '/api/webhooks/subscriptions', body),
  changeSubscription: (id: string, body: SubscriptionChangeRequest) =>
    apiFetch<WebhookSubscriptionSavedBody>('PATCH', `/api/webhooks/subscriptions/${encodeURIComponent(id)}`, body),
  deliveries: (state?: string) => apiFetch<DeliveriesDto>('GET', `/api/webhooks/deliveries${state ? `?state=${encodeURIComponent(state)}` : ''}`),
  retry: (id: string) => apiFetch<DeliveryDto>('POST', `/api/webhooks/deliveries/${encodeURIComponent(id)}/retry`, {}),
};
