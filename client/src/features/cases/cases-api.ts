// Calls to /api/cases through the auth feature's fetch (session cookie + CSRF token, ApiError).
import { apiFetch } from '../auth';
import type { ChronologyKind as ChronologyKindOfServer } from '../../../../server/src/domain/cases/chronology-entry';
import type { CaseHeaderWords, CaseWords, FieldWords, ItemWords, SectionWords, SourceWords } from '../../../../server/src/application/cases/present-case-words';
import type { ValueWords } from '../../../../server/src/domain/cases/value-words';
import type { CatalogueField } from '../../../../server/src/domain/forms/field-catalogue';
import type {
  AmendmentListBody, AmendRequest, CaseRecordBody, ChronologyPageBody, CreateCaseRequest, DuplicateListBody, ReReferralBody, ReReferralRequest,
} from '../../../../server/src/http/openapi/api-types';

export const SECTION_LABELS: Record<string, string> = {
  personal: 'Personal', family: 'Family & relationships', education: 'Education', health: 'Health',
  offending: 'Offending', assessments: 'Assessments', plans: 'Plans and reviews', victims: 'Victims', agencies: 'Agencies involved',
};

/** The case record's parts as the API's schema describes them (server/src/http/openapi/response-schemas.ts). */
export type SectionDto = CaseRecordBody['sections'][string];
export type ItemDto = NonNullable<SectionDto['collections']>[string][number];
export type ValueSourceDto = SectionDto['sources'][string];
export type SubmissionLinkDto = CaseRecordBody['submissions'][number];

/** The record in words as the server's presenter types it (application/cases/present-case-words.ts, imported
 * type-only, so a presenter change the pages do not follow fails the typecheck); dates are formatted here. */
export type ValueWordsDto = ValueWords;
export type SourceWordsDto = SourceWords;
export type FieldWordsDto = FieldWords;
export type ItemWordsDto = ItemWords;
export type SectionWordsDto = SectionWords;
export type CatalogueFieldDto = CatalogueField;
export type CaseHeaderDto = CaseHeaderWords;
export type CaseWordsDto = CaseWords;
/** An amendment in words as the API's schema describes it (server/src/http/openapi/case-words-schemas.ts). */
export type AmendmentWordsDto = NonNullable<AmendmentListBody['words']>[number];
export type ChronologyKind = ChronologyKindOfServer;
/** The chronology as the API's schema describes it (server/src/http/openapi/records-schemas.ts). */
export type ChronologyPageDto = ChronologyPageBody;
export type ChronologyEntryDto = ChronologyPageDto['items'][number];

/** The case record as the schema describes it (its consent is the consents answer, consent-banner.tsx); the
 * record in words keeps the presenter's own type, whose form components a correction compiles (the schema
 * leaves those open). */
export type CaseDto = Omit<CaseRecordBody, 'words'> & {
  /** The record in words: header, labelled values, names, correctable fields. */
  words?: CaseWordsDto;
};

/** An amendment of the history as the API's schema describes it (server/src/http/openapi/task-case-actions-schemas.ts). */
export type AmendmentDto = AmendmentListBody['items'][number];

const enc = encodeURIComponent;

export const casesApi = {
  get: (id: string, reason?: string) => apiFetch<CaseDto>('GET', `/api/cases/${enc(id)}${reason ? `?reason=${enc(reason)}` : ''}`),
  amendments: (id: string, section?: string) =>
    apiFetch<AmendmentListBody>('GET', `/api/cases/${enc(id)}/amendments${section ? `?section=${enc(section)}` : ''}`).then((r) => r.items),
  /** The history in words (labels, option labels, names), newest first. */
  amendmentWords: (id: string) =>
    apiFetch<AmendmentListBody>('GET', `/api/cases/${enc(id)}/amendments?limit=200`).then((r) => r.words ?? []),
  /** One page of the case's chronology; `reason` when the case is another team's (break glass). */
  chronology: (id: string, q: { kind?: ChronologyKind; page?: number; reason?: string } = {}) =>
    apiFetch<ChronologyPageDto>('GET', `/api/cases/${enc(id)}/chronology?${new URLSearchParams(Object.entries(q).filter(([, v]) => v !== undefined && v !== '').map(([k, v]) => [k, String(v)]))}`),
  amend: (id: string, section: string, changes: Record<string, unknown>, reason: string) =>
    apiFetch<CaseDto>('PATCH', `/api/cases/${enc(id)}/sections/${enc(section)}`, { changes, reason } satisfies AmendRequest),
  /** One item of a collection: `itemId` amends it, none adds a new item. */
  amendItem: (id: string, section: string, collection: string, itemId: string | undefined, changes: Record<string, unknown>, reason: string) =>
    apiFetch<CaseDto>(itemId ? 'PATCH' : 'POST', `/api/cases/${enc(id)}/sections/${enc(section)}/collections/${enc(collection)}${itemId ? `/${enc(itemId)}` : ''}`, { changes, reason } satisfies AmendRequest),
  duplicates: (p: { givenName: string; familyName: string; dateOfBirth: string; nhsNumber?: string }) =>
    apiFetch<DuplicateListBody>('GET', `/api/cases/duplicates?${new URLSearchParams(Object.entries(p).filter(([, v]) => v) as [string, string][])}`).then((r) => r.items),
  create: (body: CreateCaseRequest) => apiFetch<CaseDto>('POST', '/api/cases', body),
  /** A re-referral of a child whose case is open: intake starts on that case, no second record. */
  reRefer: (id: string, referralSource?: string) =>
    apiFetch<ReReferralBody>('POST', `/api/cases/${enc(id)}/referrals`, (referralSource ? { referralSource } : {}) satisfies ReReferralRequest),
};

export const show = (v: unknown): string => {
  if (v === undefined || v === null) return '—';
  if (typeof v === 'string') return v;
  if (typeof v === 'boolean') return v ? 'Yes' : 'No';
  if (Array.isArray(v) && v.every((x) => typeof x !== 'object')) return v.join(', ');
  return JSON.stringify(v);
};
