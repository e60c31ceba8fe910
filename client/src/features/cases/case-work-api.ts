// The contacts log and "start work" of a case (server: http/case-work.routes.ts and POST /cases/:id/processes).
import type { ContactView } from '../../../../server/src/application/cases/list-case-contacts';
import type { FormDefinition } from '../../../../server/src/forms-core';
import { apiFetch } from '../auth';

const enc = encodeURIComponent;

/** One contact as the server presents it (the same type, so the two cannot drift). */
export type ContactDto = ContactView;

export interface ContactLogDto { items: ContactDto[]; form?: FormDefinition }

export interface RecordedContactDto {
  contactId: string;
  repeated: boolean;
  compliance?: { started: boolean; alreadyStarted: boolean; message: string };
}

export interface StartableProcessDto { processId: string; name: string; startEventName?: string; form: FormDefinition }
export interface StartableListDto { items: StartableProcessDto[]; variables: Record<string, unknown> }
export interface StartedProcessDto { instanceKey: string; processId: string; version: number; firstTask?: { id: string; name: string; candidateGroups: string[]; forYou: boolean } }

export const caseWorkApi = {
  contacts: (caseId: string, reason?: string) =>
    apiFetch<ContactLogDto>('GET', `/api/cases/${enc(caseId)}/contacts${reason ? `?reason=${enc(reason)}` : ''}`),
  recordContact: (caseId: string, key: string, data: Record<string, unknown>) =>
    apiFetch<RecordedContactDto>('POST', `/api/cases/${enc(caseId)}/contacts`, { key, data }),
  startable: (caseId: string) => apiFetch<StartableListDto>('GET', `/api/cases/${enc(caseId)}/startable-processes`),
  start: (caseId: string, processId: string, variables: Record<string, unknown>) =>
    apiFetch<StartedProcessDto>('POST', `/api/cases/${enc(caseId)}/processes`, { processId, variables }),
};

/** A fresh key for a contact being recorded: the same key saves it once (double clicks, retries). */
export const newContactKey = (): string =>
  `c${Array.from(crypto.getRandomValues(new Uint8Array(12)), (b) => b.toString(16).padStart(2, '0')).join('')}`;
