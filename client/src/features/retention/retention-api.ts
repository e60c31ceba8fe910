// Calls to /api/retention (server/src/http/retention.routes.ts): the schedule and its versions, the dry
// run, and legal holds. Field errors arrive as ApiError.errors, shown beside their fields.
import type { DryRunResult, LegalHold, RetentionRule, RetentionSchedule } from '../../../../server/src/domain/retention';
import { apiFetch } from '../auth';

export type RetentionRuleDto = RetentionRule;
export type RetentionScheduleDto = RetentionSchedule;
export type LegalHoldDto = LegalHold;
export type DryRunDto = DryRunResult;
export type RuleTermsBody = { basis: string; years: number; basicRecordAfterYears?: number | null; roundToFinancialYearEnd: boolean; reason: string };

const enc = encodeURIComponent;

export const retentionApi = {
  schedule: () => apiFetch<RetentionScheduleDto>('GET', '/api/retention/schedule'),
  history: () => apiFetch<{ items: Omit<RetentionScheduleDto, 'rules'>[] }>('GET', '/api/retention/schedule/history').then((r) => r.items),
  changeRule: (id: string, body: RuleTermsBody) => apiFetch<RetentionScheduleDto>('PUT', `/api/retention/schedule/rules/${enc(id)}`, body),
  dryRun: () => apiFetch<DryRunDto>('GET', '/api/retention/dry-run'),
  startReview: () => apiFetch<{ instanceKey: string }>('POST', '/api/retention/reviews'),
  holds: () => apiFetch<{ items: LegalHoldDto[] }>('GET', '/api/retention/holds').then((r) => r.items),
  placeHold: (body: { scope: string; caseId?: string; reason: string; until?: string }) => apiFetch<LegalHoldDto>('POST', '/api/retention/holds', body),
  liftHold: (id: string, reason: string) => apiFetch<LegalHoldDto>('POST', `/api/retention/holds/${enc(id)}/lift`, { reason }),
};

export const SCOPE_WORDS: Record<string, string> = { case: 'This case', person: 'Every case of this person', all: 'Everything (preservation order)' };

const FROM: Record<string, string> = { DOB: 'the date of birth', CASE: 'the date the case closed', ACTION: 'the last activity on the case' };

/** "deleted 6 years after the date the case closed, at the end of that financial year (CASE+6)". */
export function describeRule(r: RetentionRuleDto): string {
  const basic = r.basicRecordAfterYears !== undefined ? `reduced to a basic record ${r.basicRecordAfterYears} years after ${FROM[r.basis]}, then ` : '';
  return `${basic}deleted ${r.years} years after ${FROM[r.basis]}${r.roundToFinancialYearEnd ? ', at the end of that financial year' : ''} (${r.basis}+${r.years})`;
}
