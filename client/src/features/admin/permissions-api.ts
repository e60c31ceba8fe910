// Calls to the permissions API (administrators only): the version in force, history, preview, save.
import { apiFetch } from '../auth/api-fetch';

export interface RoleRow { actions: string[]; read: string[]; write: string[] }
export type Rows = Record<string, RoleRow>;

export interface PermissionVersionDto {
  version: number;
  rows: Rows;
  roles: string[];
  createdAt: string;
  createdBy: string;
  reason: string;
}

export interface Labelled { key: string; label: string }

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
  preview: (rows: Rows) => apiFetch<PreviewDto>('POST', `${base}/preview`, { rows }),
  save: (basedOn: number, rows: Rows, reason: string) => apiFetch<PermissionVersionDto>('POST', base, { basedOn, rows, reason }),
};
