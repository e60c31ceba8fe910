// The contacts log and "start work" of a case (server: http/case-work.routes.ts and POST /cases/:id/processes).
import type { FormDefinition } from '../../../../server/src/forms-core';
import type {
  ContactLogBody, RecordContactRequest, RecordedContactBody, StartableProcessesBody, StartedProcessBody, StartProcessRequest,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth';

const enc = encodeURIComponent;

/** The contacts log and start work as the API's schemas describe them (server/src/http/openapi/case-work-schemas.ts);
 * a form's definition is form-js JSON (opaque to the document), typed here as the renderer reads it. */
export type ContactDto = ContactLogBody['items'][number];
export type ContactLogDto = Omit<ContactLogBody, 'form'> & { form?: FormDefinition };
export type RecordedContactDto = RecordedContactBody;
export type StartableProcessDto = Omit<StartableProcessesBody['items'][number], 'form'> & { form: FormDefinition };
export type StartableListDto = Omit<StartableProcessesBody, 'items'> & { items: StartableProcessDto[] };
export type StartedProcessDto = StartedProcessBody;

export const caseWorkApi = {
  contacts: (caseId: string, reason?: string) =>
    apiFetch<ContactLogDto>('GET', `/api/cases/${enc(caseId)}/contacts${reason ? `?reason=${enc(reason)}` : ''}`),
  recordContact: (caseId: string, key: string, data: Record<string, unknown>) =>
    apiFetch<RecordedContactDto>('POST', `/api/cases/${enc(caseId)}/contacts`, { key, data } satisfies RecordContactRequest),
  startable: (caseId: string) => apiFetch<StartableListDto>('GET', `/api/cases/${enc(caseId)}/startable-processes`),
  // The start form's answers: the route takes only text, numbers, true/false and empty values (StartProcessRequest),
  // so a start form with a checklist or a group would be refused (422); the shipped start forms have none.
  start: (caseId: string, processId: string, variables: Record<string, unknown>) =>
    apiFetch<StartedProcessDto>('POST', `/api/cases/${enc(caseId)}/processes`, { processId, variables } as StartProcessRequest),
};

/** A fresh key for a contact being recorded: the same key saves it once (double clicks, retries). */
export const newContactKey = (): string =>
  `c${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
