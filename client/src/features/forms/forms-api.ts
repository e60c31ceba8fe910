// Calls to the forms API. Errors come back as ApiError carrying the server's field errors so the
// renderer can put each message beside its field.
import type { FormDefinition } from '../../../../server/src/forms-core';
import type {
  DraftBody, DraftListBody, FormBody, FormCheckBody, FormDeployedBody, FormListBody, FormVersionListBody, SubmissionBody,
} from '../../../../server/src/http/openapi/api-types';
import { ApiError, apiFetch } from '../auth/api-fetch';

/** A form version as the API's schema describes it (server/src/http/openapi/forms-schemas.ts); the definition is
 * form-js JSON (opaque to the document), typed here as the renderer reads it. */
export type FormVersionDto = Omit<FormBody, 'schema'> & { schema: FormDefinition };
/** A version in the form's version list: who deployed it by name, and why. */
export type FormVersionItemDto = FormVersionListBody['items'][number];
export type FormSummaryDto = FormListBody['items'][number];
export type SubmissionDto = SubmissionBody;
export type DraftDto = DraftBody;

// The app's one fetch: session cookie, CSRF token on state-changing requests, ApiError with field errors.
export { ApiError };
const request = apiFetch;

const enc = encodeURIComponent;

export const formsApi = {
  listForms: () => request<FormListBody>('GET', '/api/forms').then((r) => r.items),
  getForm: (formId: string, version?: number) =>
    request<FormVersionDto>('GET', `/api/forms/${enc(formId)}${version ? `?version=${version}` : ''}`),
  submit: (formId: string, body: { data: unknown; version?: number; taskId?: string; caseId?: string }) =>
    request<SubmissionDto>('POST', `/api/forms/${enc(formId)}/submissions`, body),
  listDrafts: (formId: string) => request<DraftListBody>('GET', `/api/drafts?formId=${enc(formId)}`).then((r) => r.items),
  getDraft: (id: string) => request<DraftDto>('GET', `/api/drafts/${enc(id)}`),
  createDraft: (body: { formId: string; version?: number; data: unknown; taskId?: string; caseId?: string }) => request<DraftDto>('POST', '/api/drafts', body),
  updateDraft: (id: string, data: unknown) => request<DraftDto>('PUT', `/api/drafts/${enc(id)}`, { data }),
  discardDraft: (id: string) => request<void>('DELETE', `/api/drafts/${enc(id)}`),
  submitDraft: (id: string, data: unknown) => request<SubmissionDto>('POST', `/api/drafts/${enc(id)}/submit`, { data }),
  deploy: (schema: unknown, comment: string) => request<Omit<FormDeployedBody, 'schema'> & { schema: FormDefinition }>('POST', '/api/forms', { schema, comment }),
  versions: (formId: string) => request<FormVersionListBody>('GET', `/api/forms/${enc(formId)}/versions`).then((r) => r.items),
  check: (schema: unknown) => request<FormCheckBody>('POST', '/api/forms/check', schema),
};
