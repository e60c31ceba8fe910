// Calls to the forms API. Errors come back as ApiError carrying the server's field errors so the
// renderer can put each message beside its field.
import type { FormDefinition } from '../../../../server/src/forms-core';
import { ApiError, apiFetch } from '../auth/api-fetch';

export interface FormVersionDto {
  formId: string;
  version: number;
  schema: FormDefinition;
  deployedAt: string;
  deployedBy: string;
  comment?: string;
}
/** A version in the form's version list: who deployed it by name, and why. */
export interface FormVersionItemDto { formId: string; version: number; deployedAt: string; deployedByName: string; comment?: string; source: 'file' | 'api' }
export interface FormSummaryDto { formId: string; version: number; title?: string; deployedAt: string }
export interface SubmissionDto { id: string; formId: string; version: number; data: Record<string, unknown>; submittedAt: string; submittedBy: string }
export interface DraftDto { id: string; formId: string; version: number; data: Record<string, unknown>; updatedAt: string; taskId?: string; caseId?: string }

// The app's one fetch: session cookie, CSRF token on state-changing requests, ApiError with field errors.
export { ApiError };
const request = apiFetch;

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
  deploy: (schema: unknown, comment: string) => request<FormVersionDto & { created: boolean }>('POST', '/api/forms', { schema, comment }),
  versions: (formId: string) => request<{ items: FormVersionItemDto[] }>('GET', `/api/forms/${enc(formId)}/versions`).then((r) => r.items),
  check: (schema: unknown) => request<{ problems: { path: string; message: string }[] }>('POST', '/api/forms/check', schema),
};
