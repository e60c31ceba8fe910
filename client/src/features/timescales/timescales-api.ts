// Calls to /api/timescales (server/src/http/timescales.routes.ts). Errors arrive as ApiError with the
// server's field errors (value, unit, reason) so the edit form shows each beside its field.
import type { TimescaleEditRequest, TimescaleHistoryBody, TimescaleSetBody } from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth';

/** The timescales as the API's schema describes them (server/src/http/openapi/timescales-escalation-schemas.ts). */
export type TimescaleSetDto = TimescaleSetBody;
export type TimescaleDto = TimescaleSetDto['timescales'][number];
export type TimescaleVersionDto = TimescaleHistoryBody['items'][number];
export type TimescaleChangeDto = NonNullable<TimescaleVersionDto['change']>;

export const DURATION_UNITS = ['workingDays', 'calendarDays', 'weeks', 'months', 'years'] as const;

export const UNIT_LABELS: Record<string, string> = {
  workingDays: 'working days', calendarDays: 'calendar days', weeks: 'weeks', months: 'months', years: 'years',
  count: 'times', perMonth: 'a month',
};

const enc = encodeURIComponent;

export const timescalesApi = {
  current: () => apiFetch<TimescaleSetDto>('GET', '/api/timescales'),
  history: (timescaleId?: string) =>
    apiFetch<TimescaleHistoryBody>('GET', `/api/timescales/history${timescaleId ? `?timescaleId=${enc(timescaleId)}` : ''}`)
      .then((r) => r.items),
  update: (id: string, body: TimescaleEditRequest) =>
    apiFetch<TimescaleSetDto>('PUT', `/api/timescales/${enc(id)}`, body),
};

/** "10 working days", "2 working days before", "8 a month". */
export function describeValue(t: Pick<TimescaleDto, 'value' | 'unit' | 'direction'>): string {
  const unit = UNIT_LABELS[t.unit] ?? t.unit;
  return `${t.value} ${unit}${t.direction === 'before' ? ' before' : ''}`;
}
