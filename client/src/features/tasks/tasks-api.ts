// Calls to /api/tasks through the auth feature's fetch (session cookie + CSRF token, ApiError).
import { apiFetch } from '../auth';
import { formatDate as formatLongDate } from '../../shell/format';
import type { FormDefinition } from '../../../../server/src/forms-core';
import type { QueueFilters, QueueName } from '../../../../server/src/domain/tasks/queues';

export { QUEUES, QUEUE_LABELS, type QueueName } from '../../../../server/src/domain/tasks/queues';

export interface TaskDto {
  id: string;
  name: string;
  processId: string;
  elementId: string;
  caseId?: string;
  /** The child's name: only sent when the reader may open the case. */
  caseName?: string;
  team?: string;
  assignee?: string;
  assigneeName?: string;
  candidateGroups: string[];
  dueDate?: string;
  followUpDate?: string;
  priority: number;
  state: 'open' | 'completed' | 'cancelled';
  completedAt?: string;
  overdue: boolean;
  /** The process as its model names it ("Referral & intake"), when the server knows it. */
  processName?: string;
}

export type QueueFiltersDto = QueueFilters;

export interface QueueParams extends QueueFiltersDto {
  queue: QueueName;
  sort?: string;
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export interface SavedFilterDto { name: string; queue: QueueName; filters: QueueFiltersDto; sort?: { field: string; direction: 'asc' | 'desc' } }

export interface CaseSummaryDto { id: string; displayName: string; dateOfBirth: string; team: string; status: string; pathway?: string }

export interface TaskViewDto {
  task: TaskDto;
  case?: CaseSummaryDto;
  form?: { formId: string; version: number; schema: FormDefinition };
  submission?: { id: string; data: Record<string, unknown>; submittedAt: string; submittedBy: string };
  unwritableSections: string[];
  /** The process variables the form's conditions and options read (nothing else of the instance). */
  formVariables?: Record<string, unknown>;
  actions: { claim: boolean; unclaim: boolean; complete: boolean; reassign: boolean };
}

export interface Page<T> { items: T[]; total: number; offset: number; limit: number }

const enc = encodeURIComponent;

export function queueUrl(p: QueueParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/api/tasks?${q.toString()}`;
}

export const tasksApi = {
  queue: (p: QueueParams) => apiFetch<Page<TaskDto>>('GET', queueUrl(p)),
  get: (id: string) => apiFetch<TaskViewDto>('GET', `/api/tasks/${enc(id)}`),
  claim: (id: string) => apiFetch<TaskDto>('POST', `/api/tasks/${enc(id)}/claim`),
  unclaim: (id: string) => apiFetch<TaskDto>('POST', `/api/tasks/${enc(id)}/unclaim`),
  reassign: (id: string, toUserId: string | null) => apiFetch<TaskDto>('POST', `/api/tasks/${enc(id)}/reassign`, { toUserId }),
  complete: (id: string, data: Record<string, unknown>) =>
    apiFetch<{ submission: { id: string }; amendedSections: string[]; repeated: boolean; next?: { id: string; name: string; caseId: string; caseName?: string } }>('POST', `/api/tasks/${enc(id)}/complete`, { data }),
  filters: () => apiFetch<{ items: SavedFilterDto[] }>('GET', '/api/tasks/filters').then((r) => r.items),
  saveFilter: (name: string, body: Omit<SavedFilterDto, 'name'>) => apiFetch<SavedFilterDto>('PUT', `/api/tasks/filters/${enc(name)}`, body),
  deleteFilter: (name: string) => apiFetch<void>('DELETE', `/api/tasks/filters/${enc(name)}`),
};

/** The one date format (shell/format.ts: "14 March 2010"), or a dash when there is no date. */
export const formatDate = (iso?: string) => (iso ? formatLongDate(iso) : '—');
