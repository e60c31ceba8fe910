// Calls to the permissions API (administrators only): the version in force, history, preview, save.
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
}

export interface VersionSummaryDto { version: number; createdAt: string; createdBy: string; createdByName?: string; reason: string }

const base = '/api/admin/permissions';

export const permissionsApi = {
  current: () => apiFetch<PermissionsDto>('GET', base),
  history: () => apiFetch<{ items: VersionSummaryDto[] }>('GET', `${base}/history`).then((r) => r.items),
  preview: (rows: Rows, config: PermissionConfigDto) => apiFetch<PreviewDto>('POST', `${base}/preview`, { rows, ...config }),
  save: (basedOn: number, rows: Rows, config: PermissionConfigDto, reason: string) => apiFetch<PermissionVersionDto>('POST', base, { basedOn, rows, ...config, reason }),
};
