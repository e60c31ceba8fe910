// GET /api/cases — the cases list and search (server/src/application/cases/search-cases.ts).
import { apiFetch } from '../auth';
import type { CaseSearchPageBody } from '../../../../server/src/http/openapi/api-types';

/** The cases list as the API's schema describes it (server/src/http/openapi/task-case-actions-schemas.ts). */
export type CaseSearchResult = CaseSearchPageBody;
export type CaseListItem = CaseSearchResult['items'][number];
export { RATINGS, RATING_LABELS, type Rating } from '../../../../server/src/domain/cases/case-search-row';

/** The list's parameters as the URL and the API spell them. */
export const CASE_LIST_PARAMS = ['q', 'team', 'status', 'pathway', 'disposal', 'worker', 'rosh', 'wellbeing', 'sort', 'page'] as const;
export type CaseListParams = Partial<Record<(typeof CASE_LIST_PARAMS)[number], string>>;

export const SORT_LABELS: Record<string, string> = {
  name: 'Name', 'date-of-birth': 'Date of birth (oldest child first)', newest: 'Newest referral first', oldest: 'Oldest referral first', risk: 'Highest risk first',
};

export function caseListQuery(p: CaseListParams): string {
  const q = new URLSearchParams();
  for (const k of CASE_LIST_PARAMS) if (p[k]) q.set(k, p[k]!);
  return q.toString();
}

export const caseListApi = {
  search: (p: CaseListParams) => apiFetch<CaseSearchResult>('GET', `/api/cases?${caseListQuery(p)}`),
};

