// Response schemas of the administrators' permissions and teams pages, checked against the use cases' own
// return types as response-schemas.ts does, so the document, the contract tests and the web client's admin
// pages share one definition.
import { z } from 'zod';
import type { awaitingAccountChanges, presentChange } from '../../application/permissions/decide-permission-change';
import type { getPermissionHistory } from '../../application/permissions/get-permission-history';
import type { getPermissions, getPermissionVersion } from '../../application/permissions/get-permissions';
import type { previewPermissionChange } from '../../application/permissions/preview-permission-change';
import type { getTeams, presentMove } from '../../application/teams/get-teams';
import type { Membership, Team } from '../../domain/teams/team';
import { civilDate, describes, instant } from './schema-kit';

type Answer<F extends (...args: never[]) => unknown> = Awaited<ReturnType<F>>;

const words = z.record(z.string(), z.string());
const definedSection = z.looseObject({ key: z.string(), label: z.string(), description: z.string() });
const rows = z.record(z.string(), z.looseObject({ actions: z.array(z.string()), read: z.array(z.string()), write: z.array(z.string()) }))
  .describe('What each role may do, read and write, by role key');
const versionOf = {
  version: z.number().int(), createdAt: instant, createdBy: z.string().describe('A user id, or "system" for the shipped version'), reason: z.string(),
  approvedBy: z.string().optional(),
};
const permissionVersion = describes<Answer<typeof getPermissionVersion>>()(z.looseObject({
  ...versionOf, rows, sections: z.array(definedSection).describe('Sections this version adds to the shipped ones'),
  roleLabels: words.describe('Names this version gives roles, by key'), roles: z.array(z.string()), roleNames: words.describe("Every role's name, by key"),
}));

const effectLine = z.looseObject({
  kind: z.enum(['action', 'read', 'write']), name: z.string(), change: z.enum(['gain', 'loss']), summary: z.string(),
  users: z.array(z.looseObject({ id: z.string(), displayName: z.string() })),
});
const roleChange = z.looseObject({ role: z.string(), change: z.string() });
const changeRequest = describes<Answer<typeof presentChange>>()(z.looseObject({
  id: z.string(), basedOn: z.number().int(), reason: z.string(), requestedBy: z.string(), requestedAt: instant,
  requestedByName: z.string().optional(), needsApproval: words.describe('Why it waits for another administrator, by field'),
  effect: z.array(effectLine), changes: z.array(roleChange), state: z.enum(['awaiting', 'approved', 'rejected']),
  decidedBy: z.string().optional(), decidedByName: z.string().optional(), decidedAt: instant.optional(), decisionReason: z.string().optional(),
  version: z.number().int().optional().describe('The version the approval put in force'),
  kind: z.enum(['account', 'service-account']).optional().describe("account: an administrator's own roles or teams, asked for on the users page; service-account: a new service account whose scopes read case data"),
  account: z.looseObject({ userId: z.string(), words: z.array(z.string()), gained: z.array(z.string()) }).optional(),
}));

const labelled = z.looseObject({ key: z.string(), label: z.string(), description: z.string().optional() });
export const PermissionsInForce = {
  name: 'PermissionsInForce',
  schema: describes<Answer<typeof getPermissions> & { latestChangeRequest: Answer<typeof presentChange> | null }>()(z.looseObject({
    inForce: permissionVersion, actions: z.array(labelled), sections: z.array(labelled),
    latestChangeRequest: changeRequest.nullable().describe('The change asked for last that needed a second administrator'),
  })),
};
export const PermissionVersionAnswer = { name: 'PermissionVersion', schema: permissionVersion };
export const PermissionSaved = {
  name: 'PermissionSaved',
  schema: z.union([permissionVersion, z.looseObject({ awaitingApproval: changeRequest.nullable() })])
    .describe("The version now in force (201), or the change awaiting another administrator's approval (202)"),
};
export const PermissionHistory = {
  name: 'PermissionHistory',
  schema: describes<Answer<typeof getPermissionHistory>>()(z.looseObject({
    items: z.array(z.looseObject({ ...versionOf, createdByName: z.string(), approvedByName: z.string().optional() })),
  })),
};
export const PermissionPreview = {
  name: 'PermissionPreview',
  schema: describes<Answer<typeof previewPermissionChange>>()(z.looseObject({
    basedOn: z.number().int(), effect: z.array(effectLine), changes: z.array(roleChange),
    needsApproval: words.describe('Why saving would wait for another administrator, by field; empty when it would not'),
  })),
};
export const ChangeRequestList = {
  name: 'ChangeRequestList', schema: describes<{ items: Answer<typeof awaitingAccountChanges> }>()(z.looseObject({ items: z.array(changeRequest) })),
};
export const ChangeRequestDecided = { name: 'ChangeRequestDecided', schema: z.looseObject({ request: changeRequest }) };

const person = z.looseObject({ id: z.string(), name: z.string() });
const teamRef = z.looseObject({ key: z.string(), name: z.string() });
const move = describes<NonNullable<ReturnType<typeof presentMove>>>()(z.looseObject({
  id: z.string(), kind: z.enum(['merge', 'split']), state: z.enum(['running', 'done']), reason: z.string(), startedAt: instant,
  startedBy: z.string().describe('Who started it, by name'), finishedAt: instant.optional(), sources: z.array(teamRef), target: teamRef,
  counts: z.looseObject({
    cases: z.number().int(), tasks: z.number().int(), members: z.number().int(), managers: z.number().int(), toReallocate: z.number().int(), released: z.number().int(),
  }),
  report: z.array(z.string()).describe('What moved, in sentences'), cases: z.array(z.string()), tasks: z.array(z.string()),
  members: z.array(person), managers: z.array(person), toReallocate: z.array(z.looseObject({ caseId: z.string(), worker: person })),
  released: z.array(z.looseObject({ taskId: z.string(), task: z.string(), worker: person })),
}));
export const TeamMoveAnswer = { name: 'TeamMove', schema: move };

export const TeamsPage = {
  name: 'TeamsPage',
  schema: describes<Answer<typeof getTeams>>()(z.looseObject({
    today: civilDate,
    teams: z.array(z.looseObject({
      key: z.string(), name: z.string(), active: z.boolean(), mergedInto: teamRef.optional(), managers: z.array(person), headOfService: person.optional(),
      members: z.array(person), history: z.array(person.extend({ from: civilDate, to: civilDate.optional(), reason: z.string() })),
    })),
    people: z.array(person), moves: z.array(move),
  })),
};
export const TeamAnswer = {
  name: 'Team',
  schema: describes<Team>()(z.looseObject({
    key: z.string(), name: z.string(), managerIds: z.array(z.string()), headOfServiceId: z.string().optional(), active: z.boolean(),
    mergedInto: z.string().optional(), createdAt: instant,
  })),
};
export const Memberships = {
  name: 'Memberships',
  schema: z.looseObject({
    memberships: z.array(describes<Membership>()(z.looseObject({
      id: z.string(), userId: z.string(), team: z.string(), from: civilDate, to: civilDate.optional(), reason: z.string(),
    }))),
  }),
};
