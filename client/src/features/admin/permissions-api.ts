// Calls to the permissions API (administrators only): the version in force, history, preview, save, and
// another administrator's decision on a change awaiting approval.
import { apiFetch } from '../auth/api-fetch';

export interface RoleRow { actions: string[]; read: string[]; write: string[] }
export type Rows = Record<string, RoleRow>;

/** A case section (tab) a version adds to the shipped ones. */
export interface SectionDefinitionDto { key: string; label: string; description: string }

/** What a version configures besides the table: added sections and names for roles. */
export interface PermissionConfigDto { sections: SectionDefinitionDto[]; roleLabels: Record<string, string> }

export interface PermissionVersionDto extends PermissionConfigDto {
  version: number;
  rows: Rows;
  roles: string[];
  /** Every role's name for people, by key. */
  roleNames: Record<string, string>;
  createdAt: string;
  createdBy: string;
  reason: string;
}

export interface Labelled { key: string; label: string; description?: string }

export interface PermissionsDto {
  inForce: PermissionVersionDto;
  actions: Labelled[];
  sections: Labelled[];
  /** The change asked for last that needed a second administrator: awaiting, approved or rejected. */
  latestChangeRequest: ChangeRequestDto | null;
}

/** A change that widens its author's own access to children's data, awaiting (or given) another admin's decision. */
export interface ChangeRequestDto {
  id: string;
  basedOn: number;
  reason: string;
  requestedBy: string;
  requestedByName: string;
  requestedAt: string;
  needsApproval: Record<string, string>;
  effect: EffectLineDto[];
  changes: { role: string; change: string }[];
  state: 'awaiting' | 'approved' | 'rejected';
  decidedByName?: string;
  decidedAt?: string;
  decisionReason?: string;
  version?: number;
  /** 'account': an administrator's own roles or teams, asked for on the users page. */
  kind?: 'account';
  account?: AccountChangeDto;
}

/** An administrator's own roles and teams awaiting another administrator, in words. */
export interface AccountChangeDto {
  userId: string;
  /** What would change ("Roles: Administrators → Administrators, Case managers"). */
  words: string[];
  /** What they would gain of children's data ("read Health", "the cases of South"). */
  gained: string[];
}

export interface EffectLineDto {
  kind: 'action' | 'read' | 'write';
  name: string;
  change: 'gain' | 'loss';
  summary: string;
  users: { id: string; displayName: string }[];
}

export interface PreviewDto {
  basedOn: number;
  effect: EffectLineDto[];
  changes: { role: string; change: string }[];
  /** Why saving would wait for another administrator, by field; empty when it would not. */
  needsApproval?: Record<string, string>;
}

export interface VersionSummaryDto { version: number; createdAt: string; createdBy: string; createdByName?: string; approvedByName?: string; reason: string }

const base = '/api/admin/permissions';

export const permissionsApi = {
  current: () => apiFetch<PermissionsDto>('GET', base),
  history: () => apiFetch<{ items: VersionSummaryDto[] }>('GET', `${base}/history`).then((r) => r.items),
  preview: (rows: Rows, config: PermissionConfigDto) => apiFetch<PreviewDto>('POST', `${base}/preview`, { rows, ...config }),
  /** The version now in force, or the change awaiting another administrator's approval. */
  save: (basedOn: number, rows: Rows, config: PermissionConfigDto, reason: string) =>
    apiFetch<PermissionVersionDto | { awaitingApproval: ChangeRequestDto }>('POST', base, { basedOn, rows, ...config, reason }),
  /** Administrators' changes to their own accounts awaiting another administrator. */
  accountChanges: () => apiFetch<{ items: ChangeRequestDto[] }>('GET', `${base}/requests`).then((r) => r.items),
  decide: (id: string, decision: 'approve' | 'reject', reason: string) =>
    apiFetch<{ request: ChangeRequestDto }>('POST', `${base}/requests/${encodeURIComponent(id)}/decision`, { decision, reason }),
};
