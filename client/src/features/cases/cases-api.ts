// Calls to /api/cases through the auth feature's fetch (session cookie + CSRF token, ApiError).
import { apiFetch } from '../auth';
import type { CaseConsentDto } from './consent-banner';

export const SECTION_LABELS: Record<string, string> = {
  personal: 'Personal', family: 'Family & relationships', education: 'Education', health: 'Health',
  offending: 'Offending', assessments: 'Assessments', plans: 'Plans & contacts', victims: 'Victims', agencies: 'Agencies involved',
};

export interface ValueSourceDto { at: string; by: string; submissionId?: string; formId?: string; formVersion?: number; taskId?: string; amendmentSeq: number }
export interface ItemDto { id: string; label: string; values: Record<string, unknown>; sources: Record<string, ValueSourceDto> }
export interface SectionDto {
  values: Record<string, unknown>; revision: number; updatedAt: string; updatedBy: string; sources: Record<string, ValueSourceDto>;
  /** Repeating entities (victims, orders…), each item with its id, label and sources. */
  collections?: Record<string, ItemDto[]>;
  labels?: { fields?: Record<string, string>; items?: Record<string, Record<string, string>> };
}
export interface SubmissionLinkDto { submissionId: string; formId: string; formVersion: number; taskId?: string; at: string; by: string; sections: string[] }

export interface CaseDto {
  id: string;
  displayName: string;
  dateOfBirth: string;
  team: string;
  status: string;
  pathway?: string;
  caseManagerId?: string;
  createdAt: string;
  sections: Record<string, SectionDto>;
  readableSections: string[];
  withheldSections: string[];
  submissions: SubmissionLinkDto[];
  /** Consent standings and any restriction of processing (consent-banner.tsx). */
  consent?: CaseConsentDto;
}

export interface AmendmentDto {
  section: string;
  seq: number;
  at: string;
  by: string;
  source: { kind: 'referral' } | { kind: 'manual'; reason: string } | { kind: 'submission'; submissionId: string; formId: string; formVersion: number; taskId?: string };
  changes: { field: string; previous?: unknown; value?: unknown; collection?: string; item?: string; itemLabel?: string; added?: true }[];
}

const enc = encodeURIComponent;

export const casesApi = {
  get: (id: string, reason?: string) => apiFetch<CaseDto>('GET', `/api/cases/${enc(id)}${reason ? `?reason=${enc(reason)}` : ''}`),
  amendments: (id: string, section?: string) =>
    apiFetch<{ items: AmendmentDto[] }>('GET', `/api/cases/${enc(id)}/amendments${section ? `?section=${enc(section)}` : ''}`).then((r) => r.items),
  amend: (id: string, section: string, changes: Record<string, unknown>, reason: string) =>
    apiFetch<CaseDto>('PATCH', `/api/cases/${enc(id)}/sections/${enc(section)}`, { changes, reason }),
  /** One item of a collection: `itemId` amends it, none adds a new item. */
  amendItem: (id: string, section: string, collection: string, itemId: string | undefined, changes: Record<string, unknown>, reason: string) =>
    apiFetch<CaseDto>(itemId ? 'PATCH' : 'POST', `/api/cases/${enc(id)}/sections/${enc(section)}/collections/${enc(collection)}${itemId ? `/${enc(itemId)}` : ''}`, { changes, reason }),
  duplicates: (p: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber?: string }) =>
    apiFetch<{ items: { reasons: string[]; caseId?: string; displayName?: string; team: string }[] }>('GET', `/api/cases/duplicates?${new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][])}`).then((r) => r.items),
  create: (body: Record<string, unknown>) => apiFetch<CaseDto>('POST', '/api/cases', body),
  /** A re-referral of a child whose case is open: intake starts on that case, no second record. */
  reRefer: (id: string, referralSource?: string) =>
    apiFetch<{ caseId: string; processId: string; referralReceivedAt: string }>('POST', `/api/cases/${enc(id)}/referrals`, referralSource ? { referralSource } : {}),
};

/** The case page's one date format (as the sources column): 24/11/2026. */
export const showDate = (iso: string): string => new Date(iso).toLocaleDateString('en-GB', { timeZone: 'Europe/London' });

/** "victims" → "Victims", "courtReports" → "Court reports". */
export const collectionTitle = (name: string): string => {
  const words = name.replace(/([A-Z])/g, ' $1').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
};

export const show = (v: unknown): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  return JSON.stringify(v);
};
