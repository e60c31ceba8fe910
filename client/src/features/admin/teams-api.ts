// Calls to /api/admin/teams (administrators only): teams in words, dated membership, merges and splits.
import { apiFetch } from '../auth/api-fetch';

export interface PersonDto { id: string; name: string }
export interface TeamDto {
  key: string; name: string; active: boolean; mergedInto?: { key: string; name: string };
  managers: PersonDto[]; headOfService?: PersonDto; members: PersonDto[];
  history: (PersonDto & { from: string; to?: string; reason: string })[];
}
export interface MoveDto {
  id: string; kind: 'merge' | 'split'; state: 'running' | 'done'; reason: string; startedAt: string; startedBy: string; finishedAt?: string;
  sources: { key: string; name: string }[]; target: { key: string; name: string };
  counts: { cases: number; tasks: number; members: number; managers: number; toReallocate: number; released: number };
  /** What moved, in sentences (the same words the audit keeps). */
  report: string[];
  cases: string[]; tasks: string[]; members: PersonDto[]; managers: PersonDto[]; toReallocate: { caseId: string; worker: PersonDto }[];
  released: { taskId: string; task: string; worker: PersonDto }[];
}
export interface TeamsDto { today: string; teams: TeamDto[]; people: PersonDto[]; moves: MoveDto[] }

const base = '/api/admin/teams';
const one = (key: string) => `${base}/${encodeURIComponent(key)}`;

export const teamsApi = {
  list: () => apiFetch<TeamsDto>('GET', base),
  create: (body: Record<string, unknown>) => apiFetch<TeamDto>('POST', base, body),
  update: (key: string, body: Record<string, unknown>) => apiFetch<TeamDto>('PATCH', one(key), body),
  membership: (key: string, body: { userId: string; change: 'join' | 'leave'; on: string }) => apiFetch<unknown>('POST', `${one(key)}/members`, body),
  move: (body: Record<string, unknown>) => apiFetch<MoveDto>('POST', `${base}/moves`, body),
  resume: (id: string) => apiFetch<MoveDto>('POST', `${base}/moves/${encodeURIComponent(id)}/resume`, {}),
};
