// Calls to /api/admin/teams (administrators only): teams in words, dated membership, merges and splits.
import type {
  CreateTeamRequest, MembershipRequest, MembershipsBody, MoveTeamsRequest, TeamBody, TeamMoveBody, TeamsPageBody, UpdateTeamRequest,
} from '../../../../server/src/http/openapi/api-types';
import { apiFetch } from '../auth/api-fetch';

/** The teams page's answers as the API's schemas describe them (server/src/http/openapi/permissions-teams-schemas.ts). */
export type TeamsDto = TeamsPageBody;
export type TeamDto = TeamsDto['teams'][number];
export type PersonDto = TeamsDto['people'][number];
export type MoveDto = TeamMoveBody;

const base = '/api/admin/teams';
const one = (key: string) => `${base}/${encodeURIComponent(key)}`;

export const teamsApi = {
  list: () => apiFetch<TeamsDto>('GET', base),
  create: (body: CreateTeamRequest) => apiFetch<TeamBody>('POST', base, body),
  update: (key: string, body: UpdateTeamRequest) => apiFetch<TeamBody>('PATCH', one(key), body),
  membership: (key: string, body: MembershipRequest) => apiFetch<MembershipsBody>('POST', `${one(key)}/members`, body),
  move: (body: MoveTeamsRequest) => apiFetch<MoveDto>('POST', `${base}/moves`, body),
  resume: (id: string) => apiFetch<MoveDto>('POST', `${base}/moves/${encodeURIComponent(id)}/resume`, {}),
};
