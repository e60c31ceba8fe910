// Calls to the subject access request API (DPO only; the server refuses everyone else).
import type {
  RedactionsRequest, SarDecisionsBody, SarGatheredAgainBody, SarListBody, SarReviewBody, SarStartedBody, StartSarRequest,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** Subject access requests as the API's schemas describe them (server/src/http/openapi/sar-retention-schemas.ts). */
export type SarReviewDto = SarReviewBody;
export type SarRequestDto = SarReviewDto['request'];
export type SarSubjectDto = SarRequestDto['subject'];
export type SarSummaryDto = SarListBody['items'][number];
export type PersonMatchDto = SarReviewDto['matches'][number];
export type SarItemDto = SarReviewDto['items'][number];
/** When and by whom the request's records were gathered (its snapshot), and whether it can still change. */
export type GatheredDto = NonNullable<SarReviewDto['gathered']>;

export const ROLE_WORDS: Record<PersonMatchDto['role'], string> = { subject: 'The child of the case', 'family-member': 'Named as a family member', victim: 'Named as a victim' };
export const STEP_WORDS: Record<string, string> = {
  verifyIdentity: 'Checking identity', gatherSnapshot: 'Gathering records', gatherRecords: 'Gathering records', reviewRedactions: 'Reviewing redactions',
  approveDisclosure: 'Awaiting approval', sendResponse: 'Approved: send the response',
  calcGatheredCopy: 'Response sent', keepGatheredCopy: 'Response sent: the gathered copy is kept for complaints, then deleted', dropGatheredCopy: 'Deleting the gathered copy',
};

export const sarApi = {
  list: () => apiFetch<SarListBody>('GET', '/api/sar'),
  start: (body: StartSarRequest) => apiFetch<SarStartedBody>('POST', '/api/sar', body),
  review: (key: string) => apiFetch<SarReviewDto>('GET', `/api/sar/${encodeURIComponent(key)}`),
  decide: (key: string, decisions: RedactionsRequest['decisions']) => apiFetch<SarDecisionsBody>('PUT', `/api/sar/${encodeURIComponent(key)}/redactions`, { decisions }),
  gatherAgain: (key: string, reason: string) => apiFetch<SarGatheredAgainBody>('POST', `/api/sar/${encodeURIComponent(key)}/gather-again`, { reason }),
  exportUrl: (key: string) => `/api/sar/${encodeURIComponent(key)}/export`,
};
