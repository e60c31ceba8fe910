// Calls to /api/cases/:id/documents. The upload sends the file itself as the body (no multipart) through
// XMLHttpRequest, the one browser API that reports upload progress; the CSRF token goes with it as with
// every other write (auth feature's csrfHeaders).
import type { CaseDocumentBody, CaseDocumentListBody } from '../../../../server/src/http/openapi/api-types';
import { apiFetch, ApiError, csrfHeaders } from '../auth';

/** A case's documents as the API's schemas describe them (server/src/http/openapi/records-schemas.ts). */
export type DocumentDto = CaseDocumentBody;
export type DocumentListDto = CaseDocumentListBody;

export interface UploadFields {
  section: string;
  category: string;
  description?: string;
}

/** The same types the server files by (domain/documents/case-document.ts), in its order. */
export const DOCUMENT_CATEGORIES: [string, string][] = [
  ['assessment', 'Assessment'], ['court', 'Court document'], ['letter', 'Letter or email'], ['report', 'Report'],
  ['plan', 'Plan or agreement'], ['consent', 'Consent form'], ['photograph', 'Photograph'], ['other', 'Other'],
];

const enc = encodeURIComponent;
const base = (caseId: string) => `/api/cases/${enc(caseId)}/documents`;
const withReason = (reason?: string) => (reason ? `?reason=${enc(reason)}` : '');
const query = (params: Record<string, string | undefined>) => {
  const q = new URLSearchParams(Object.entries(params).filter((e): e is [string, string] => !!e[1])).toString();
  return q ? `?${q}` : '';
};

export const documentsApi = {
  /** One section's documents (the server audits the read of that section only). */
  list: (caseId: string, section?: string, reason?: string) => apiFetch<DocumentListDto>('GET', `${base(caseId)}${query({ section, reason })}`),
  contentUrl: (caseId: string, documentId: string, reason?: string) => `${base(caseId)}/${enc(documentId)}/content${withReason(reason)}`,

  /** Resolves with the stored document; rejects with ApiError (field errors under `file`, `category`…). */
  upload(caseId: string, file: File, fields: UploadFields, onProgress: (fraction: number) => void): Promise<DocumentDto> {
    const params = new URLSearchParams({ section: fields.section, name: file.name, category: fields.category, ...(fields.description ? { description: fields.description } : {}) });
    return new Promise((resolve, reject) => {
      const xhr = new XMLHttpRequest();
      xhr.open('POST', `${base(caseId)}?${params}`);
      xhr.setRequestHeader('Content-Type', 'application/octet-stream');
      xhr.setRequestHeader('Accept', 'application/json');
      for (const [k, v] of Object.entries(csrfHeaders())) xhr.setRequestHeader(k, v);
      xhr.upload.onprogress = (e) => e.lengthComputable && onProgress(e.loaded / e.total);
      xhr.onerror = () => reject(new ApiError(0, 'The file could not be sent. Check your connection and try again.', 'NETWORK_ERROR'));
      xhr.onload = () => {
        let json: { error?: { message?: string; code?: string }; errors?: Record<string, string> } & Partial<DocumentDto> = {};
        try {
          json = JSON.parse(xhr.responseText || '{}');
        } catch {
          /* not JSON: answered below by status */
        }
        if (xhr.status === 201) resolve(json as DocumentDto);
        else reject(new ApiError(xhr.status, json.error?.message ?? `The upload failed (${xhr.status})`, json.error?.code ?? 'HTTP_ERROR', json.errors ?? {}));
      };
      xhr.send(file);
    });
  },
};
