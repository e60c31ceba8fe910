// The OpenAPI operations of teams as data (issue 23), from the schemas teams.routes.ts parses with.
import { z } from 'zod';
import { createTeamSchema, membershipSchema, moveSchema, updateTeamSchema } from '../teams.routes';
import { action, type ApiResource } from './api-operation';
import { Memberships, TeamAnswer, TeamMoveAnswer, TeamsPage } from './permissions-teams-schemas';

const admin = action('administer-users');
const empty = z.strictObject({});

export const TEAMS: ApiResource = {
  tag: 'Teams', base: '/api/admin/teams',
  description: 'Teams as data: managers, head of service, dated membership, and merging or splitting teams with a report of what moved (administrators).',
  operations: [
    { method: 'get', path: '', summary: 'List teams, their members and history, and the moves made', access: admin, query: empty, response: TeamsPage },
    { method: 'post', path: '', summary: 'Make a team', access: admin, body: createTeamSchema, status: 201, errors: [409], response: TeamAnswer },
    { method: 'patch', path: '/:key', summary: "Change a team's name, managers or head of service", access: admin, body: updateTeamSchema, errors: [404], response: TeamAnswer },
    { method: 'post', path: '/:key/members', summary: 'Put someone in the team, or take them out, from a day', access: admin, body: membershipSchema, status: 201, errors: [404], response: Memberships },
    { method: 'post', path: '/moves', summary: 'Merge teams, or split cases and people out of a team, and report what moved', access: admin, body: moveSchema, status: 201, errors: [409], response: TeamMoveAnswer },
    { method: 'get', path: '/moves/:id', summary: 'Read what a merge or split moved', access: admin, query: empty, errors: [404], response: TeamMoveAnswer },
    { method: 'post', path: '/moves/:id/resume', summary: 'Finish an interrupted merge or split (repeats nothing)', access: admin, body: empty, errors: [404], response: TeamMoveAnswer },
  ],
};
