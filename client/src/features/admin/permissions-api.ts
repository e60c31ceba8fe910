// Calls to the permissions API (administrators only): the version in force, history, preview, save, and
// another administrator's decision on a change awaiting approval.
import type {
  ChangeRequestDecidedBody, ChangeRequestListBody, PermissionHistoryBody, PermissionPreviewBody, PermissionSavedBody, PermissionsInForceBody,
  PermissionsPreviewRequest, PermissionsSaveRequest, PermissionVersionBody,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** The permissions' answers as the API's schemas describe them (server/src/http/openapi/permissions-teams-schemas.ts),
 * and what the page sends as the request schemas parse it. */
export type Rows = PermissionsPreviewRequest['rows'];
export type RoleRow = Rows[string];
export type PermissionVersionDto = PermissionVersionBody;
/** A case section (tab) a version adds to the shipped ones. */
export type SectionDefinitionDto = PermissionVersionDto['sections'][number];
/** What a version configures besides the table: added sections and names for roles. */
export type PermissionConfigDto = Required<Omit<PermissionsPreviewRequest, 'rows'>>;
export type PermissionsDto = PermissionsInForceBody;
export type Labelled = PermissionsDto['actions'][number];
/** A change that widens its author's own access to children's data, awaiting (or given) another admin's decision. */
export type ChangeRequestDto = ChangeRequestListBody['items'][number];
export type AccountChangeDto = NonNullable<ChangeRequestDto['account']>;
export type EffectLineDto = ChangeRequestDto['effect'][number];
export type PreviewDto = PermissionPreviewBody;
export type VersionSummaryDto = PermissionHistoryBody['items'][number];

const base = '/api/admin/permissions';

export const permissionsApi = {
  current: () => apiFetch<PermissionsDto>('GET', base),
  history: () => apiFetch<PermissionHistoryBody>('GET', `${base}/history`).then((r) => r.items),
  preview: (rows: Rows, config: PermissionConfigDto) => apiFetch<PreviewDto>('POST', `${base}/preview`, { rows, ...config } satisfies PermissionsPreviewRequest),
  /** The version now in force, or the change awaiting another administrator's approval. */
  save: (basedOn: number, rows: Rows, config: PermissionConfigDto, reason: string) =>
    apiFetch<PermissionSavedBody>('POST', base, { basedOn, rows, ...config, reason } satisfies PermissionsSaveRequest),
  /** Administrators' changes to their own accounts awaiting another administrator. */
  accountChanges: () => apiFetch<ChangeRequestListBody>('GET', `${base}/requests`).then((r) => r.items),
  decide: (id: string, decision: 'approve' | 'reject', reason: string) =>
    apiFetch<ChangeRequestDecidedBody>('POST', `${base}/requests/${encodeURIComponent(id)}/decision`, { decision, reason }),
};
