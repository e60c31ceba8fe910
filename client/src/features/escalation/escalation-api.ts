// Calls to /api/escalation. Errors come back as EscalationApiError with the server's field errors, so
// the policy form can show each message beside its input.
import { apiFetch } from '../auth';

export interface EscalationRuleDto {
  reminderDaysBefore: number;
  overdueNotice: boolean;
  level1AfterDays: number;
  level2AfterDays: number;
}
export interface RuleOverrideDto { processId: string; elementId?: string; rule: Partial<EscalationRuleDto> }
export interface PolicyDto { defaults: EscalationRuleDto; overrides: RuleOverrideDto[] }
export interface PolicyVersionDto extends PolicyDto { version: number; createdAt: string; createdBy: string; reason: string }

export interface OutboxEntryDto {
  id: string;
  kind: 'notice' | 'digest' | 'team-digest';
  source: string;
  taskId?: string;
  level?: string;
  to: string;
  /** Set when the rules found nobody and the configured fallback (ESCALATION_FALLBACK) got it: why. */
  fallbackReason?: string;
  subject: string;
  text: string;
  state: string;
  attempts: number;
  maxAttempts: number;
  nextAttemptAt: string;
  lastError?: string;
  sentAt?: string;
  cancelReason?: string;
  createdAt: string;
}
export interface OutboxPageDto { items: OutboxEntryDto[]; total: number; offset: number; limit: number; counts: Record<string, number> }
export interface CaughtMailDto { id: string; messageId?: string; from: string; to: string[]; subject: string; text: string; receivedAt: string }
export interface PreferenceDto { userId: string; mode: 'immediate' | 'digest'; updatedAt: string }

// The session's apiFetch adds the CSRF header to writes and reports 401s to the session.
export { ApiError as EscalationApiError } from '../auth';
const request = apiFetch;

const qs = (params: Record<string, string | number | undefined>) =>
  Object.entries(params).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`).join('&');

export const escalationApi = {
  policy: () => request<PolicyVersionDto>('GET', '/api/escalation/policy'),
  history: () => request<{ items: PolicyVersionDto[] }>('GET', '/api/escalation/policy/history').then((r) => r.items),
  updatePolicy: (policy: PolicyDto, reason: string) => request<PolicyVersionDto>('PUT', '/api/escalation/policy', { policy, reason }),
  outbox: (filter: { state?: string; kind?: string; offset?: number; limit?: number }) => request<OutboxPageDto>('GET', `/api/escalation/outbox?${qs(filter)}`),
  retry: (id: string) => request<OutboxEntryDto>('POST', `/api/escalation/outbox/${encodeURIComponent(id)}/retry`),
  caughtMail: (offset = 0, limit = 50) => request<{ items: CaughtMailDto[]; total: number }>('GET', `/api/escalation/caught-mail?${qs({ offset, limit })}`),
  preference: () => request<PreferenceDto>('GET', '/api/escalation/preferences/me'),
  setPreference: (mode: PreferenceDto['mode']) => request<PreferenceDto>('PUT', '/api/escalation/preferences/me', { mode }),
};
