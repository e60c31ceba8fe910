// Calls to /api/escalation. Errors come back as EscalationApiError with the server's field errors, so
// the policy form can show each message beside its input.
import type {
  CaughtMailPageBody, EmailPreferenceBody, EscalationPolicyBody, EscalationPolicyHistoryBody, EscalationPolicyRequest, OutboxEntryBody, OutboxPageBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth';

/** The rules, the outbox and preferences as the API's schemas describe them
 * (server/src/http/openapi/timescales-escalation-schemas.ts). */
export type PolicyVersionDto = EscalationPolicyBody;
export type EscalationRuleDto = PolicyVersionDto['defaults'];
export type RuleOverrideDto = PolicyVersionDto['overrides'][number];
export type PolicyDto = Pick<PolicyVersionDto, 'defaults' | 'overrides'>;
export type OutboxEntryDto = OutboxEntryBody;
export type OutboxPageDto = OutboxPageBody;
export type CaughtMailDto = CaughtMailPageBody['items'][number];
export type PreferenceDto = EmailPreferenceBody;

// The session's apiFetch adds the CSRF header to writes and reports 401s to the session.
export { ApiError as EscalationApiError } from '../auth';
const request = apiFetch;

const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');

export const escalationApi = {
  policy: () => request<PolicyVersionDto>('GET', '/api/escalation/policy'),
  history: () => request<EscalationPolicyHistoryBody>('GET', '/api/escalation/policy/history').then((r) => r.items),
  updatePolicy: (policy: PolicyDto, reason: string) => request<PolicyVersionDto>('PUT', '/api/escalation/policy', { policy, reason } satisfies EscalationPolicyRequest),
  outbox: (filter: { state?: string; kind?: string; offset?: number; limit?: number }) => request<OutboxPageDto>('GET', `/api/escalation/outbox?${qs(filter)}`),
  retry: (id: string) => request<OutboxEntryDto>('POST', `/api/escalation/outbox/${encodeURIComponent(id)}/retry`),
  caughtMail: (offset = 0, limit = 50) => request<CaughtMailPageBody>('GET', `/api/escalation/caught-mail?${qs({ offset, limit })}`),
  preference: () => request<PreferenceDto>('GET', '/api/escalation/preferences/me'),
  setPreference: (mode: PreferenceDto['mode']) => request<PreferenceDto>('PUT', '/api/escalation/preferences/me', { mode }),
};
