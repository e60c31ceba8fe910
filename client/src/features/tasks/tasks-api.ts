// Calls to /api/tasks through the auth feature's fetch (session cookie + CSRF token, ApiError).
import { apiFetch } from '../auth';
import { formatDate as formatLongDate } from '../../shell/format';
import type { FormDefinition } from '../../../../server/src/forms-core';
import type { QueueFilters, QueueName } from '../../../../server/src/domain/tasks/queues';
import type {
  CompleteTaskRequest, QueueRowBody, ReassignRequest, SavedFilterBody, SavedFilterListBody, SavedFilterRequest, TaskBody, TaskCompletedBody, TaskPageBody,
  TaskQueuePageBody,
} from '../../../../server/src/http/openapi/api-types';

export { QUEUES, QUEUE_LABELS, QUEUE_SORT_FIELDS, type QueueName } from '../../../../server/src/domain/tasks/queues';

/** A row of a queue, as the API's schema describes it (server/src/http/openapi/response-schemas.ts). */
export type TaskDto = QueueRowBody;

export type QueueFiltersDto = QueueFilters;

export interface QueueParams extends QueueFiltersDto {
  queue: QueueName;
  sort?: string;
  direction?: 'asc' | 'desc';
  offset?: number;
  limit?: number;
}

export type SavedFilterDto = SavedFilterBody;

export type CaseSummaryDto = NonNullable<TaskPageBody['case']>;

/** The task page as the schema describes it; the form's definition is form-js JSON (opaque to the API's
 * document), typed here as the form renderer reads it. */
export type TaskViewDto = Omit<TaskPageBody, 'form'> & { form?: Omit<NonNullable<TaskPageBody['form']>, 'schema'> & { schema: FormDefinition } };

const enc = encodeURIComponent;

export function queueUrl(p: QueueParams): string {
  const q = new URLSearchParams();
  for (const [k, v] of Object.entries(p)) if (v !== undefined && v !== '') q.set(k, String(v));
  return `/api/tasks?${q.toString()}`;
}

export const tasksApi = {
  queue: (p: QueueParams) => apiFetch<TaskQueuePageBody>('GET', queueUrl(p)),
  get: (id: string) => apiFetch<TaskViewDto>('GET', `/api/tasks/${enc(id)}`),
  claim: (id: string) => apiFetch<TaskBody>('POST', `/api/tasks/${enc(id)}/claim`),
  unclaim: (id: string) => apiFetch<TaskBody>('POST', `/api/tasks/${enc(id)}/unclaim`),
  reassign: (id: string, toUserId: string | null) => apiFetch<TaskBody>('POST', `/api/tasks/${enc(id)}/reassign`, { toUserId } satisfies ReassignRequest),
  complete: (id: string, data: Record<string, unknown>) =>
    apiFetch<TaskCompletedBody>('POST', `/api/tasks/${enc(id)}/complete`, { data } satisfies CompleteTaskRequest),
  filters: () => apiFetch<SavedFilterListBody>('GET', '/api/tasks/filters').then((r) => r.items),
  saveFilter: (name: string, body: SavedFilterRequest) => apiFetch<SavedFilterBody>('PUT', `/api/tasks/filters/${enc(name)}`, body),
  deleteFilter: (name: string) => apiFetch<void>('DELETE', `/api/tasks/filters/${enc(name)}`),
};

/** The one date format (shell/format.ts: "14 March 2010"), or a dash when there is no date. */
export const formatDate = (iso?: string) => (iso ? formatLongDate(iso) : '—');
