// Calls to /api/sharing (data sharing agreements: the DPO makes them, admins read them) and /api/webhooks
// (admins: subscriptions and their deliveries). A subscription's secret arrives once, in the answer that made
// or rotated it; the page shows it then and keeps it nowhere.
import { apiFetch } from '../auth/api-fetch';

export type AgreementStatus = 'in-force' | 'not-yet' | 'ended';
export interface AgreementTermsDto {
  partner: string;
  recipientKind: string;
  purpose: string;
  sections: string[];
  lawfulBasis: string;
  startDate: string;
  endDate: string;
  reference?: string;
}
export interface AgreementDto extends AgreementTermsDto {
  id: string;
  revision: number;
  status: AgreementStatus;
  updatedAt: string;
  updatedBy: string;
}
export interface Choice { key: string; label: string }
export interface AgreementsDto {
  items: AgreementDto[];
  choices: { sections: Choice[]; lawfulBases: Choice[]; recipientKinds: Choice[] };
}

export interface SubscriptionDto { id: string; name: string; url: string; events: string[]; agreementId: string; active: boolean; createdAt: string }
export interface SubscriptionsDto {
  items: SubscriptionDto[];
  events: Choice[];
  agreements: { id: string; partner: string; purpose: string; status: AgreementStatus; endDate: string }[];
}
export interface DeliveryDto {
  id: string; subscriptionId: string; eventType: string; caseId: string; sections: string[]; state: string;
  attempts: number; maxAttempts: number; nextAttemptAt: string; lastError?: string; sentAt?: string; cancelReason?: string; createdAt: string;
}
export interface DeliveriesDto { items: DeliveryDto[]; total: number; counts: Record<string, number> }

const agreement = (id: string) => `/api/sharing/agreements/${encodeURIComponent(id)}`;

export const sharingApi = {
  agreements: () => apiFetch<AgreementsDto>('GET', '/api/sharing/agreements'),
  createAgreement: (body: AgreementTermsDto) => apiFetch<AgreementDto>('POST', '/api/sharing/agreements', body),
  changeAgreement: (id: string, body: AgreementTermsDto & { revision: number; reason: string }) => apiFetch<AgreementDto>('PUT', agreement(id), body),
  subscriptions: () => apiFetch<SubscriptionsDto>('GET', '/api/webhooks/subscriptions'),
  subscribe: (body: { name: string; url: string; events: string[]; agreementId: string }) =>
    apiFetch<{ subscription: SubscriptionDto; secret: string }>('POST', '/api/webhooks/subscriptions', body),
  changeSubscription: (id: string, body: { active?: boolean; rotateSecret?: true }) =>
    apiFetch<{ subscription: SubscriptionDto; secret?: string }>('PATCH', `/api/webhooks/subscriptions/${encodeURIComponent(id)}`, body),
  deliveries: (state?: string) => apiFetch<DeliveriesDto>('GET', `/api/webhooks/deliveries${state ? `?state=${encodeURIComponent(state)}` : ''}`),
  retry: (id: string) => apiFetch<DeliveryDto>('POST', `/api/webhooks/deliveries/${encodeURIComponent(id)}/retry`, {}),
};
