// Calls to the forms API. Errors come back as ApiError carrying the server's field errors so the
// renderer can put each message beside its field.
import type { FieldErrors, FormDefinition } from '../../../../server/src/forms-core';

export interface FormVersionDto {
  formId: string;
  version: number;
  schema: FormDefinition;
  deployedAt: string;
  deployedBy: string;
}
export interface FormSummaryDto { formId: string; version: number; title?: string; deployedAt: string }
export interface SubmissionDto { id: string; formId: string; version: number; data: Record<string, unknown>; submittedAt: string; submittedBy: string }
export interface DraftDto { id: string; formId: string; version: number; data: Record<string, unknown>; updatedAt: string; taskId?: string; caseId?: string }

export class ApiError extends Error {
  constructor(readonly status: number, message: string, readonly code: string, readonly errors: FieldErrors = {}) {
    super(message);
  }
}

async function request<T>(method: string, url: string, body?: unknown): Promise<T> {
  const res = await fetch(url, {
    method,
    credentials: 'same-origin',
    headers: body === undefined ? { accept: 'application/json' } : { accept: 'application/json', 'content-type': 'application/json' },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  if (res.status === 204) return undefined as T;
  const json = await res.json().catch(() => ({}));
  if (!res.ok) {
    throw new ApiError(res.status, json?.error?.message ?? `Request failed (${res.status})`, json?.error?.code ?? 'HTTP_ERROR', json?.errors ?? {});
  }
  return json as T;
}

const enc = encodeURIComponent;

export const formsApi = {
  listForms: () => request<{ items: FormSummaryDto[] }>('GET', '/api/forms').then((r) => r.items),
  getForm: (formId: string, version?: number) =>
    request<FormVersionDto>('GET', `/api/forms/${enc(formId)}${version ? `?version=${version}` : ''}`),
  submit: (formId: string, body: { data: unknown; version?: number; taskId?: string; caseId?: string }) =>
    request<SubmissionDto>('POST', `/api/forms/${enc(formId)}/submissions`, body),
  listDrafts: (formId: string) => request<{ items: DraftDto[] }>('GET', `/api/drafts?formId=${enc(formId)}`).then((r) => r.items),
  getDraft: (id: string) => request<DraftDto>('GET', `/api/drafts/${enc(id)}`),
  createDraft: (body: { formId: string; version?: number; data: unknown; taskId?: string; caseId?: string }) => request<DraftDto>('POST', '/api/drafts', body),
  updateDraft: (id: string, data: unknown) => request<DraftDto>('PUT', `/api/drafts/${enc(id)}`, { data }),
  discardDraft: (id: string) => request<void>('DELETE', `/api/drafts/${enc(id)}`),
  submitDraft: (id: string, data: unknown) => request<SubmissionDto>('POST', `/api/drafts/${enc(id)}/submit`, { data }),
  deploy: (schema: unknown) => request<FormVersionDto & { created: boolean }>('POST', '/api/forms', schema),
  check: (schema: unknown) => request<{ problems: { path: string; message: string }[] }>('POST', '/api/forms/check', schema),
};
