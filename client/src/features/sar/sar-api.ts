// Calls to the subject access request API (DPO only; the server refuses everyone else).
import { apiFetch } from '../auth/api-fetch';

export interface SarSubjectDto { givenName: string; familyName: string; otherNames: string[]; dateOfBirth?: string; nhsNumber?: string }
export interface SarRequestDto {
  key: string; state: string; activeSteps: string[]; receivedOn: string; requesterName: string; requesterRelationship?: string;
  subject: SarSubjectDto; due?: string; extended: boolean; extensionProblem?: string; approved: boolean; erased?: string;
  decisions: { itemId: string; decision: 'disclose' | 'withhold'; reason: string }[];
}
export interface SarSummaryDto { key: string; state: string; activeSteps: string[]; receivedOn: string; due?: string; extended: boolean; approved: boolean; subjectName: string }
export interface PersonMatchDto { caseId: string; team: string; displayName: string; role: 'subject' | 'family-member' | 'victim'; reasons: string[]; flaggedForReview: boolean }
export interface SarItemDto {
  id: string; caseId: string; kind: string; label: string; value: unknown; section?: string;
  proposal: { decision: 'disclose' | 'review'; reason: string }; decision: 'disclose' | 'withhold'; reason: string; decidedByDpo: boolean;
  source: string; thirdParty: boolean; isNew: boolean;
}
/** When and by whom the request's records were gathered (its snapshot), and whether it can still change. */
export interface GatheredDto {
  at: string; by: string; previousAt?: string; itemCount: number; newItems: number; frozenAt?: string; droppedAt?: string; droppedBecause?: string;
}
export interface SarReviewDto { request: SarRequestDto; gathered?: GatheredDto; matches: PersonMatchDto[]; noDataHeld: boolean; items: SarItemDto[] }

export const ROLE_WORDS: Record<PersonMatchDto['role'], string> = { subject: 'The child of the case', 'family-member': 'Named as a family member', victim: 'Named as a victim' };
export const STEP_WORDS: Record<string, string> = {
  verifyIdentity: 'Checking identity', gatherSnapshot: 'Gathering records', gatherRecords: 'Gathering records', reviewRedactions: 'Reviewing redactions',
  approveDisclosure: 'Awaiting approval', sendResponse: 'Approved: send the response',
  calcGatheredCopy: 'Response sent', keepGatheredCopy: 'Response sent: the gathered copy is kept for complaints, then deleted', dropGatheredCopy: 'Deleting the gathered copy',
};

export const sarApi = {
  list: () => apiFetch<{ items: SarSummaryDto[]; total: number }>('GET', '/api/sar'),
  start: (body: unknown) => apiFetch<{ key: string }>('POST', '/api/sar', body),
  review: (key: string) => apiFetch<SarReviewDto>('GET', `/api/sar/${encodeURIComponent(key)}`),
  decide: (key: string, decisions: SarRequestDto['decisions']) => apiFetch<{ decisions: SarRequestDto['decisions'] }>('PUT', `/api/sar/${encodeURIComponent(key)}/redactions`, { decisions }),
  gatherAgain: (key: string, reason: string) => apiFetch<{ gathered: GatheredDto; decisionsKept: number; decisionsDropped: number }>('POST', `/api/sar/${encodeURIComponent(key)}/gather-again`, { reason }),
  exportUrl: (key: string) => `/api/sar/${encodeURIComponent(key)}/export`,
};
