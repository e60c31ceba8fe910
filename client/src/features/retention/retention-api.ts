// Calls to /api/retention (server/src/http/retention.routes.ts): the schedule and its versions, the dry
// run, and legal holds. Field errors arrive as ApiError.errors, shown beside their fields.
import type {
  LegalHoldBody, LegalHoldListBody, LegalHoldRequest, RetentionTermsRequest, RetentionDryRunBody, RetentionHistoryBody, RetentionReviewStartedBody, RetentionScheduleBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth';

/** Who a legal hold covers: a case, every case of its child, or every record (the option values of the form). */
export type HoldScope = LegalHoldRequest['scope'];

/** The schedule, dry run and holds as the API's schemas describe them (server/src/http/openapi/sar-retention-schemas.ts). */
export type RetentionScheduleDto = RetentionScheduleBody;
export type RetentionRuleDto = RetentionScheduleDto['rules'][number];
export type LegalHoldDto = LegalHoldBody;
export type DryRunDto = RetentionDryRunBody;
export type RuleTermsBody = RetentionTermsRequest;

const enc = encodeURIComponent;

export const retentionApi = {
  schedule: () => apiFetch<RetentionScheduleDto>('GET', '/api/retention/schedule'),
  history: () => apiFetch<RetentionHistoryBody>('GET', '/api/retention/schedule/history').then((r) => r.items),
  changeRule: (id: string, body: RuleTermsBody) => apiFetch<RetentionScheduleDto>('PUT', `/api/retention/schedule/rules/${enc(id)}`, body),
  dryRun: () => apiFetch<DryRunDto>('GET', '/api/retention/dry-run'),
  startReview: () => apiFetch<RetentionReviewStartedBody>('POST', '/api/retention/reviews'),
  holds: () => apiFetch<LegalHoldListBody>('GET', '/api/retention/holds').then((r) => r.items),
  placeHold: (body: LegalHoldRequest) => apiFetch<LegalHoldDto>('POST', '/api/retention/holds', body),
  liftHold: (id: string, reason: string) => apiFetch<LegalHoldDto>('POST', `/api/retention/holds/${enc(id)}/lift`, { reason }),
};

export const SCOPE_WORDS: Record<string, string> = { case: 'This case', person: 'Every case of this person', all: 'Everything (preservation order)' };

/** The rule in words, as the server writes it: "deleted 6 years after the date the case closed, … (CASE+6)". */
export { describeRule } from '../../../../server/src/domain/retention/retention-rule';
