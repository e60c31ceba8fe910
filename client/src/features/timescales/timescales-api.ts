// Calls to /api/timescales (server/src/http/timescales.routes.ts). Errors arrive as ApiError with the
// server's field errors (value, unit, reason) so the edit form shows each beside its field.
import { apiFetch } from '../auth';

export interface TimescaleDto {
  id: string;
  label: string;
  trigger: string;
  value: number;
  unit: string;
  direction: 'after' | 'before';
  countsFrom: string;
  status: string;
  source: string;
  defaultText: string;
}

export interface TimescaleChangeDto {
  timescaleId: string;
  before: { value: number; unit: string };
  after: { value: number; unit: string };
}

export interface TimescaleVersionDto {
  version: number;
  createdAt: string;
  createdBy: string;
  reason: string;
  change?: TimescaleChangeDto;
}

export interface TimescaleSetDto extends TimescaleVersionDto {
  timescales: TimescaleDto[];
}

export const DURATION_UNITS = ['workingDays', 'calendarDays', 'weeks', 'months', 'years'] as const;

export const UNIT_LABELS: Record<string, string> = {
  workingDays: 'working days', calendarDays: 'calendar days', weeks: 'weeks', months: 'months', years: 'years',
  count: 'times', perMonth: 'a month',
};

const enc = encodeURIComponent;

export const timescalesApi = {
  current: () => apiFetch<TimescaleSetDto>('GET', '/api/timescales'),
  history: (timescaleId?: string) =>
    apiFetch<{ items: TimescaleVersionDto[] }>('GET', `/api/timescales/history${timescaleId ? `?timescaleId=${enc(timescaleId)}` : ''}`)
      .then((r) => r.items),
  update: (id: string, body: { value: number; unit: string; reason: string }) =>
    apiFetch<TimescaleSetDto>('PUT', `/api/timescales/${enc(id)}`, body),
};

/** "10 working days", "2 working days before", "8 a month". */
export function describeValue(t: Pick<TimescaleDto, 'value' | 'unit' | 'direction'>): string {
  const unit = UNIT_LABELS[t.unit] ?? t.unit;
  return `${t.value} ${unit}${t.direction === 'before' ? ' before' : ''}`;
}
